/**
 * writeOutputDir: a few changed files in an otherwise identical folder are
 * replaced alone (the other files keep their inodes, nothing is left beside the
 * folder), and a run killed among those renames is completed by the next;
 * anything else goes through the staged folder and the swap, which puts the old
 * folder back when the new one cannot take its place; a folder holding files
 * it did not write is written in place around them, never over them. Killing a run at
 * any moment is `test/robustness/kill.test.ts`.
 */
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles, swapFolders, writeOutputDir } from '../../generator/pipeline/output-dir.js';
import { OUTPUT_MARKER } from '../../generator/pipeline/output-owner.js';

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

  it('puts the old folder back when the staged one cannot take its place', async () => {
    const backup = path.join(dir, '.out.old-test');
    expect(() => swapFolders(out, path.join(dir, '.out.new-missing'), backup)).toThrow(/ENOENT/);
    expect(listFiles(out)).toEqual(['a.ts', 'sub/b.ts', 'sub/c.ts']);
    expect(await readdir(dir)).toEqual(['out']);
  });

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
  ])('%s: the staged folder is swapped in', async (_, files, written, removed) => {
    const report = await writeOutputDir(out, files);
    expect(report.written.sort()).toEqual(written);
    expect(report.removed).toEqual(removed);
    expect(listFiles(out)).toEqual(files.map((file) => file.path).sort());
    for (const file of files) if (file.content !== null) expect(await readFile(path.join(out, file.path), 'utf8')).toBe(file.content);
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('replaces a few changed files alone, and leaves one given as it was', async () => {
    const before = await Promise.all(['a.ts', 'sub/b.ts', 'sub/c.ts'].map(inode));
    const report = await writeOutputDir(out, [
      { path: 'a.ts', content: 'a changed\n' },
      { path: 'sub/b.ts', content: 'b\n' },
      { path: 'sub/c.ts', content: 'c changed\n' },
    ]);
    expect(report).toEqual({ written: ['a.ts', 'sub/c.ts'], unchanged: ['sub/b.ts'], removed: [] });
    expect(await readFile(path.join(out, 'a.ts'), 'utf8')).toBe('a changed\n');
    expect(await readFile(path.join(out, 'sub/c.ts'), 'utf8')).toBe('c changed\n');
    expect(await inode('sub/b.ts')).toBe(before[1]);
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('swaps the staged folder in when more than a few files changed', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ path: `m/${i}.ts`, content: `${i}\n` }));
    await writeOutputDir(out, many);
    const changed = many.map((file, i) => ({ path: file.path, content: i < 9 ? `${i} changed\n` : null }));
    const report = await writeOutputDir(out, changed);
    expect(report.written).toHaveLength(9);
    // Swapped, not replaced in place: the old folder is gone with the swap.
    expect(await readdir(dir)).toEqual(['out']);
    expect(await readFile(path.join(out, 'm/8.ts'), 'utf8')).toBe('8 changed\n');
    expect(await readFile(path.join(out, 'm/9.ts'), 'utf8')).toBe('9\n');
  });

  it('completes the replacements a run killed among them had listed, before anything else', async () => {
    // As replaceFew leaves it when killed after renaming the first of two files.
    await writeFile(path.join(dir, '.out.file-7-1'), 'c new\n');
    await writeFile(path.join(out, 'a.ts'), 'a new\n');
    const moves = [
      [path.join(dir, '.out.file-7-0'), path.join(out, 'a.ts')],
      [path.join(dir, '.out.file-7-1'), path.join(out, 'sub/c.ts')],
    ];
    await writeFile(path.join(dir, '.out.moves-7'), JSON.stringify(moves));
    await writeOutputDir(out, [
      { path: 'a.ts', content: null },
      { path: 'sub/b.ts', content: 'b changed\n' },
      { path: 'sub/c.ts', content: null },
    ]);
    expect(await readFile(path.join(out, 'a.ts'), 'utf8')).toBe('a new\n');
    expect(await readFile(path.join(out, 'sub/c.ts'), 'utf8')).toBe('c new\n');
    expect(await readFile(path.join(out, 'sub/b.ts'), 'utf8')).toBe('b changed\n');
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('drops a list of replacements cut short while it was written', async () => {
    await writeFile(path.join(dir, '.out.file-7-0'), 'a new\n');
    const list = JSON.stringify([[path.join(dir, '.out.file-7-0'), path.join(out, 'a.ts')]]);
    await writeFile(path.join(dir, `.out.moves-7.${process.pid}.x.tmp`), list.slice(0, -5));
    await writeOutputDir(out, [
      { path: 'a.ts', content: null },
      { path: 'sub/b.ts', content: 'b changed\n' },
      { path: 'sub/c.ts', content: null },
    ]);
    expect(await readFile(path.join(out, 'a.ts'), 'utf8')).toBe('a\n');
    expect(await readdir(dir)).toEqual(['out']);
  });

  it.each([
    ['out of the folder', (evil: string) => [[path.join(dir, '.out.file-7-0'), evil]]],
    ['from elsewhere', (evil: string) => [[evil, path.join(dir, 'out', 'a.ts')]]],
    ['through ..', () => [[path.join(dir, '.out.file-7-0'), `${path.join(dir, 'out')}${path.sep}..${path.sep}evil.txt`]]],
    ['not a list', () => ({ a: 1 })],
  ])('renames nothing a list of replacements names %s, and drops it', async (_, list) => {
    const evil = path.join(dir, 'evil.txt');
    await writeFile(evil, 'evil\n');
    await writeFile(path.join(dir, '.out.file-7-0'), 'replacement\n');
    await writeFile(path.join(dir, '.out.moves-7'), JSON.stringify(list(evil)));
    await writeOutputDir(out, [
      { path: 'a.ts', content: null },
      { path: 'sub/b.ts', content: 'b changed\n' },
      { path: 'sub/c.ts', content: null },
    ]);
    expect(await readFile(evil, 'utf8')).toBe('evil\n');
    expect(await readFile(path.join(out, 'a.ts'), 'utf8')).toBe('a\n');
    expect((await readdir(dir)).sort()).toEqual(['evil.txt', 'out']);
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

  it('writes a folder holding a file it did not write in place: that file and a symbolic link survive, only listed files change', async () => {
    await writeFile(path.join(out, 'sub/mine.txt'), 'mine\n');
    await symlink('sub/mine.txt', path.join(out, 'link'));
    const report = await writeOutputDir(out, [
      { path: 'a.ts', content: 'a changed\n' },
      { path: 'd.ts', content: 'd\n' },
      { path: 'sub/b.ts', content: null },
    ]);
    expect(report).toEqual({ written: ['a.ts', 'd.ts'], unchanged: ['sub/b.ts'], removed: ['sub/c.ts'] });
    expect(listFiles(out)).toEqual(['a.ts', 'd.ts', 'sub/b.ts', 'sub/mine.txt']);
    expect(await readFile(path.join(out, 'sub/mine.txt'), 'utf8')).toBe('mine\n');
    expect(await readlink(path.join(out, 'link'))).toBe('sub/mine.txt');
    expect(JSON.parse(await readFile(path.join(out, OUTPUT_MARKER), 'utf8')).files).toEqual(['a.ts', 'd.ts', 'sub/b.ts']);
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('refuses to write over a file it did not write, and changes nothing', async () => {
    await writeFile(path.join(out, 'd.ts'), 'mine\n');
    await expect(writeOutputDir(out, [{ path: 'd.ts', content: 'd\n' }])).rejects.toThrow(/d\.ts is in the way: docs2ts did not write it/);
    expect(await readFile(path.join(out, 'd.ts'), 'utf8')).toBe('mine\n');
    expect(listFiles(out)).toEqual(['a.ts', 'd.ts', 'sub/b.ts', 'sub/c.ts']);
  });
});
