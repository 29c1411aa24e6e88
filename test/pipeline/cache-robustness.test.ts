/**
 * The cache never changes output: a corrupted, truncated or garbage cache entry is
 * ignored and rebuilt; a new generator version (code ids) invalidates everything;
 * an output file edited by hand is noticed and rewritten. Each case ends with the
 * output of the plain path.
 */
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generate, type GenerateRequest } from '../../generator/pipeline/generate.js';
import { codeIds } from '../../generator/pipeline/incremental/code-id.js';
import { hashOf } from '../../generator/model/hash.js';
import { editPage, makeFixture, readTree, referenceOutput, type Fixture } from './fixture.js';
import { readIndexFile } from '../helpers/facts-index.js';
import { OUTPUT_MARKER } from '../../generator/pipeline/output-owner.js';

const SLOW = { timeout: 300_000 };

describe('cache robustness', () => {
  let fx: Fixture;
  let reference: Map<string, string>;
  let out: string;
  let cache: string;
  let pages: number;
  const run = (extra: Partial<GenerateRequest> = {}) => generate({ input: fx.input, out, cacheDir: cache, workers: 1, ...extra });
  const facts = (file: string) => path.join(cache, 'facts', file);
  /** Forgets the last run (not the facts), so the next run loads every page's facts. */
  const forgetRuns = () => rm(path.join(cache, 'runs'), { recursive: true, force: true });

  beforeAll(async () => {
    fx = await makeFixture({ corpus: false });
    out = path.join(fx.dir, 'out');
    cache = path.join(fx.dir, 'cache');
    reference = await referenceOutput(fx.input);
    pages = (await run()).summary.pages;
  }, 300_000);
  afterAll(() => fx?.cleanup());
  beforeEach(async () => {
    // Every case starts from a complete, valid cache.
    await forgetRuns();
    await run();
    await forgetRuns();
  }, 300_000);

  it('uses a valid cache: nothing parsed, nothing written', SLOW, async () => {
    const result = await run();
    expect(result).toMatchObject({ parsed: 0, written: [] });
    expect(await readTree(out)).toEqual(reference);
  });

  it.each([
    ['a flipped byte inside an entry', async () => {
      const pack = await readFile(facts('facts.pack'));
      const middle = Math.floor(pack.length / 2);
      pack.writeUInt8(pack.readUInt8(middle) ^ 0x20, middle);
      await writeFile(facts('facts.pack'), pack);
    }, 1],
    ['a flipped byte in the detail pack, which generate does not read', async () => {
      const pack = await readFile(facts('facts.detail.pack'));
      const middle = Math.floor(pack.length / 2);
      pack.writeUInt8(pack.readUInt8(middle) ^ 0x20, middle);
      await writeFile(facts('facts.detail.pack'), pack);
    }, 0],
    ['a truncated pack', async () => {
      const pack = await readFile(facts('facts.pack'));
      await writeFile(facts('facts.pack'), pack.subarray(0, Math.floor(pack.length / 3)));
    }, -1],
    ['an empty pack', () => writeFile(facts('facts.pack'), ''), 'all'],
    ['a garbage index', () => writeFile(facts('facts.index'), 'docs2tsF garbage'), 'all'],
    ['an index cut short', async () => writeFile(facts('facts.index'), (await readFile(facts('facts.index'))).subarray(0, 100)), 'all'],
    ['bytes appended to the pack', () => appendFile(facts('facts.pack'), 'garbage'), 0],
  ] as const)('%s: the damaged entries are extracted again, the output is unchanged', SLOW, async (_, damage, reparsed) => {
    await damage();
    const result = await run();
    if (reparsed === 'all') expect(result.parsed).toBe(pages);
    else if (reparsed === -1) expect(result.parsed).toBeGreaterThan(0);
    else expect(result.parsed).toBe(reparsed);
    expect(result.written).toEqual([]);
    expect(await readTree(out)).toEqual(reference);
    // And the cache is whole again.
    await forgetRuns();
    expect((await run()).parsed).toBe(0);
  });

  it('a run that links one API version again keeps the facts of the others wanted, so they do not age out of the cache', SLOW, async () => {
    await run();
    const page = path.join(fx.input, 'v1.0/resources/intune-onboarding-devicemanagementpartner.md');
    const original = await readFile(page, 'utf8');
    try {
      await editPage(page, /^\|lastHeartbeatDateTime\|/, (line) => line.replace(/\|([^|]*)\|$/, '|Edited. $1|'));
      const result = await run();
      expect(result.versions).toEqual(['v1.0']);
      expect(result.linked).toEqual({ 'v1.0': 'whole' });
      const index = readIndexFile(await readFile(facts('facts.index')));
      // The beta pages were kept, not loaded, and still count as used; the edited page's facts from before the edit are not.
      expect(index.keys.filter((_, i) => index.numbers[i * 7 + 6] !== index.run)).toHaveLength(1);
    } finally {
      await writeFile(page, original);
    }
  });

  it.each([
    ['garbage', '{"format":2,'],
    ['another format', '{"format":1}'],
    ['the right shape with wrong types', JSON.stringify({ format: 2, key: 'x', inputs: 'no' })],
  ])('a run manifest that is %s is ignored', SLOW, async (_, text) => {
    await run();
    const [manifest] = await (await import('node:fs/promises')).readdir(path.join(cache, 'runs'));
    await writeFile(path.join(cache, 'runs', manifest!), text);
    const result = await run();
    expect(result.upToDate).toBe(false);
    expect(result.written).toEqual([]);
    expect(await readTree(out)).toEqual(reference);
  });

  it('a new generator version invalidates the facts and the last run', SLOW, async () => {
    await run();
    const ids = await codeIds();
    const next = { facts: hashOf(ids.facts, 'next version'), emit: hashOf(ids.emit, 'next version') };
    const result = await run({ codeIds: next });
    expect(result).toMatchObject({ upToDate: false, parsed: pages, written: [] });
    // Every file rendered again: all of the reference but the folder's marker, which no emitter renders.
    expect(result.rendered).toBe(reference.size - 1);
    expect(await readTree(out)).toEqual(reference);
    expect((await run({ codeIds: next })).upToDate).toBe(true);
  });

  it('an output file edited by hand is noticed and rewritten; --check names it', SLOW, async () => {
    await run();
    const [file] = [...reference.keys()].filter((name) => name.includes('/models/'));
    await appendFile(path.join(out, file!), '// edited by hand\n');
    const check = await run({ check: true });
    expect(check.stale).toEqual([`changed: ${file}`]);
    const result = await run();
    expect(result).toMatchObject({ upToDate: false, parsed: 0, written: [file] });
    expect(await readTree(out)).toEqual(reference);
  });

  it('an output file deleted by hand is noticed; one added by hand is the user\'s and is kept', SLOW, async () => {
    await run();
    const [file] = [...reference.keys()].filter((name) => name !== OUTPUT_MARKER);
    await rm(path.join(out, file!));
    await writeFile(path.join(out, 'v1.0', 'stray.ts'), 'export {};\n');
    expect((await run({ check: true })).stale).toEqual([`missing: ${file}`]);
    const result = await run();
    expect(result.written).toEqual([file]);
    expect(result.removed).toEqual([]);
    expect(await readTree(out)).toEqual(new Map<string, string>([...reference, ['v1.0/stray.ts', 'export {};\n'] as const].sort(([a], [b]) => (a < b ? -1 : 1))));
  });
});
