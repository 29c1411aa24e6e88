/**
 * A damaged or mismatched model snapshot never changes output: the run links the
 * version whole instead (a snapshot that fails its checks when read lazily makes
 * the run start over without snapshots). Each case edits a page, damages the
 * snapshot the last run left, runs, and compares with the plain path.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generate, type GenerateRequest } from '../../generator/pipeline/generate.js';
import { editPage, makeFixture, readTree, referenceOutput, type Fixture } from './fixture.js';

const SLOW = { timeout: 300_000 };

describe('model snapshot robustness', () => {
  let fx: Fixture;
  let out: string;
  let cache: string;
  let edits = 0;
  const run = (extra: Partial<GenerateRequest> = {}) => generate({ input: fx.input, out, cacheDir: cache, workers: 1, ...extra });
  const runs = () => path.join(cache, 'runs');
  const models = () => path.join(cache, 'models');
  const snapshotFiles = async (suffix: string) => (await readdir(models())).filter((name) => name.endsWith(suffix)).map((name) => path.join(models(), name));
  const edit = () =>
    editPage(path.join(fx.input, 'v1.0/resources/intune-onboarding-devicemanagementpartner.md'), /^\|lastHeartbeatDateTime\|/, (line) => line.replace(/\|([^|]*)\|$/, `|Edit ${++edits}. $1|`));

  beforeAll(async () => {
    fx = await makeFixture({ corpus: false });
    out = path.join(fx.dir, 'out');
    cache = path.join(fx.dir, 'cache');
  }, 300_000);
  afterAll(() => fx?.cleanup());
  beforeEach(async () => {
    // Every case starts from a whole run's snapshot.
    await rm(runs(), { recursive: true, force: true });
    await rm(models(), { recursive: true, force: true });
    await run();
  }, 300_000);

  it('an intact snapshot relinks from the changed page', SLOW, async () => {
    await edit();
    const result = await run();
    expect(result.linked).toEqual({ 'v1.0': 'pages' });
    expect(await readTree(out)).toEqual(await referenceOutput(fx.input));
  });

  it.each([
    ['every byte of the packs flipped', async () => {
      for (const file of await snapshotFiles('.pack')) {
        const bytes = await readFile(file);
        for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i]! ^ 0x20;
        await writeFile(file, bytes);
      }
    }],
    ['the packs removed', async () => {
      for (const file of await snapshotFiles('.pack')) await rm(file);
    }],
    ['the indexes removed', async () => {
      for (const file of await snapshotFiles('.json')) await rm(file);
    }],
    ['garbage indexes', async () => {
      for (const file of await snapshotFiles('.json')) await writeFile(file, '{"format":1,"types":');
    }],
    ['indexes made for other inputs', async () => {
      for (const file of await snapshotFiles('.json')) {
        const index = JSON.parse(await readFile(file, 'utf8')) as { inputs: string };
        index.inputs = 'another input';
        await writeFile(file, JSON.stringify(index));
      }
    }],
  ])('%s: the version is linked whole, output unchanged', SLOW, async (_, damage) => {
    await edit();
    await damage();
    const result = await run();
    expect(result.linked).toEqual({ 'v1.0': 'whole' });
    expect(await readTree(out)).toEqual(await referenceOutput(fx.input));
    // The whole run left a good snapshot again.
    await edit();
    expect((await run()).linked).toEqual({ 'v1.0': 'pages' });
    expect(await readTree(out)).toEqual(await referenceOutput(fx.input));
  });
});
