/**
 * Figures for speed and incremental regeneration (a script that prints, not a timed test):
 *
 *   npm run bench [-- --corpus DIR] [--repeat N] [--verify] [--skip-corpus]
 *
 * On a temp copy of the corpus (default ../shared/graph-docs) and of docs-input/:
 * - parse_floor: a bare one-thread `unified().use(remarkParse).use(remarkGfm).parse()` of every page;
 * - cold: `docs2ts generate` with an empty cache; warm: again with nothing changed;
 * - one_edit: after a property description is edited, after a property row is added
 *   (a v1.0 resource page), and after a description edit in a beta page;
 * - watch_edit: the first of those edits again, in this process with the state
 *   `--watch` keeps (`GenerateSession`), after one warm-up edit;
 * - check: `docs2ts check` of the input, warm (page facts from the cache the runs above filled).
 * Every `docs2ts` run is a child process; wall time, CPU time (user + system) and
 * peak RSS are each child's own (a preloaded probe reports `process.resourceUsage()`
 * at exit). Cheap steps run `--repeat` times (median). The machine may be shared:
 * load averages are printed, and CPU-time ratios beside the wall-time ones.
 * Children run without NODE_EXTRA_CA_CERTS, which docs2ts has no use for: when it
 * is set, what it adds to a process start is measured and printed, and the
 * one_edit ratios with it.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { discoverPages } from '../generator/parse/input.js';
import type { GenerateSession } from '../generator/pipeline/generate.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'bin/docs2ts.js');
const GB = 1024 * 1024 * 1024;

interface Measure {
  wall: number;
  cpu: number;
  rss: number;
  /** Step timings the CLI reports (`DOCS2TS_TIMINGS`), when it does. */
  timings?: Record<string, number>;
  /** How each API version built was linked (`pages` or why whole), when the CLI says. */
  linked?: Record<string, string>;
  exit: number | null;
}

