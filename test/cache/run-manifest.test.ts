/** Stamps prove a file unchanged only when every field matches and the file was not touched near the time they were taken. */
import { describe, expect, it } from 'vitest';
import { sameStamp, type FileStamp } from '../../generator/cache/run-manifest.js';

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
