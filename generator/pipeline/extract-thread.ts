/**
 * Entry of the one-shot thread `extractInThread` (`pool.ts`) starts: extracts
 * the pages it was given, posts the results and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { InputPage } from '../parse/input.js';
import { extract } from './worker.js';

parentPort?.postMessage(await extract(workerData as InputPage[]));
