/**
 * Entry of an `ExtractThread` (`pool.ts`): loads the extractor at once, then
 * extracts the pages of the one message it gets, posts the results and ends.
 */
import { parentPort } from 'node:worker_threads';
import type { InputPage } from '../parse/input.js';
import { loadExtractor } from './extract-page-file.js';
import { extract } from './worker.js';

// A failure here surfaces again, as the thread's error, when the pages come.
loadExtractor().catch(() => undefined);
parentPort?.once('message', async (pages: InputPage[]) => {
  parentPort!.postMessage(await extract(pages));
  parentPort!.close();
});