interface Edit {
  name: string;
  file: string;
  apply: (text: string, n: number) => string;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: path.resolve(repoRoot, '../shared/graph-docs') },
      repeat: { type: 'string', default: '3' },
      verify: { type: 'boolean', default: false },
      'skip-corpus': { type: 'boolean', default: false },
    },
  });
  const repeat = Math.max(1, Number(values.repeat));
  const work = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-bench-'));
  const probe = path.join(work, 'probe.mjs');
  await writeFile(
    probe,
    // Preloads run in worker threads too: only the main thread's exit is the process's.
    "import { isMainThread } from 'node:worker_threads';\n" +
      "if (isMainThread) process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`\\nBENCH-RUSAGE ${JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rss: u.maxRSS * 1024 })}\\n`); });\n",
  );
  console.log(`docs2ts benchmark: ${os.availableParallelism()} cores, node ${process.version}, load average ${loadText()}`);
  const certs = caCertsCost();
  if (certs) {
    console.log(
      `NODE_EXTRA_CA_CERTS is set here: Node then loads CA certificates as every process starts (node -e 0: ${ms(certs.with)} with it, ${ms(certs.without)} without, median of ${STARTS}).\n` +
        'docs2ts opens no TLS connection, so its runs below are measured without it; the one_edit ratios with that cost added follow the others.',
    );
  }
  try {
    const seeds = await benchInput('docs-input (the seeds)', path.join(repoRoot, 'docs-input'), work, probe, {
      repeat,
      verify: values.verify,
      // Four pages: process start and module loading are the whole run, so the ratio targets are for the corpus.
      judged: false,
      certs,
      edits: [
        rowEdit('description edit', 'v1.0/resources/intune-onboarding-devicemanagementpartner.md', 'lastHeartbeatDateTime', 'description'),
        rowEdit('property row added', 'v1.0/resources/intune-onboarding-devicemanagementpartner.md', 'lastHeartbeatDateTime', 'row'),
      ],
    });
    const warmSeed = seeds.warm.wall;
    console.log(`  seeds warm run: ${warmSeed.toFixed(2)} s (target: well under 1 s) ${warmSeed < 1 ? 'met' : 'missed'}`);
    const corpusThere = await stat(path.join(values.corpus, 'v1.0')).then(() => true, () => false);
    if (values['skip-corpus'] || !corpusThere) {
      console.log(`\ncorpus: skipped (${corpusThere ? '--skip-corpus' : `${values.corpus} is absent`})`);
      return 0;
    }
    await benchInput('corpus', values.corpus, work, probe, {
      repeat,
      verify: values.verify,
      judged: true,
      certs,
      edits: [
        rowEdit('description edit, v1.0 page', 'v1.0/resources/user.md', 'aboutMe', 'description'),
        rowEdit('property row added, v1.0 page', 'v1.0/resources/user.md', 'aboutMe', 'row'),
        rowEdit('description edit, beta page', 'beta/resources/user.md', 'aboutMe', 'description'),
      ],
    });
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface InputFigures {
  cold: Measure;
  warm: Measure;
}

async function benchInput(
  label: string,
  source: string,
  work: string,
  probe: string,
  options: { repeat: number; verify: boolean; edits: Edit[]; judged: boolean; certs: StartCost | undefined },
): Promise<InputFigures> {
  const dir = await mkdtemp(path.join(work, 'input-'));
  const input = path.join(dir, path.basename(source));
  await cp(source, input, { recursive: true });
  // The pages docs2ts reads, so the floor parses exactly what the runs parse.
  const pages = (await discoverPages(input)).pages.map((page) => page.absolutePath);
  const bytes = (await Promise.all(pages.map((file) => stat(file).then((s) => s.size)))).reduce((a, b) => a + b, 0);
  console.log(`\n${label}: ${pages.length} pages, ${(bytes / 1e6).toFixed(1)} MB (copied to ${input})`);

  const floor = await parseFloor(pages);
  const cache = path.join(dir, 'cache');
  const generate = (...extra: string[]) => run(probe, dir, ['generate', '-i', input, '-o', path.join(dir, 'out'), '--cache', cache, '-q', ...extra]);
  const cold = generate();
  const warm = median(Array.from({ length: options.repeat }, () => generate()));
  const edits: [string, Measure][] = [];
  let n = 0;
  for (const edit of options.edits) {
    const runs: Measure[] = [];
    for (let i = 0; i < options.repeat; i++) {
      const file = path.join(input, edit.file);
      await writeFile(file, edit.apply(await readFile(file, 'utf8'), ++n));
      runs.push(generate());
    }
    edits.push([edit.name, median(runs)]);
  }
  const watch = await watchEdit(input, path.join(dir, 'out'), cache, options.edits[0]!, () => ++n, options.repeat);
  const check = run(probe, dir, ['check', '-i', input, '--cache', cache, '-q']);

  const rows: [string, Measure | undefined, string][] = [
    ['parse_floor', floor, 'bare remark-parse + remark-gfm, one thread, in the bench process'],
    ['cold', cold, 'empty cache'],
    ['warm', warm, `nothing changed, median of ${options.repeat}`],
    ...edits.map(([name, m]): [string, Measure, string] => [`one_edit`, m, `${name}, median of ${options.repeat}`]),
    ['watch_edit', watch, `${options.edits[0]!.name}, in this process with --watch's state after a warm-up edit, median of ${options.repeat}`],
    ['check', check, 'docs2ts check of the input, warm (facts from the cache of the runs above)'],
  ];
  console.log(`  ${'step'.padEnd(12)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)} ${'peak RSS MB'.padStart(12)}  note`);
  for (const [name, m, note] of rows) {
    if (!m) console.log(`  ${name.padEnd(12)} ${'-'.padStart(8)} ${'-'.padStart(8)} ${'-'.padStart(12)}  ${note}`);
    else console.log(`  ${name.padEnd(12)} ${m.wall.toFixed(2).padStart(8)} ${m.cpu.toFixed(2).padStart(8)} ${(m.rss / 1024 / 1024).toFixed(0).padStart(12)}  ${note}${m.exit ? ` (exit ${m.exit})` : ''}`);
  }
  for (const [name, m] of [['cold', cold], ...edits.map(([edit, m]) => [`one_edit (${edit})`, m] as const), ['watch_edit', watch] as const] as const) {
    if (m.timings) console.log(`  steps of ${name} (ms): ${Object.entries(m.timings).map(([k, v]) => `${k} ${v}`).join(', ')}${m.linked ? `; linked: ${Object.entries(m.linked).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}`);
  }
  console.log(`  ratios (wall; cpu in brackets)${options.judged ? '' : ', for information: the targets are for the corpus'}:`);
  const ratio = (name: string, a: Measure, b: Measure, target: number) => {
    const wall = a.wall / b.wall;
    const verdict = options.judged ? ` (target <= ${target}) ${wall <= target ? 'met' : 'missed'}` : '';
    console.log(`    ${name.padEnd(46)} ${wall.toFixed(3)} [${(a.cpu / b.cpu).toFixed(3)}]${verdict}`);
  };
  ratio('cold/parse_floor', cold, floor, 0.6);
  ratio('warm/cold', warm, cold, 0.03);
  for (const [name, m] of edits) ratio(`one_edit/cold (${name})`, m, cold, 0.05);
  ratio('watch_edit/cold', watch, cold, 0.01);
  if (options.certs) {
    const extra = options.certs.with - options.certs.without;
    for (const [name, m] of edits) console.log(`    ${`one_edit/cold (${name})`.padEnd(46)} ${((m.wall + extra) / (cold.wall + extra)).toFixed(3)} with NODE_EXTRA_CA_CERTS`);
  }
  const peak = Math.max(cold.rss, warm.rss, ...edits.map(([, m]) => m.rss), check.rss);
  console.log(`    peak RSS of docs2ts runs ${(peak / 1024 / 1024).toFixed(0)} MB (target <= 2048 MB) ${peak <= 2 * GB ? 'met' : 'missed'}`);
  console.log(`  load average now ${loadText()}`);
  if (options.verify) {
    const plain = run(probe, dir, ['generate', '-i', input, '-o', path.join(dir, 'plain'), '--no-cache', '--workers', '1', '-q']);
    const same = (await treeText(path.join(dir, 'out'))) === (await treeText(path.join(dir, 'plain')));
    console.log(`  output after the edits equals a --no-cache --workers 1 run: ${same ? 'yes' : 'NO'} (that run: ${plain.wall.toFixed(1)} s)`);
  }
  return { cold, warm };
}

/** The environment of docs2ts runs: this one's, without NODE_EXTRA_CA_CERTS (`caCertsCost`). */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', DOCS2TS_TIMINGS: '1' };
  delete env['NODE_EXTRA_CA_CERTS'];
  return env;
}

interface StartCost {
  /** Seconds `node -e 0` takes with NODE_EXTRA_CA_CERTS as set here, and without it. */
  with: number;
  without: number;
}

const STARTS = 5;

/**
 * What NODE_EXTRA_CA_CERTS, when set, adds to every process start: Node 20 then
 * builds its certificate store before running any code (40 to 90 ms on the
 * machine this was written on, more than Node's whole start without it).
 */
function caCertsCost(): StartCost | undefined {
  if (!process.env['NODE_EXTRA_CA_CERTS']) return undefined;
  const start = (env: NodeJS.ProcessEnv) =>
    median(
      Array.from({ length: STARTS }, () => {
        const started = performance.now();
        spawnSync(process.execPath, ['-e', '0'], { env, stdio: 'ignore' });
        return { wall: (performance.now() - started) / 1000, cpu: 0, rss: 0, exit: 0 };
      }),
    ).wall;
  return { with: start(process.env), without: start(childEnv()) };
}

function ms(seconds: number): string {
  return `${Math.round(seconds * 1000)} ms`;
}

/** One docs2ts run as a child process, with its own CPU time and peak RSS. */
function run(probe: string, cwd: string, args: string[]): Measure {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(probe).href, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: childEnv(),
  });
  const wall = (performance.now() - started) / 1000;
  const usage = /BENCH-RUSAGE (\{.*\})/.exec(child.stderr)?.[1];
  const timings = /timings \(ms\): (\{.*\})/.exec(child.stderr)?.[1];
  const linked = /^linked: (\{.*\})$/m.exec(child.stderr)?.[1];
  const { cpu, rss } = usage ? (JSON.parse(usage) as { cpu: number; rss: number }) : { cpu: NaN, rss: NaN };
  if (child.status !== 0 && !(args[0] === 'check' && child.status === 1)) process.stderr.write(`bench: docs2ts ${args.join(' ')} exited ${child.status}:\n${child.stderr.slice(-2000)}\n`);
  return {
    wall,
    cpu,
    rss,
    exit: child.status,
    ...(timings ? { timings: JSON.parse(timings) as Record<string, number> } : {}),
    ...(linked ? { linked: JSON.parse(linked) as Record<string, string> } : {}),
  };
}

/**
 * An edit as `--watch` regenerates it: `generate` in this process with one
 * session (facts in memory), first catching up, then a warm-up edit (which loads
 * the edited version's facts into memory), then the measured edits.
 */
async function watchEdit(input: string, out: string, cacheDir: string, edit: Edit, next: () => number, repeat: number): Promise<Measure> {
  const { generate } = await import('../generator/pipeline/generate.js');
  const request = { input, out, cacheDir, session: { facts: new Map() } as GenerateSession, workers: os.availableParallelism() };
  const file = path.join(input, edit.file);
  const once = async (): Promise<Measure> => {
    await writeFile(file, edit.apply(await readFile(file, 'utf8'), next()));
    // What the watcher tells the session (`cli/watch.ts`).
    request.session.changed?.add(file);
    (globalThis as { gc?: () => void }).gc?.();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await generate(request);
    const wall = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return { wall, cpu: (cpu.user + cpu.system) / 1e6, rss: process.resourceUsage().maxRSS * 1024, exit: result.written.length > 0 ? 0 : 1, timings: result.timings };
  };
  try {
    await generate(request);
    await once();
    return median(await Array.from({ length: repeat }).reduce<Promise<Measure[]>>(async (done) => [...(await done), await once()], Promise.resolve([])));
  } finally {
    await request.session.pool?.destroy();
  }
}

/** The bare parse, in this process: texts read first, then parsed one after another. */
async function parseFloor(files: string[]): Promise<Measure> {
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const processor = unified().use(remarkParse).use(remarkGfm);
  (globalThis as { gc?: () => void }).gc?.();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (const text of texts) processor.parse(text);
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6, rss: process.resourceUsage().maxRSS * 1024, exit: 0 };
}

function median(measures: Measure[]): Measure {
  return [...measures].sort((a, b) => a.wall - b.wall)[Math.floor(measures.length / 2)]!;
}

/** Edits the first table row of a property: its description, or a new row after it. */
function rowEdit(name: string, file: string, property: string, kind: 'description' | 'row'): Edit {
  const row = new RegExp(`^\\|\\s*${property}\\s*\\|.*$`, 'm');
  return {
    name,
    file,
    apply(text, n) {
      const match = row.exec(text);
      if (!match) throw new Error(`no ${property} row in ${file}`);
      const line = match[0];
      const next = kind === 'description' ? line.replace(/\|\s*$/, ` Edited by the benchmark (${n}).|`) : `${line}\n|benchProperty${n}|String|Added by the benchmark.|`;
      return text.slice(0, match.index) + next + text.slice(match.index + line.length);
    },
  };
}

async function treeText(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
  const parts = await Promise.all(files.map(async (file) => `${path.relative(dir, file)}\n${await readFile(file, 'utf8')}`));
  return parts.join('\n\u0000\n');
}

function loadText(): string {
  return os.loadavg().map((n) => n.toFixed(1)).join(' ');
}

process.exitCode = await main();
