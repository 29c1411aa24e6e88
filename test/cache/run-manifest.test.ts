/**
 * Stamps prove a file unchanged only when every field matches and the file was not touched near the time they were taken;
 * a manifest reads back as it was saved, and one whose columns do not check out is no manifest.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, parseManifest, readManifestText, saveManifest, sameStamp, type FileStamp, type RunManifest } from '../../generator/cache/run-manifest.js';
import { hashOf } from '../../generator/model/hash.js';

const at = 1_700_000_000_123.5;
const stamp: FileStamp = { size: 10, mtimeMs: at - 60_000, ctimeMs: at - 60_000, ino: 7 };

describe('sameStamp', () => {
  it.each([
    ['the same stamp, long before', stamp, true],
    ['another size', { ...stamp, size: 11 }, false],
    ['another mtime', { ...stamp, mtimeMs: stamp.mtimeMs + 1 }, false],
    ['another ctime', { ...stamp, ctimeMs: stamp.ctimeMs + 1 }, false],
    ['another inode', { ...stamp, ino: 8 }, false],
  ])('%s: %s', (_, current, same) => {
    expect(sameStamp(stamp, current, at)).toBe(same);
  });

  it('distrusts a file touched within the clock tick before the stamps were taken (racy)', () => {
    const racy = { ...stamp, mtimeMs: at - 50, ctimeMs: at - 50 };
    expect(sameStamp(racy, racy, at)).toBe(false);
    expect(sameStamp(racy, racy, at + 1000)).toBe(true);
  });

  it('allows two seconds on whole-second (coarse) file systems', () => {
    const coarse = { ...stamp, mtimeMs: 1_700_000_000_000, ctimeMs: 1_700_000_000_000 };
    expect(sameStamp(coarse, coarse, 1_700_000_001_500)).toBe(false);
    expect(sameStamp(coarse, coarse, 1_700_000_002_500)).toBe(true);
  });

  it('ignores ctime for output files (hard links change it)', () => {
    expect(sameStamp(stamp, { ...stamp, ctimeMs: at }, at, false)).toBe(true);
  });
});

describe('saveManifest and parseManifest', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-manifest-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const manifest: RunManifest = {
    format: MANIFEST_FORMAT,
    key: 'k1',
    inputsStampedAt: at,
    outputsStampedAt: at + 5,
    inputs: [
      { file: 'beta/api/user-get.md', apiVersion: 'beta', size: 120, mtimeMs: at - 1234.5678, ctimeMs: at - 1000.25, ino: 2 ** 40 + 3, hash: hashOf('a') },
      { file: 'v1.0/resources/a b|c.md', apiVersion: 'v1.0', size: 0, mtimeMs: 1, ctimeMs: 2, ino: 9, hash: hashOf('b') },
    ],
    outputs: [{ path: 'beta/models.ts', size: 5, mtimeMs: at, ctimeMs: at, ino: 4, hash: hashOf('c'), fingerprint: 'f', unformatted: 'u', parts: ['p1', 'p2'] }],
    summary: { pages: 2, types: 1, operations: 1, diagnostics: 0, inputProblems: [] },
    versions: { beta: { types: 1, operations: 1, diagnostics: 0, problems: [] } },
  };

  it('reads back what it saved, stamps to the last bit', async () => {
    const file = path.join(dir, 'round-trip.json');
    await saveManifest(file, manifest);
    expect(parseManifest(await readManifestText(file), 'k1')).toEqual(manifest);
    expect(parseManifest(await readManifestText(file), 'another key')).toBeUndefined();
  });

  it('takes no manifest whose input columns do not line up or are not what they claim', async () => {
    const file = path.join(dir, 'damaged.json');
    await saveManifest(file, manifest);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { inputs: Record<string, unknown> };
    const damaged: [string, (inputs: Record<string, unknown>) => void][] = [
      ['a file too few', (inputs) => (inputs.files as string[]).pop()],
      ['a version that is not a string', (inputs) => ((inputs.versions as unknown[])[1] = 7)],
      ['hashes cut short', (inputs) => (inputs.hashes = (inputs.hashes as string).slice(1))],
      ['stamps cut short', (inputs) => (inputs.stamps = Buffer.from(inputs.stamps as string, 'base64').subarray(8).toString('base64'))],
      ['a stamp that is not a number', (inputs) => (inputs.stamps = Buffer.from(new Float64Array([NaN, 1, 2, 3, 4, 5, 6, 7]).buffer).toString('base64'))],
      ['records as objects (format 3)', (inputs) => Object.assign(inputs, { files: undefined })],
    ];
    for (const [what, damage] of damaged) {
      const copy = structuredClone(saved);
      damage(copy.inputs);
      await writeFile(file, JSON.stringify(copy));
      expect(parseManifest(await readManifestText(file), 'k1'), what).toBeUndefined();
    }
  });
});
