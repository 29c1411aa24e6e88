/**
 * `docs2ts generate`: TypeScript for every API version, written whole or not at
 * all, redoing only what changed since the last run (`pipeline/generate.ts`);
 * `--check` compares only; `--watch` regenerates on every change.
 */
import path from 'node:path';
import module from 'node:module';
import type { GenerateRequest, GenerateResult } from '../pipeline/generate.js';
import { createProgress } from './progress.js';
import { generateRequest, lockRequest, type GenerateOptions } from './generate-request.js';
import { claimOutputDir } from '../pipeline/output-owner.js';
import { lockRun } from './run-lock.js';
import { describeApiChanges } from './api-changes-line.js';

/** `module.enableCompileCache`, on a Node that has it. */
const { enableCompileCache } = module as { enableCompileCache?: (dir: string) => unknown };

export async function runGenerate(options: GenerateOptions): Promise<number> {
  const request = generateRequest(options);
  // Node's compile cache (Node 22.1+; without it, none) for the modules every run loads (TypeScript), in the cache folder.
  if (request.cacheDir !== null) enableCompileCache?.(path.join(request.cacheDir, 'v8-code'));
  if (options.watch) {
    if (!options.check) await claimOutputDir({ out: options.out, label: options.out, input: options.input, cacheDir: request.cacheDir, force: options.force === true });
    const { watchGenerate } = await import('./watch.js');
    const code = await watchGenerate(options);
    return code;
  }
  const started = performance.now();
  const progress = createProgress({ quiet: options.quiet });
  let result: GenerateResult;
  try {
    result = await generateOnce(options, (phase, done, total) => progress.update(phase, done, total));
  } finally {
    progress.end();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const line of result.warnings) process.stderr.write(`docs2ts: warning: ${line}\n`);
  if (process.env['DOCS2TS_TIMINGS']) process.stderr.write(`timings (ms): ${JSON.stringify(result.timings)}\nlinked: ${JSON.stringify(result.linked)}\n`);
  for (const line of result.summary.inputProblems) process.stderr.write(`${line}\n`);
  if (options.check) {
    if (result.stale.length === 0) {
      if (!options.quiet) process.stderr.write(`${options.out} is up to date (${result.files} files, ${seconds} s)\n`);
      return 0;
    }
    process.stderr.write(`${options.out} is stale: ${result.stale.length} file(s) differ from what the docs generate; run docs2ts generate\n`);
    for (const line of result.stale) process.stderr.write(`  ${line}\n`);
    return 1;
  }
  if (!options.quiet) process.stderr.write(`${describeRun(options.out, result)}; ${seconds} s\n`);
  const changes = describeApiChanges(result);
  if (changes && !options.quiet) process.stderr.write(`${changes}\n`);
  return 0;
}

/**
 * One run, as the command and the programmatic API (`generator/index.ts`) make it: the output folder
 * claimed (a folder that is not docs2ts's is refused, `output-owner.ts`), locked, generated, released.
 */
export async function generateOnce(options: GenerateOptions, onProgress?: GenerateRequest['onProgress']): Promise<GenerateResult> {
  const request = generateRequest(options);
  if (!options.check) await claimOutputDir({ out: options.out, label: options.out, input: options.input, cacheDir: request.cacheDir, force: options.force === true });
  const release = await lockRun(lockRequest(options, request.cacheDir));
  try {
    const { generate } = await import('../pipeline/generate.js');
    return await generate({ ...request, ...(onProgress ? { onProgress } : {}) });
  } finally {
    await release();
  }
}

/** The summary of a run, without its time. */
export function describeRun(out: string, result: GenerateResult): string {
  const { summary } = result;
  const counts = `${summary.pages} pages (${summary.types} types, ${summary.operations} operations)`;
  if (result.upToDate) return `${out} is up to date: ${result.files} files from ${counts}, nothing changed since the last run`;
  return (
    `generated ${result.files} files in ${out} from ${counts}: ` +
    `${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed; ` +
    `${summary.diagnostics} diagnostics (docs2ts model shows them); ` +
    `${result.parsed} pages parsed, ${result.rendered} files emitted, ${result.formatted} formatted`
  );
}
