/**
 * Entry of a `SideThread` (`side-thread.ts`): takes the survey `generate` sends
 * first, extracting at once the pages it finds edited, and then loads the
 * extractor (or loads it for the first extraction);
 * after extracting, loads prettier (formatting a line warms its parser and
 * printer) while the other thread plans, then formats what it is
 * sent and deletes the folders it is given.
 */
import { rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { SIDE_THREAD_PAGES, type SideReply, type SideRequest } from './side-thread.js';
import { loadExtractor, type ExtractedPage } from './extract-page-file.js';
import { extract } from './worker.js';
import type { PageClock } from './page-budget.js';
import { packSurvey, type PackedRecords } from './survey.js';

type Formatter = typeof import('../emit/format.js');

/** Where this thread notes the page it is extracting, which the other thread watches (`SideThread`, the page budget). */
const clock = (workerData as { clock: PageClock }).clock;

let formatter: Promise<Formatter> | undefined;

function loadFormatter(): Promise<Formatter> {
  formatter ??= import('../emit/format.js').then(async (module) => {
    // The parser `parserFor` picks for every file the emitters write (on the corpus's too): `babel-ts`. A text that
    // needs `typescript` loads it when it comes (warming it as well would cost every edit some 60 ms of this thread).
    await module.formatFile({ path: 'warm.ts', content: 'export const warm = { a: [1] };\n' }).catch(() => undefined);
    return module;
  });
  return formatter;
}

/** The last run's records, which the survey waits for; sent after it. */
let recordsCame: (records: PackedRecords | undefined) => void = () => undefined;
const lastRecords = new Promise<PackedRecords | undefined>((resolve) => (recordsCame = resolve));
/** The pages the survey found edited, extracted at once: their files, and the results. */
let early: { files: string[]; results: Promise<ExtractedPage[]> } | undefined;

async function run(request: SideRequest): Promise<unknown> {
  switch (request.job) {
    case 'survey': {
      const { survey, edited } = await packSurvey(request.input, request.out, lastRecords);
      if (edited.length > 0 && edited.length < SIDE_THREAD_PAGES) {
        early = { files: edited.map((page) => page.file), results: extract({ pages: edited, clock }) };
        // Awaited by the extraction that asks for these pages, if one does.
        early.results.catch(() => undefined);
      }
      return survey;
    }
    case 'records':
      recordsCame(request.records);
      return undefined;
    case 'extract': {
      const at = request.pages.map((page) => early?.files.indexOf(page.file) ?? -1);
      if (early && at.every((i) => i >= 0)) {
        const results = await early.results;
        return at.map((i) => results[i]!);
      }
      return extract({ pages: request.pages, clock });
    }
    case 'format':
      return (await loadFormatter()).formatFile(request.file);
    case 'format-parts':
      return (await loadFormatter()).formatByParts(request.file, request.split, request.last);
    case 'remove':
      rmSync(request.folder, { recursive: true, force: true });
      return undefined;
  }
}

parentPort?.on('message', async (request: SideRequest) => {
  let reply: SideReply;
  try {
    reply = { id: request.id, ok: true, value: await run(request) };
  } catch {
    reply = { id: request.id, ok: false };
  }
  parentPort!.postMessage(reply);
  // A failure here surfaces again, as the extraction's, when the pages come.
  if (request.job === 'survey') loadExtractor().catch(() => undefined);
  if (request.job === 'extract') loadFormatter().catch(() => undefined);
});
