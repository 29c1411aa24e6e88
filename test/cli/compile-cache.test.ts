/**
 * `generate` keeps Node's compile cache in the cache folder (`v8-code`) when the
 * running Node has `module.enableCompileCache`, and runs without one when it has
 * not. Needs the compiled generator (npm test builds it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

const BIN = path.join(repoRoot, 'bin/docs2ts.js');
const built = existsSync(path.join(repoRoot, 'dist/generator/cli/main.js'));
if (!built) console.warn('compile cache test skipped: dist/ is absent (npm test builds it; or run npm run build)');
const nodeHasIt = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe.runIf(built)('compile cache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-compile-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it(`is ${nodeHasIt ? 'kept in the cache folder' : 'not made'} on this Node (${process.version})`, { timeout: 120_000 }, async () => {
    const cache = path.join(dir, 'cache');
    const args = [BIN, 'generate', '-i', path.join(repoRoot, 'docs-input'), '-o', path.join(dir, 'out'), '--cache', cache, '-q'];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CI: '1' } });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const folder = path.join(cache, 'v8-code');
    if (nodeHasIt) expect((await readdir(folder)).length).toBeGreaterThan(0);
    else expect(existsSync(folder)).toBe(false);
  });
});
