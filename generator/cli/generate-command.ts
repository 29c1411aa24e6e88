/** `docs2ts generate`: TypeScript for every API version, written whole or not at all; `--check` compares only. */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { buildModel } from '../pipeline/build-model.js';
import { emitFormatted } from '../emit/index.js';
import { EMITTERS } from '../emit/emitters.js';
import type { EmittedFile } from '../emit/emitter.js';
import { listFiles, writeOutputDir } from './output-dir.js';
import { formatInputProblems } from './summary.js';
import type { CommonOptions } from './options.js';

export interface GenerateOptions extends CommonOptions {
  out: string;
  check?: boolean;
}

export async function runGenerate(options: GenerateOptions): Promise<number> {
  const started = performance.now();
  const { model } = await buildModel(options.input, { ...(options.workers ? { workers: options.workers } : {}) });
  const files = await emitFormatted(model, { inputLabel: path.basename(path.resolve(options.input)), emitters: EMITTERS });
  for (const line of formatInputProblems(model)) process.stderr.write(`${line}\n`);
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  if (options.check) {
    const stale = await staleFiles(options.out, files);
    if (stale.length === 0) {
      if (!options.quiet) process.stderr.write(`${options.out} is up to date (${files.length} files, ${seconds()} s)\n`);
      return 0;
    }
    process.stderr.write(`${options.out} is stale: ${stale.length} file(s) differ from what the docs generate; run docs2ts generate\n`);
    for (const line of stale) process.stderr.write(`  ${line}\n`);
    return 1;
  }
  const report = await writeOutputDir(options.out, files);
  if (!options.quiet) {
    const types = model.types.length;
    const operations = model.operations.length;
    process.stderr.write(
      `generated ${files.length} files in ${options.out} from ${model.pages.total} pages (${types} types, ${operations} operations): ` +
        `${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed; ` +
        `${model.diagnostics.length} diagnostics (docs2ts model shows them); ${seconds()} s\n`,
    );
  }
  return 0;
}

/** `changed: x`, `missing: x`, `extra: x` lines for every file that differs. */
async function staleFiles(out: string, files: readonly EmittedFile[]): Promise<string[]> {
  const existing = new Set(await listFiles(out));
  const stale: string[] = [];
  for (const file of files) {
    if (!existing.has(file.path)) stale.push(`missing: ${file.path}`);
    else if ((await readFile(path.join(out, file.path), 'utf8')) !== file.content) stale.push(`changed: ${file.path}`);
    existing.delete(file.path);
  }
  for (const extra of existing) stale.push(`extra: ${extra}`);
  return stale.sort((a, b) => (a.slice(a.indexOf(' ')) < b.slice(b.indexOf(' ')) ? -1 : 1));
}
