import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodePage, discoverPages, UsageError } from '../../generator/parse/input.js';

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function tree(files: string[]): Promise<string> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-input-'));
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), '# page\n');
  }
  return dir;
}

describe('discoverPages', () => {
  it.each([
    ['version folders', ['v1.0/api/a.md', 'beta/resources/b.md'], '', [['beta/resources/b.md', 'beta'], ['v1.0/api/a.md', 'v1.0']]],
    ['docs repository layout', ['api-reference/beta/api/a.md', 'api-reference/v1.0/resources/b.md'], '', [['api-reference/beta/api/a.md', 'beta'], ['api-reference/v1.0/resources/b.md', 'v1.0']]],
    ['a single version folder', ['beta/api/a.md', 'beta/resources/b.md'], 'beta', [['api/a.md', 'beta'], ['resources/b.md', 'beta']]],
    ['a .md.txt page', ['v1.0/resources/x.md.txt'], '', [['v1.0/resources/x.md.txt', 'v1.0']]],
    ['pages at the root and deep down', ['a.md', 'v1.0/x/y/z/b.md', 'v1.0/x/y/z/c.md'], 'v1.0/', [['x/y/z/b.md', 'v1.0'], ['x/y/z/c.md', 'v1.0']]],
    ['a page at the root', ['a.md'], '', [['a.md', 'v1.0']]],
  ])('reads %s', async (_name, files, sub, want) => {
    const root = await tree(files);
    const set = await discoverPages(path.join(root, sub));
    expect(set.pages.map((p) => [p.file, p.apiVersion])).toEqual(want);
    expect(set.pages.map((p) => p.absolutePath)).toEqual(set.pages.map((p) => path.join(set.root, p.file)));
  });

  it('skips media folders and non-markdown files and says so; include sources are neither pages nor skipped', async () => {
    const root = await tree(['v1.0/api/a.md', 'v1.0/includes/permissions/a-permissions.md', 'v1.0/api/image.png', 'v1.0/media/m.md']);
    const set = await discoverPages(root);
    expect(set.pages.map((p) => p.file)).toEqual(['v1.0/api/a.md']);
    expect(set.skipped).toEqual([
      { file: 'v1.0/api/image.png', reason: 'not a markdown page' },
      { file: 'v1.0/media/', reason: 'media folder (not reference pages)' },
    ]);
  });

  it('reports a page outside a version folder and reads it as v1.0', async () => {
    const root = await tree(['api/a.md']);
    const set = await discoverPages(root);
    expect(set.pages[0]?.apiVersion).toBe('v1.0');
    expect(set.diagnostics.map((d) => [d.code, d.file])).toEqual([['api-version-unknown', 'api/a.md']]);
  });

  it.each([
    ['a missing folder', async () => path.join(os.tmpdir(), 'docs2ts-no-such-folder'), /does not exist/],
    ['an empty folder', async () => tree([]), /no markdown pages under/],
  ])('refuses %s with a usage error', async (_name, make, message) => {
    const root = await make();
    await expect(discoverPages(root)).rejects.toThrow(UsageError);
    await expect(discoverPages(root)).rejects.toThrow(message);
  });
});

describe('decodePage', () => {
  it('drops a BOM', () => {
    expect(decodePage(new Uint8Array([0xef, 0xbb, 0xbf, 0x23]), 'a.md')).toEqual({ text: '#', diagnostics: [] });
  });
  it('reports bytes that are not UTF-8 and still decodes', () => {
    const { text, diagnostics } = decodePage(new Uint8Array([0x23, 0xff, 0x41]), 'a.md');
    expect(text).toBe('#\uFFFDA');
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['page-encoding', 'a.md', 1]]);
  });
});
