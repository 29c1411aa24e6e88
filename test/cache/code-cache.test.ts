/**
 * The V8 code cache of CommonJS packages, in child processes (it hooks the
 * process's module loader): used on the next run, and never trusted when it is
 * damaged or the module changed; a run with a broken cache loads its modules as
 * without one. Needs the compiled generator (npm test builds it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

const MODULE = path.join(repoRoot, 'dist/generator/cache/code-cache.js');
const built = existsSync(MODULE);
if (!built) console.warn('code cache tests skipped: dist/ is absent (npm test builds it; or run npm run build)');

interface Run {
  hits: number;
  misses: number;
  value: unknown;
}

/** Loads `request` (a CommonJS package) with the cache in `cacheDir`, saves the cache, and reports. */
function run(cwd: string, cacheDir: string, request: string, expression: string): Run {
  const script = `
    import { createRequire } from 'node:module';
    const { installCodeCache } = await import(${JSON.stringify(pathToFileURL(MODULE).href)});
    const cache = installCodeCache(${JSON.stringify(cacheDir)});
    const loaded = createRequire(${JSON.stringify(path.join(cwd, 'x.js'))})(${JSON.stringify(request)});
    const value = (${expression})(loaded);
    const report = { hits: cache.hits, misses: cache.misses, value };
    await cache.save();
    console.log(JSON.stringify(report));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8', timeout: 120_000 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as Run;
}

describe.runIf(built)('code cache', () => {
  let dir: string;
  let cacheDir: string;
  const fake = () => path.join(dir, 'node_modules/fake/index.js');
  const cacheFile = async () => path.join(cacheDir, (await readdir(cacheDir))[0]!);
  const answer = (n: number) => `module.exports = { answer: () => ${n} };\n`;
  const runFake = () => run(dir, cacheDir, 'fake', '(m) => m.answer()');

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-code-cache-'));
    cacheDir = path.join(dir, 'cache', 'v8-code');
    await mkdir(path.dirname(fake()), { recursive: true });
    await writeFile(fake(), answer(41));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('compiles once, then hands V8 the cached code (ts-morph and TypeScript too)', { timeout: 120_000 }, async () => {
    const print = '(m) => m.printStructure({ kind: m.StructureKind.TypeAlias, name: "A", type: "string" })';
    const first = run(repoRoot, cacheDir, 'ts-morph', print);
    expect(first).toMatchObject({ hits: 0, value: 'type A = string;' });
    expect(first.misses).toBeGreaterThan(1);
    const second = run(repoRoot, cacheDir, 'ts-morph', print);
    expect(second).toEqual({ hits: first.misses, misses: 0, value: 'type A = string;' });
  });

  it('reads a cached module that is not all ASCII as UTF-8', async () => {
    await writeFile(fake(), "module.exports = { answer: () => 'café ✓ \\u00e9' };\n");
    expect(runFake()).toEqual({ hits: 0, misses: 1, value: 'café ✓ é' });
    expect(runFake()).toEqual({ hits: 1, misses: 0, value: 'café ✓ é' });
  });

  it('does not use an entry for a module that changed since (same length), and runs the new code', async () => {
    expect(runFake()).toEqual({ hits: 0, misses: 1, value: 41 });
    expect(runFake()).toEqual({ hits: 1, misses: 0, value: 41 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(fake(), answer(42));
    expect(runFake()).toEqual({ hits: 0, misses: 1, value: 42 });
    expect(runFake()).toEqual({ hits: 1, misses: 0, value: 42 });
  });

  it.each([
    ['a flipped byte in the cached code', (bytes: Buffer) => {
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0x20, bytes.length - 10);
      return bytes;
    }],
    ['a truncated file', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100)],
    ['a file cut inside its header', (bytes: Buffer) => bytes.subarray(0, 20)],
    ['garbage', () => Buffer.from('not a cache')],
    ['an empty file', () => Buffer.alloc(0)],
  ])('%s: the module is compiled as without a cache, and the cache written again', async (_, damage) => {
    runFake();
    const file = await cacheFile();
    await writeFile(file, damage(await readFile(file)));
    expect(runFake()).toEqual({ hits: 0, misses: 1, value: 41 });
    expect(runFake()).toEqual({ hits: 1, misses: 0, value: 41 });
  });

  it('an unwritable cache folder costs only the cache', async () => {
    await mkdir(path.dirname(cacheDir), { recursive: true });
    await writeFile(cacheDir, 'a file where the folder should be');
    expect(runFake()).toEqual({ hits: 0, misses: 1, value: 41 });
    expect(runFake()).toEqual({ hits: 0, misses: 1, value: 41 });
  });
});
