/**
 * Entry of a `SideThread` (`side-thread.ts`): loads the extractor at once; after
 * extracting, loads prettier (formatting a line with each parser warms them
 * and the printer) while the other thread plans, then formats what it is sent
 * and deletes the folders it is given.
 */
import { rmSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { SideReply, SideRequest } from './side-thread.js';
import { loadExtractor } from './extract-page-file.js';
import { extract } from './worker.js';

type Formatter = typeof import('../emit/format.js');

let formatter: Promise<Formatter> | undefined;

function loadFormatter(): Promise<Formatter> {
  formatter ??= import('../emit/format.js').then(async (module) => {
    // Both parsers `parserFor` picks from: `typescript` for text with a `declare`.
    for (const content of ['export const warm = { a: [1] };\n', 'declare const warm: { a: number[] };\n']) {
      await module.formatFile({ path: 'warm.ts', content }).catch(() => undefined);
    }
    return module;
  });
  return formatter;
}

async function run(request: SideRequest): Promise<unknown> {
  switch (request.job) {
    case 'extract':
      return extract([...request.pages]);
    case 'format':
      return (await loadFormatter()).formatFile(request.file);
    case 'format-parts':
      return (await loadFormatter()).formatByParts(request.file, request.split, request.last);
    case 'remove':
      rmSync(request.folder, { recursive: true, force: true });
      return undefined;
  }
}

// A failure here surfaces again, as the extraction's, when the pages come.
loadExtractor().catch(() => undefined);
parentPort?.on('message', async (request: SideRequest) => {
  let reply: SideReply;
  try {
    reply = { id: request.id, ok: true, value: await run(request) };
  } catch {
    reply = { id: request.id, ok: false };
  }
  parentPort!.postMessage(reply);
  if (request.job === 'extract') loadFormatter().catch(() => undefined);
});
