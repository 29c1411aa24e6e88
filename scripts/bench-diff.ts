/**
 * Figures for `docs2ts diff` (a script that prints, not a timed test):
 *
 *   npm run build && node dist/scripts/bench-diff.js [--corpus DIR] [--edits 50]
 *
 * On the corpus (default ../shared/graph-docs, read in place) and a temp copy of
 * it with `--edits` resource pages edited (a property's type changed in half,
 * a property row added in the other half), each a child process, wall time:
 * - model_cold: `docs2ts model` of the corpus with an empty cache;
 * - generate_warm: `docs2ts generate` of the corpus run twice, the second timed;
 * - diff_cold: `docs2ts diff` corpus → copy with an empty cache (target: within 1.5× model_cold);
 * - diff_warm: the same again, both sides cached (target: within 2× generate_warm);
 * - diff_last_run: `diff --base last-run` of the corpus against the generate run above (fails on any change).
 * The machine may be shared: load averages are printed before and after.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'bin/docs2ts.js');

function run(label: string, args: string[], okExits: number[] = [0]): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (!okExits.includes(child.status ?? -1)) throw new Error(`${label}: docs2ts ${args.join(' ')} exited ${child.status}\n${child.stderr}`);
  process.stdout.write(`${label.padEnd(14)} ${seconds.toFixed(2).padStart(7)} s   ${child.stderr.trim().split('\n').at(-1) ?? ''}\n`);
  return seconds;
}

/** Edits `count` resource pages of `root` that have a `|String|` property row: a type change in half, a row added in the rest. */
async function editPages(root: string, count: number): Promise<string[]> {
  const folder = path.join(root, 'v1.0/resources');
  const edited: string[] = [];
  for (const name of (await readdir(folder)).sort()) {
    if (edited.length === count) break;
    const file = path.join(folder, name);
    const text = await readFile(file, 'utf8');
    const row = /^\|(\w+)\|String\|/m.exec(text);
    if (!row) continue;
    const change = edited.length % 2 === 0 ? row[0].replace('|String|', '|Int32|') : `|benchAdded${edited.length}|String|Added by bench-diff.|\n${row[0]}`;
    await writeFile(file, text.replace(row[0], change));
    edited.push(`v1.0/resources/${name}`);
  }
  return edited;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { corpus: { type: 'string', default: path.resolve(repoRoot, '../shared/graph-docs') }, edits: { type: 'string', default: '50' } } });
  const corpus = path.resolve(values.corpus!);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-bench-diff-'));
  try {
    const head = path.join(dir, 'head');
    await cp(corpus, head, { recursive: true });
    const edited = await editPages(head, Number(values.edits));
    process.stdout.write(`corpus ${corpus}; copy with ${edited.length} pages edited; load ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}; ${os.cpus().length} cores\n`);
    const modelCold = run('model_cold', ['model', '-i', corpus, '-o', path.join(dir, 'model.json'), '--cache', path.join(dir, 'cache-model')]);
    run('generate_cold', ['generate', '-i', corpus, '-o', path.join(dir, 'out'), '--cache', path.join(dir, 'cache-generate')]);
    const generateWarm = run('generate_warm', ['generate', '-i', corpus, '-o', path.join(dir, 'out'), '--cache', path.join(dir, 'cache-generate')]);
    // The last run's model read back from the cache against the corpus it was generated from: no API changes expected.
    run('diff_last_run', ['diff', '--base', 'last-run', '-i', corpus, '-o', path.join(dir, 'out'), '--cache', path.join(dir, 'cache-generate'), '--fail-on', 'any']);
    const diffArgs = ['diff', '--base', corpus, '--input', head, '--format', 'json', '--cache', path.join(dir, 'cache-diff')];
    const diffCold = run('diff_cold', diffArgs);
    const diffWarm = run('diff_warm', diffArgs);
    process.stdout.write(`diff_cold / model_cold    = ${(diffCold / modelCold).toFixed(2)} (target ≤ 1.5)\n`);
    process.stdout.write(`diff_warm / generate_warm = ${(diffWarm / generateWarm).toFixed(2)} (target ≤ 2)\n`);
    process.stdout.write(`load ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}\n`);
    return 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
