/**
 * Parse time of pathological pages (a script that prints, not a timed test):
 *
 *   npm run pathological [-- --only NAME[,NAME...]] [--timeout SECONDS] [--sizes 25,50,100,200] [--no-large]
 *
 * Builds each construct that once made the markdown parser superlinear at 25,
 * 50, 100 and 200 KB (plus the large cases named in issue 17: 6.8 MB of
 * nested `>` lines, a 5,000-column table of 1 MB and 2,000 list levels), and extracts each page
 * (`extractPage`, as a worker does) in a child process of its own, killed after
 * the timeout. Prints construct, size, wall and CPU time of the extraction,
 * the child's peak RSS, the growth of CPU time per doubling of size (linear is
 * about 2x) and the number of diagnostics the page gave.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONSTRUCTS, indentedList, KB, wideTable } from './pathological-pages.js';

interface Row {
  construct: string;
  size: number;
  seconds: number | undefined;
  /** CPU time of the extraction (user + system): steadier than wall time on a shared machine. */
  cpuSeconds: number | undefined;
  rssMb: number | undefined;
  diagnostics: number | undefined;
  note: string;
}

function runChild(file: string, timeoutSeconds: number): Omit<Row, 'construct' | 'size'> {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', file], {
    encoding: 'utf8',
    timeout: timeoutSeconds * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 16 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.signal) return { seconds: undefined, cpuSeconds: undefined, rssMb: undefined, diagnostics: undefined, note: `killed (${child.signal}) after ${wall.toFixed(0)} s` };
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    const result = JSON.parse(line) as { seconds: number; cpuSeconds: number; rssKb: number; diagnostics: number };
    return { seconds: result.seconds, cpuSeconds: result.cpuSeconds, rssMb: result.rssKb / 1024, diagnostics: result.diagnostics, note: '' };
  } catch {
    return { seconds: undefined, cpuSeconds: undefined, rssMb: undefined, diagnostics: undefined, note: `exit ${child.status}: ${child.stderr.trim().split('\n').pop() ?? ''}` };
  }
}

/** In the child: extracts one page and prints its time, peak RSS and diagnostic count as JSON. */
async function child(file: string): Promise<void> {
  const { extractPage } = await import('../generator/extract/page.js');
  const text = readFileSync(file, 'utf8');
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const facts = extractPage({ file: 'v1.0/resources/pathological.md', apiVersion: 'v1.0', text });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const codes = [...new Set(facts.diagnostics.map((d) => d.code))].join(',');
  process.stderr.write(`${codes}\n`);
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rssKb: process.resourceUsage().maxRSS, diagnostics: facts.diagnostics.length })}\n`);
}

function format(row: Row, previous: Row | undefined): string {
  const time = row.seconds === undefined ? row.note : `${row.seconds.toFixed(3)} s`;
  const rss = row.rssMb === undefined ? '' : `${row.rssMb.toFixed(0)} MB`;
  const doubled = previous?.cpuSeconds !== undefined && previous.size * 2 === row.size;
  const growth = row.cpuSeconds !== undefined && doubled ? `${(row.cpuSeconds / previous.cpuSeconds!).toFixed(1)}x` : '';
  const cpu = row.cpuSeconds === undefined ? '' : `${row.cpuSeconds.toFixed(3)} s`;
  const size = row.size >= 1024 * KB ? `${(row.size / 1024 / KB).toFixed(1)} MB` : `${row.size / KB} KB`;
  return `| ${row.construct} | ${size} | ${time} | ${cpu} | ${rss} | ${growth} | ${row.diagnostics ?? ''} |`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      only: { type: 'string' },
      timeout: { type: 'string', default: '60' },
      sizes: { type: 'string', default: '25,50,100,200' },
      'no-large': { type: 'boolean', default: false },
    },
  });
  if (values.child) return child(values.child);
  const timeout = Number(values.timeout);
  const sizes = values.sizes.split(',').map((kb) => Number(kb) * KB);
  const only = values.only?.split(',');
  const cases: { construct: string; size: number; text: string }[] = [];
  for (const [construct, build] of Object.entries(CONSTRUCTS)) {
    if (only && !only.some((name) => construct.includes(name))) continue;
    for (const size of sizes) cases.push({ construct, size, text: build(size) });
  }
  if (!values['no-large']) {
    const large: [string, (size: number) => string, number][] = [
      ['nested `>` lines (1,000 deep)', CONSTRUCTS['nested `>` lines (1,000 deep)']!, 6.8 * 1024 * KB],
      ['table of 5,000 columns', (size) => wideTable(5000, size), 1024 * KB],
      // 2,000 levels: line n is indented 2(n - 1) columns.
      ['list levels by indentation', indentedList, 2000 * 1999 + 2000 * 4],
    ];
    for (const [construct, build, size] of large) if (!only || only.some((name) => construct.includes(name))) cases.push({ construct, size, text: build(size) });
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-pathological-'));
  console.log(`timeout ${timeout} s per page; load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  console.log('| construct | size | wall time | CPU time | peak RSS | CPU growth | diagnostics |');
  console.log('|---|---|---|---|---|---|---|');
  let previous: Row | undefined;
  try {
    for (const { construct, size, text } of cases) {
      const file = path.join(folder, 'page.md');
      writeFileSync(file, text);
      const row: Row = { construct, size, ...runChild(file, timeout) };
      console.log(format(row, previous?.construct === construct ? previous : undefined));
      previous = row;
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
