/**
 * The watch edit alone (`bench.ts`'s watch_edit, without the rest of the bench):
 * a description edit of a v1.0 resource page, in this process with the state
 * `--watch` keeps (`GenerateSession`), after one warm-up edit, `--n` times; each
 * edit's wall and CPU time and its steps (`GenerateResult.timings`) printed.
 * The corpus is copied once into `--work` (kept, with its output and cache, for the next run of this script).
 *
 *   npm run build && node --expose-gc dist/scripts/watch-edit.js [--corpus DIR] [--work DIR] [--n 5]
 */
import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate, type GenerateSession } from '../generator/pipeline/generate.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.resolve(repoRoot, '../shared/graph-docs') },
    work: { type: 'string', default: path.join(os.tmpdir(), 'docs2ts-watch-edit') },
    page: { type: 'string', default: 'v1.0/resources/user.md' },
    property: { type: 'string', default: 'aboutMe' },
    n: { type: 'string', default: '5' },
  },
});
const input = path.join(values.work, 'input');
if (!(await stat(input).then(() => true, () => false))) await cp(values.corpus, input, { recursive: true });
const file = path.join(input, values.page);
const session: GenerateSession = { facts: new Map() };
const request = { input, out: path.join(values.work, 'out'), cacheDir: path.join(values.work, 'cache'), session, workers: os.availableParallelism() };
const row = new RegExp(`^\\|\\s*${values.property}\\s*\\|.*$`, 'm');
let n = Date.now();

async function edit(label: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const match = row.exec(text);
  if (!match) throw new Error(`no ${values.property} row in ${file}`);
  const line = match[0].replace(/ Edited \(\d+\)\.\|$/, '|');
  await writeFile(file, text.slice(0, match.index) + line.replace(/\|\s*$/, ` Edited (${++n}).|`) + text.slice(match.index + match[0].length));
  session.changed?.add(file);
  (globalThis as { gc?: () => void }).gc?.();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await generate(request);
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const steps = Object.entries(result.timings).map(([step, ms]) => `${step} ${ms}`).join(', ');
  console.log(`${label}: wall ${wall.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; written ${result.written.length}; ${steps}; linked ${JSON.stringify(result.linked)}`);
}

try {
  const started = performance.now();
  await generate(request);
  console.log(`first run: ${(performance.now() - started).toFixed(0)} ms`);
  await edit('warm-up edit');
  for (let i = 1; i <= Number(values.n); i++) await edit(`edit ${i}`);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  await session.pool?.destroy();
}
