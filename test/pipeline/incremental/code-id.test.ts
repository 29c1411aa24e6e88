/** Code ids follow the module graph: any module a stage reaches, and the generator version. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeIds, computeCodeIds, graphId, memoizedCodeIds } from '../../../generator/pipeline/incremental/code-id.js';
import { GENERATOR_VERSION } from '../../../generator/model/link.js';

describe('code ids', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-code-id-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('change when a module reached through imports changes, not when an unreached one does', async () => {
    const file = (name: string, text: string) => writeFile(path.join(dir, name), text);
    await file('entry.ts', "import { b } from './b.js';\nexport const a = b;\n");
    await file('b.ts', "export { c as b } from './c.js';\n");
    await file('c.ts', 'export const c = 1;\n');
    await file('unused.ts', 'export const u = 1;\n');
    const id = () => graphId([path.join(dir, 'entry.ts')], []);
    const before = await id();
    await file('unused.ts', 'export const u = 2;\n');
    expect(await id()).toBe(before);
    await file('c.ts', 'export const c = 2;\n');
    expect(await id()).not.toBe(before);
  });

  it('change with the generator version; facts and emit ids differ', async () => {
    const now = await codeIds();
    expect(now).toEqual(await computeCodeIds(GENERATOR_VERSION));
    const next = await computeCodeIds(`${GENERATOR_VERSION}-next`);
    expect(next.facts).not.toBe(now.facts);
    expect(next.emit).not.toBe(now.emit);
    expect(now.facts).not.toBe(now.emit);
  });

  describe('memo', () => {
    const memoFile = () => path.join(dir, 'code-ids.json');
    type Memo = { stampedAt: number; files: [string, { size: number } | null][]; ids: { facts: string; emit: string } };
    const readMemo = async () => JSON.parse(await readFile(memoFile(), 'utf8')) as Memo;
    /** Rewrites the memo with other ids (so a run that trusts it shows them) and `change` applied. */
    const plant = async (change: (memo: Memo) => void = () => undefined) => {
      const memo = await readMemo();
      memo.ids = { facts: 'planted', emit: 'planted' };
      change(memo);
      await writeFile(memoFile(), JSON.stringify(memo));
    };
    const computed = () => computeCodeIds(GENERATOR_VERSION);

    it('gives the computed ids, and records the modules and package files it read (and those it looked for)', async () => {
      await rm(memoFile(), { force: true });
      expect(await memoizedCodeIds(memoFile())).toEqual(await computed());
      const memo = await readMemo();
      expect(memo.files.some(([file, stamp]) => file.endsWith(`extract-page-file${path.extname(file)}`) && stamp !== null)).toBe(true);
      expect(memo.files.some(([file, stamp]) => file.endsWith('package.json') && stamp === null)).toBe(true);
    });

    it('is trusted while every file keeps its stamp', async () => {
      await memoizedCodeIds(memoFile());
      await plant();
      expect(await memoizedCodeIds(memoFile())).toEqual({ facts: 'planted', emit: 'planted' });
    });

    it.each([
      ['a module with another stamp', (memo: Memo) => (memo.files.find(([, stamp]) => stamp !== null)![1]!.size += 1)],
      ['a file looked for that is there now', (memo: Memo) => memo.files.push([memoFile(), null])],
      ['a file that was there and is gone', (memo: Memo) => memo.files.push([path.join(dir, 'gone.js'), { size: 1, mtimeMs: 1, ctimeMs: 1, ino: 1 } as never])],
      ['stamps taken while the files were being written (racy)', (memo: Memo) => (memo.stampedAt = 0)],
      ['another generator version', (memo: Memo) => Object.assign(memo, { version: 'other' })],
      ['another shape', (memo: Memo) => Object.assign(memo, { files: 'none' })],
    ])('is not trusted after %s: computed again', async (_, change) => {
      await memoizedCodeIds(memoFile());
      await plant(change);
      expect(await memoizedCodeIds(memoFile())).toEqual(await computed());
      // And the memo is whole again.
      expect((await readMemo()).ids).toEqual(await computed());
    });

    it('is computed when the memo is garbage', async () => {
      await writeFile(memoFile(), '{"format":1,');
      expect(await memoizedCodeIds(memoFile())).toEqual(await computed());
    });
  });
});
