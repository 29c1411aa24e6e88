/** The one file replacer: the new content lands whole, flushed, with nothing left beside it. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeAtomic } from '../../generator/pipeline/write-atomic.js';

/** The options of each temporary write, to see that it asks for an fsync. */
const writes = vi.hoisted(() => [] as { file: string; options: unknown }[]);

vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const writeFile: typeof fs.writeFile = async (file, data, options) => {
    writes.push({ file: String(file), options });
    return fs.writeFile(file, data, options);
  };
  return { ...fs, default: { ...fs, writeFile }, writeFile };
});

describe('writeAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-write-atomic-'));
    writes.length = 0;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('replaces a file through a flushed temporary sibling and leaves only the file', async () => {
    const file = path.join(dir, 'sub', 'model.json');
    await writeAtomic(file, 'old\n');
    await writeAtomic(file, 'new\n');
    expect(await readFile(file, 'utf8')).toBe('new\n');
    expect(await readdir(path.join(dir, 'sub'))).toEqual(['model.json']);
    expect(writes).toHaveLength(2);
    for (const write of writes) {
      expect(path.dirname(write.file)).toBe(path.join(dir, 'sub'));
      expect(write.options).toEqual({ flush: true });
    }
  });

  it('writes first to the temporary file it is given (beside an output folder), then moves it', async () => {
    const file = path.join(dir, 'out', 'a.ts');
    await writeFile(path.join(dir, 'mine.txt'), 'kept\n');
    writes.length = 0;
    await writeAtomic(file, 'a\n', path.join(dir, '.out.file-1'));
    expect(writes.map((write) => write.file)).toEqual([path.join(dir, '.out.file-1')]);
    expect(await readFile(file, 'utf8')).toBe('a\n');
    expect((await readdir(dir)).sort()).toEqual(['mine.txt', 'out']);
  });
});
