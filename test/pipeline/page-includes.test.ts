/** Reading a page's bytes: regular files whole; a named pipe, a folder, a missing or too large file give undefined at once. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWhole } from '../../generator/pipeline/page-includes.js';
import { MAX_PAGE_BYTES } from '../../generator/parse/input.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-read-whole-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readWhole', () => {
  it('reads a regular file whole', () => {
    writeFileSync(path.join(dir, 'page.md'), '# Title\n\ntext\n');
    expect(readWhole(path.join(dir, 'page.md'))?.toString('utf8')).toBe('# Title\n\ntext\n');
  });

  it('gives undefined for a named pipe without waiting for a writer', () => {
    const pipe = path.join(dir, 'pipe.md');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    expect(readWhole(pipe)).toBeUndefined();
  }, 10_000);

  it('gives undefined for a folder, a missing file and a file past the page limit', () => {
    mkdirSync(path.join(dir, 'folder.md'));
    writeFileSync(path.join(dir, 'huge.md'), Buffer.alloc(MAX_PAGE_BYTES + 1, 'a'));
    expect(readWhole(path.join(dir, 'folder.md'))).toBeUndefined();
    expect(readWhole(path.join(dir, 'missing.md'))).toBeUndefined();
    expect(readWhole(path.join(dir, 'huge.md'))).toBeUndefined();
  });
});
