/**
 * Stamps prove a file unchanged only when every field matches and the file was not touched near the time they were taken;
 * a manifest reads back as it was saved, and one whose records do not check out is no manifest.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, parseManifest, readManifestText, saveManifest, sameStamp, type FileStamp, type RunManifest } from '../../../generator/pipeline/incremental/run-manifest.js';
import { hashOf } from '../../../generator/model/hash.js';

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

  it('takes no manifest whose records are not what they claim', async () => {
    const file = path.join(dir, 'damaged.json');
    await saveManifest(file, manifest);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { inputs: Record<string, unknown>[]; format: number };
    const damaged: [string, (copy: { inputs: Record<string, unknown>[]; format: number }) => void][] = [
      ['inputs that are not a list', (copy) => Object.assign(copy, { inputs: {} })],
      ['a version that is not a string', (copy) => (copy.inputs[1]!['apiVersion'] = 7)],
      ['a hash missing', (copy) => delete copy.inputs[0]!['hash']],
      ['a stamp that is not a number', (copy) => (copy.inputs[0]!['size'] = 'big')],
      ['records in columns (format 4)', (copy) => (copy.format = 4)],
    ];
    for (const [what, damage] of damaged) {
      const copy = structuredClone(saved);
      damage(copy);
      await writeFile(file, JSON.stringify(copy));
      expect(parseManifest(await readManifestText(file), 'k1'), what).toBeUndefined();
    }
  });
});
