/**
 * `npm run fuzz [-- --cases 10000 --seed 42 --hang-ms 60000 --out dir]`:
 * the long fuzz run. Mutated real pages (the seeds in docs-input, the hostile
 * fixtures, the attack pages of test/fixtures/attacks, and every page group of ../shared/graph-docs when present) go
 * through extract, link, emit (every 25th case formatted) and check in a worker
 * thread; this thread watches it, so a hang is reported with its case instead
 * of stalling the run. Rounds of 250 cases use successive seeds; a failing round
 * is shrunk, printed and saved, and the run goes on. Exit 1 on any failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { cutJsonProperty, damagedPagesProperty, jsonTargets } from './fuzz/properties.js';
import type { Mutation } from './fuzz/mutate.js';
import { seedGroups, type SeedGroup } from './fuzz/seeds.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** `scripts/` under tsx, `dist/scripts/` when built. */
const repoRoot = path.resolve(here, here.split(path.sep).includes('dist') ? '../..' : '..');
const ROUND = 250;
/** Every n-th round checks cut JSON bodies instead of random damage. */
const JSON_ROUND_EVERY = 5;

interface Settings {
  cases: number;
  seed: number;
  hangMs: number;
  out: string;
  corpus: string;
}

type Message =
  | { type: 'groups'; count: number; jsonTargets: number }
  | { type: 'case'; n: number; files: string[]; mutations: Mutation[] }
  | { type: 'round'; seed: number; runs: number; property: string; failure?: string };

function settingsFrom(argv: string[]): Settings {
  const value = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
  };
  return {
    cases: Number(value('cases', '10000')),
    seed: Number(value('seed', String(Date.now() % 1_000_000_000))),
    hangMs: Number(value('hang-ms', '60000')),
    out: path.resolve(value('out', path.join(os.tmpdir(), 'docs2ts-fuzz-failures'))),
    corpus: path.resolve(value('corpus', path.join(repoRoot, '../shared/graph-docs'))),
  };
}

async function fuzzWorker(settings: Settings): Promise<void> {
  const post = (message: Message) => parentPort!.postMessage(message);
  const groups: SeedGroup[] = [
    ...seedGroups(path.join(repoRoot, 'docs-input')),
    ...seedGroups(path.join(repoRoot, 'test/fixtures/hostile')),
    ...seedGroups(path.join(repoRoot, 'test/fixtures/attacks')),
    ...seedGroups(settings.corpus),
  ];
  const targets = jsonTargets(seedGroups(settings.corpus, 150).concat(seedGroups(path.join(repoRoot, 'docs-input'))));
  post({ type: 'groups', count: groups.length, jsonTargets: targets.length });
  let n = 0;
  const onCase = (pages: readonly { file: string }[], mutations: readonly Mutation[]) =>
    post({ type: 'case', n: ++n, files: pages.map((p) => p.file), mutations: [...mutations] });
  for (let round = 0, done = 0; done < settings.cases; round++) {
    const runs = Math.min(ROUND, settings.cases - done);
    const seed = settings.seed + round;
    const json = round % JSON_ROUND_EVERY === JSON_ROUND_EVERY - 1 && targets.length > 0;
    const property = json ? cutJsonProperty(targets) : damagedPagesProperty(groups, { formatEvery: 25, onCase });
    const result = await fc.check(property as fc.IAsyncProperty<[number, unknown]>, { numRuns: runs, seed, endOnFailure: false });
    const error = result.errorInstance instanceof Error ? (result.errorInstance.stack ?? result.errorInstance.message) : String(result.errorInstance);
    const failure = result.failed ? `${fc.defaultReportMessage(result)}\n${error}` : undefined;
    post({ type: 'round', seed, runs: result.numRuns, property: json ? 'cut-json' : 'damaged-pages', ...(failure ? { failure } : {}) });
    done += runs;
  }
}

async function supervise(settings: Settings): Promise<number> {
  console.log(`fuzz: ${settings.cases} cases from seed ${settings.seed}; corpus ${settings.corpus}`);
  const started = Date.now();
  // Under tsx the worker registers tsx's loader before importing this file.
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`, { eval: true, workerData: settings })
    : new Worker(fileURLToPath(import.meta.url), { workerData: settings });
  let tried = 0;
  const failures: string[] = [];
  let last: Extract<Message, { type: 'case' }> | undefined;
  let lastAt = Date.now();
  const save = (name: string, content: string) => {
    mkdirSync(settings.out, { recursive: true });
    const file = path.join(settings.out, name);
    writeFileSync(file, content);
    return file;
  };
  const finished = new Promise<void>((resolve) => {
    worker.on('message', (message: Message) => {
      lastAt = Date.now();
      if (message.type === 'groups') console.log(`fuzz: ${message.count} seed groups, ${message.jsonTargets} JSON bodies to cut`);
      if (message.type === 'case') last = message;
      if (message.type === 'round') {
        tried += message.runs;
        if (message.failure) {
          failures.push(message.failure);
          const file = save(`${message.property}-seed-${message.seed}.txt`, message.failure);
          console.log(`fuzz: FAILURE in ${message.property} round (seed ${message.seed}), saved to ${file}\n${message.failure.slice(0, 4000)}`);
        }
        const seconds = (Date.now() - started) / 1000;
        console.log(`fuzz: ${tried} cases tried, ${failures.length} failures, ${seconds.toFixed(0)} s`);
      }
    });
    worker.on('error', (error) => {
      failures.push(`worker crashed: ${error.stack ?? error.message}`);
      console.log(`fuzz: worker crashed: ${error.stack ?? error.message}`);
    });
    worker.on('exit', () => resolve());
  });
  const watchdog = setInterval(() => {
    if (Date.now() - lastAt < settings.hangMs) return;
    const file = save(`hang-${settings.seed}-${last?.n ?? 0}.json`, JSON.stringify(last ?? null, null, 2));
    failures.push(`hang: case ${last?.n} (${last?.files.join(', ')}) ran over ${settings.hangMs} ms`);
    console.log(`fuzz: HANG on case ${last?.n} (${last?.files.join(', ')}) over ${settings.hangMs} ms; saved to ${file}`);
    void worker.terminate();
  }, 1000);
  await finished;
  clearInterval(watchdog);
  const seconds = (Date.now() - started) / 1000;
  console.log(`fuzz: done: ${tried} cases tried, ${failures.length} failures in ${seconds.toFixed(0)} s (seed ${settings.seed})`);
  return failures.length === 0 && tried >= settings.cases ? 0 : 1;
}

if (isMainThread) {
  process.exitCode = await supervise(settingsFrom(process.argv.slice(2)));
} else {
  await fuzzWorker(workerData as Settings);
}
