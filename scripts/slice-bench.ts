/**
 * What a slice saves a consumer (issue 21), on the corpus:
 *
 *   npm run slice-bench [-- --input ../shared/graph-docs] [--keep DIR]
 *
 * 1. `generate --versions v1.0` whole, then the example slice (`SLICE`), into a
 *    temp folder with one cache: the bytes of each output, and the time of a
 *    slice run on a warm facts cache and of warm runs where nothing changed.
 * 2. `tsc --noEmit` (strict, nodenext) of four consumer projects, in one run,
 *    each the best of `ROUNDS`: an empty one, one importing the slice, one
 *    importing the whole v1.0 output, one importing @microsoft/microsoft-graph-types.
 * Prints the figures and the ratios against the targets: slice bytes at most a
 * quarter of the whole, slice type-check within 1.5x the empty project, a warm
 * slice run no slower than a warm whole run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'bin/docs2ts.js');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const ROUNDS = 3;

/** The example: a user's messages, sending mail, reading and updating a user. */
export const SLICE = ['/users/{id}/messages/**', '/me/sendMail#POST', '/users/{id}#GET,PATCH'];

const { values } = parseArgs({ options: { input: { type: 'string', default: path.join(repoRoot, '../shared/graph-docs') }, keep: { type: 'string' } } });
const input = path.resolve(values.input!);
const work = values.keep ? path.resolve(values.keep) : mkdtempSync(path.join(os.tmpdir(), 'docs2ts-slice-bench-'));
mkdirSync(work, { recursive: true });
const cache = path.join(work, 'cache');

function generate(out: string, ...flags: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, [BIN, 'generate', '-i', input, '-o', path.join(work, out), '--cache', cache, '--quiet', '--versions', 'v1.0', ...flags], { stdio: 'inherit' });
  return (performance.now() - started) / 1000;
}

function bytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.ts')) total += statSync(path.join(entry.parentPath, entry.name)).size;
  return total;
}

/** A consumer project whose index.ts holds `source`; returns the best `tsc --noEmit` wall time of `ROUNDS`. */
function typecheck(name: string, source: string): number {
  const dir = path.join(work, `consumer-${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(dir, 'index.ts'), source);
  const config = { compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false, types: [] }, files: ['index.ts'] };
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`tsc failed for ${name}:\n${run.stdout}${run.stderr}`);
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return best;
}

const consumer = (out: string) =>
  [
    `import type { User, Message } from '../${out}/v1.0/models/index.js';`,
    `import * as client from '../${out}/v1.0/client/index.js';`,
    `import * as validators from '../${out}/v1.0/validators/index.js';`,
    `export const user: User = { displayName: 'x' };`,
    `export type Mail = Message;`,
    `export const api = [client, validators];`,
    '',
  ].join('\n');

const wholeCold = generate('whole');
const wholeWarm = generate('whole');
const sliceFlags = ['--include', ...SLICE];
const sliceFirst = generate('slice', ...sliceFlags);
const sliceWarm = generate('slice', ...sliceFlags);
const wholeBytes = bytes(path.join(work, 'whole/v1.0'));
const sliceBytes = bytes(path.join(work, 'slice/v1.0'));

const graphTypes = path.dirname(createRequire(import.meta.url).resolve('@microsoft/microsoft-graph-types/package.json'));
const empty = typecheck('empty', 'export const nothing = 0;\n');
const slice = typecheck('slice', consumer('slice'));
const whole = typecheck('whole', consumer('whole'));
const reference = typecheck('graph-types', `/// <reference path=${JSON.stringify(path.join(graphTypes, 'microsoft-graph.d.ts'))} />\nexport const user: microsoftgraph.User = { displayName: 'x' };\n`);

const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const s = (n: number) => `${n.toFixed(2)} s`;
console.log(`slice: ${SLICE.join('  ')}   (v1.0 of ${input})`);
console.log(`output bytes (.ts): whole ${mb(wholeBytes)}, slice ${mb(sliceBytes)}: ${(sliceBytes / wholeBytes).toFixed(3)} of the whole (target <= 0.25)`);
console.log(`generate: whole cold ${s(wholeCold)}, whole warm ${s(wholeWarm)}; slice on a warm facts cache ${s(sliceFirst)}, slice warm ${s(sliceWarm)} (${(sliceWarm / wholeWarm).toFixed(2)}x the warm whole run, target <= 1)`);
console.log(`tsc --noEmit (best of ${ROUNDS}): empty ${s(empty)}, slice ${s(slice)} (${(slice / empty).toFixed(2)}x, target <= 1.5)`);
console.log(`tsc --noEmit (best of ${ROUNDS}): whole v1.0 ${s(whole)}, @microsoft/microsoft-graph-types ${s(reference)} (${(whole / reference).toFixed(2)}x)`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
