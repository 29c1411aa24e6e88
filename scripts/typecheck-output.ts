/**
 * Type-checks generated output the way a consumer compiles it: per API version
 * folder, a throwaway tsconfig (strict, noEmit, skipLibCheck, NodeNext: the
 * emitted files import each other by relative `.js` specifiers and nothing
 * else; lib ES2022 + DOM for the fetch, AbortSignal and setTimeout globals the
 * client runtime uses) and the repo's own `node_modules/.bin/tsc`.
 *
 *   npx tsx scripts/typecheck-output.ts OUT_DIR [--generate DOCS_DIR] [--cli bin/docs2ts.js]
 *
 * With `--generate`, first runs `docs2ts generate --input DOCS_DIR --out OUT_DIR --no-cache`
 * (cold, so the time is a full run) and prints how long it took.
 * Prints per version: files, bytes, lines, tsc time, errors (the first 20).
 * Exit code 1 when generate fails or any version has a type error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SHOWN_ERRORS = 20;

interface OutputSize {
  files: number;
  bytes: number;
  lines: number;
}

interface TscResult {
  seconds: number;
  exitCode: number | null;
  /** `file(line,col): error TSxxxx: ...` lines, in tsc's order. */
  errors: string[];
}

/** The tsconfig for one version folder; `include` is absolute so the file can live anywhere. */
function consumerTsconfig(versionDir: string): object {
  return {
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM'],
      types: [],
    },
    include: [path.join(path.resolve(versionDir), '**', '*.ts')],
  };
}

/** `.ts` files under a folder, counted. */
function measure(dir: string): OutputSize {
  const size: OutputSize = { files: 0, bytes: 0, lines: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name));
    size.files++;
    size.bytes += text.length;
    for (const byte of text) if (byte === 10) size.lines++;
  }
  return size;
}

/** The error lines of tsc's plain (`--pretty false`) output. */
function tscErrors(output: string): string[] {
  return output.split(/\r?\n/).filter((line) => /\berror TS\d+:/.test(line));
}

function runTsc(tsc: string, versionDir: string): TscResult {
  const scratch = mkdtempSync(path.join(tmpdir(), 'docs2ts-typecheck-'));
  try {
    const config = path.join(scratch, 'tsconfig.json');
    writeFileSync(config, `${JSON.stringify(consumerTsconfig(versionDir), null, 2)}\n`);
    const started = performance.now();
    const run = spawnSync(tsc, ['-p', config, '--pretty', 'false'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = (performance.now() - started) / 1000;
    if (run.error) throw run.error;
    return { seconds, exitCode: run.status, errors: tscErrors(`${run.stdout}\n${run.stderr}`) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The repo's tsc: the nearest `node_modules/.bin/tsc` above this script (works from `scripts/` and `dist/scripts/`). */
function findTsc(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', '.bin', 'tsc');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('node_modules/.bin/tsc not found above this script');
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function generate(cli: string, input: string, out: string): boolean {
  const args = [cli, 'generate', '--input', input, '--out', out, '--no-cache'];
  console.log(`generate: node ${args.join(' ')}`);
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: 'inherit' });
  const seconds = (performance.now() - started) / 1000;
  console.log(`generate: ${seconds.toFixed(1)} s, exit ${run.status ?? run.signal}`);
  return run.status === 0;
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { generate: { type: 'string' }, cli: { type: 'string', default: 'bin/docs2ts.js' } },
  });
  const out = positionals[0];
  if (out === undefined || positionals.length > 1) {
    console.error('usage: typecheck-output OUT_DIR [--generate DOCS_DIR] [--cli bin/docs2ts.js]');
    return 2;
  }
  if (values.generate !== undefined && !generate(values.cli, values.generate, out)) return 1;
  const versions = readdirSync(out, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && statSync(path.join(out, entry.name, 'models'), { throwIfNoEntry: false })?.isDirectory())
    .map((entry) => entry.name)
    .sort();
  if (versions.length === 0) {
    console.error(`typecheck-output: no version folder (with models/) under ${out}`);
    return 2;
  }
  const tsc = findTsc();
  let failed = false;
  for (const version of versions) {
    const dir = path.join(out, version);
    const size = measure(dir);
    const result = runTsc(tsc, dir);
    const ok = result.exitCode === 0 && result.errors.length === 0;
    failed ||= !ok;
    console.log(
      `${version}: ${size.files} files, ${size.bytes} bytes (${megabytes(size.bytes)}), ${size.lines} lines; ` +
        `tsc --strict --noEmit ${result.seconds.toFixed(1)} s, ${result.errors.length} errors${ok ? '' : ` (exit ${result.exitCode})`}`,
    );
    for (const error of result.errors.slice(0, SHOWN_ERRORS)) console.log(`  ${error}`);
    if (result.errors.length > SHOWN_ERRORS) console.log(`  ... and ${result.errors.length - SHOWN_ERRORS} more`);
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
