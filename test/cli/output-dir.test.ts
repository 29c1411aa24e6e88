/**
 * writeOutputDir: one changed file in an otherwise identical folder is replaced
 * alone (the other files keep their inodes, nothing is left beside the folder);
 * anything else goes through the staged folder and the swap. Killing a run at
 * any moment is `test/robustness/kill.test.ts`.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, writeOutputDir } from '../../generator/cli/output-dir.js';

describe('writeOutputDir', () => {
  let dir: string;
  let out: string;
  const inode = async (file: string) => (await stat(path.join(out, file))).ino;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-outdir-'));
    out = path.join(dir, 'out');
    await writeOutputDir(out, [
      { path: 'a.ts', content: 'a\n' },
      { path: 'sub/b.ts', content: 'b\n' },
      { path: 'sub/c.ts', content: 'c\n' },
    ]);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('replaces one changed file alone', async () => {
    const before = await Promise.all(['a.ts', 'sub/b.ts', 'sub/c.ts'].map(inode));
    const report = await writeOutputDir(out, [
      { path: 'a.ts', content: null },
      { path: 'sub/b.ts', content: 'b changed\n' },
      { path: 'sub/c.ts', content: null },
    ]);
    expect(report).toEqual({ written: ['sub/b.ts'], unchanged: ['a.ts', 'sub/c.ts'], removed: [] });
    expect(await readFile(path.join(out, 'sub/b.ts'), 'utf8')).toBe('b changed\n');
    expect(await inode('a.ts')).toBe(before[0]);
    expect(await inode('sub/c.ts')).toBe(before[2]);
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('writes nothing when the one file given is as it was', async () => {
    const before = await inode('sub/b.ts');
    const report = await writeOutputDir(out, [
      { path: 'a.ts', content: null },
      { path: 'sub/b.ts', content: 'b\n' },
      { path: 'sub/c.ts', content: null },
    ]);
    expect(report.written).toEqual([]);
    expect(await inode('sub/b.ts')).toBe(before);
  });

  it.each([
    ['a file removed as well', [{ path: 'a.ts', content: null }, { path: 'sub/b.ts', content: 'b changed\n' }], ['sub/b.ts'], ['sub/c.ts']],
    ['a file added as well', [{ path: 'a.ts', content: null }, { path: 'sub/b.ts', content: 'b changed\n' }, { path: 'sub/c.ts', content: null }, { path: 'd.ts', content: 'd\n' }], ['d.ts', 'sub/b.ts'], []],
    ['two files changed', [{ path: 'a.ts', content: 'a changed\n' }, { path: 'sub/b.ts', content: 'b changed\n' }, { path: 'sub/c.ts', content: null }], ['a.ts', 'sub/b.ts'], []],
  ])('%s: the staged folder is swapped in', async (_, files, written, removed) => {
    const removing: string[] = [];
    const report = await writeOutputDir(out, files, { removeFolder: async (folder) => void removing.push(folder) });
    expect(report.written.sort()).toEqual(written);
    expect(report.removed).toEqual(removed);
    // The old folder went to removeFolder; it is left to the test to delete here.
    await report.settled;
    expect(removing).toHaveLength(1);
    await rm(removing[0]!, { recursive: true, force: true });
    expect(listFiles(out)).toEqual(files.map((file) => file.path).sort());
    for (const file of files) if (file.content !== null) expect(await readFile(path.join(out, file.path), 'utf8')).toBe(file.content);
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('clears a replacement a killed run left beside the folder', async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, '.out.file-123-456'), 'half');
    await writeOutputDir(out, [
      { path: 'a.ts', content: 'a changed\n' },
      { path: 'sub/b.ts', content: null },
      { path: 'sub/c.ts', content: null },
    ]);
    expect(await readdir(dir)).toEqual(['out']);
    expect(await readFile(path.join(out, 'a.ts'), 'utf8')).toBe('a changed\n');
  });
});
