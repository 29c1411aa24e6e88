/** Code ids follow the module graph: any module a stage reaches, and the generator version. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeIds, computeCodeIds, graphId } from '../../../generator/pipeline/incremental/code-id.js';
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
});
