/**
 * A write that fails for a reason the user can act on (disk full, quota,
 * read-only file system, permissions) is reported naming the output file (a
 * failed write names none by itself), and the old output is left whole with
 * nothing beside it: through the swap, the few-files path, the in-place path
 * (a folder holding a user's file) and a single file (`model --out`). The
 * failure is injected into `writeFile`, as a full disk would raise it.
 */
import { mkdtemp, readdir, readFile, rm, writeFile as realWriteFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportError } from '../../generator/cli/errors.js';
import { listFiles, writeOutputDir, type OutputFile } from '../../generator/pipeline/output-dir.js';
import { writeAtomic } from '../../generator/pipeline/write-atomic.js';

/** The error code the next writes fail with, when set. */
const failing = vi.hoisted(() => ({ code: undefined as string | undefined }));

vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const writeFile: typeof fs.writeFile = async (...args) => {
    if (failing.code) throw Object.assign(new Error(`${failing.code}: failed, write`), { code: failing.code, errno: -1, syscall: 'write' });
    return fs.writeFile(...args);
  };
  return { ...fs, default: { ...fs, writeFile }, writeFile };
});

const MESSAGES: [string, (file: string) => RegExp][] = [
  ['ENOSPC', (file) => new RegExp(`^docs2ts: no space left on the device writing ${file}: free some space and run again \\(ENOSPC in write\\)\\n$`)],
  ['EDQUOT', (file) => new RegExp(`^docs2ts: disk quota exceeded writing ${file}: free some space and run again \\(EDQUOT in write\\)\\n$`)],
  ['EROFS', (file) => new RegExp(`^docs2ts: ${file} is on a read-only file system: pass a writable path \\(EROFS in write\\)\\n$`)],
  ['EACCES', (file) => new RegExp(`^docs2ts: ${file}: permission denied: pass a path you can write, or change its permissions \\(EACCES in write\\)\\n$`)],
  ['EPERM', (file) => new RegExp(`^docs2ts: ${file}: operation not permitted: pass a path you can write, or change its permissions \\(EPERM in write\\)\\n$`)],
];

const FIRST: OutputFile[] = [
  { path: 'a.ts', content: 'a\n' },
  { path: 'sub/b.ts', content: 'b\n' },
  { path: 'sub/c.ts', content: 'c\n' },
];

/** Writes through the swap (every file new), replaced alone, and in place. */
const WAYS: [string, OutputFile[], boolean][] = [
  ['the swap', FIRST.map((file) => ({ ...file, content: `${file.content}changed\n` })).concat({ path: 'd.ts', content: 'd\n' }), false],
  ['a few files replaced alone', [{ path: 'a.ts', content: 'a changed\n' }, ...FIRST.slice(1).map((file) => ({ ...file, content: null }))], false],
  ['in place, beside a user file', [{ path: 'a.ts', content: 'a changed\n' }, ...FIRST.slice(1)], true],
];

describe('write errors name the file and leave the old output whole', () => {
  let dir: string;
  let out: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-write-errors-'));
    out = path.join(dir, 'out');
    await writeOutputDir(out, FIRST);
  });
  afterEach(async () => {
    failing.code = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  describe.each(WAYS)('%s', (_, files, userFile) => {
    it.each(MESSAGES)('%s', async (code, message) => {
      if (userFile) await realWriteFile(path.join(out, 'mine.txt'), 'mine\n');
      const before = await Promise.all(listFiles(out).map(async (file) => [file, await readFile(path.join(out, file), 'utf8')]));
      failing.code = code;
      const error = await writeOutputDir(out, files).then(
        () => undefined,
        (e: unknown) => e,
      );
      failing.code = undefined;
      const report = reportError(error, false);
      // Some file of the output folder (writes run in parallel; in place, the marker goes first).
      expect(report.text).toMatch(message(`${out.replaceAll('/', '\\/').replaceAll('.', '\\.')}\\/[^ :]+`));
      expect(report.exitCode).toBe(2);
      expect(await Promise.all(listFiles(out).map(async (file) => [file, await readFile(path.join(out, file), 'utf8')]))).toEqual(before);
      expect(await readdir(dir)).toEqual(['out']);
    });
  });

  it('a single file (model --out) names itself and leaves the old one', async () => {
    const file = path.join(dir, 'model.json');
    await writeAtomic(file, 'old\n');
    failing.code = 'ENOSPC';
    const error = await writeAtomic(file, 'new\n').then(
      () => undefined,
      (e: unknown) => e,
    );
    failing.code = undefined;
    expect(reportError(error, false).text).toBe(`docs2ts: no space left on the device writing ${file}: free some space and run again (ENOSPC in write)\n`);
    expect(await readFile(file, 'utf8')).toBe('old\n');
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'out']);
  });
});
