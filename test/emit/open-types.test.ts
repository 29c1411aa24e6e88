/**
 * Open types (`openType` in the docs): by default their interfaces carry no
 * index signature, so a misspelt property is a compile error; `openTypes:
 * "index-signature"` brings `[property: string]: unknown` back for code that
 * sets properties the docs do not list. The validators accept extra properties
 * of an open type either way (the server may send them).
 */
import { describe, expect, it } from 'vitest';
import { contextFor } from './fixtures.js';
import { inheritanceTypes } from './cases.js';
import { emitAll, formatFiles, typecheck, writeFiles } from './harness.js';
import type { OpenTypes } from '../../generator/emit/emitter.js';

const USE = [
  "import type { OpenThing } from './v1.0/models/index.js';",
  "export const spelt: OpenThing = { name: 'x' };",
  "export const misspelt: OpenThing = { nmae: 'x' };",
  '',
].join('\n');

async function compile(openTypes: OpenTypes | undefined): Promise<{ errors: string[]; models: string }> {
  const files = await formatFiles(emitAll({ ...contextFor(inheritanceTypes()), ...(openTypes ? { openTypes } : {}) }));
  const dir = writeFiles([...files, { path: 'use.ts', content: USE }]);
  const models = files.find((file) => file.path === 'v1.0/models/microsoft.graph.ts')!.content;
  return { errors: typecheck(dir, ['use.ts']), models };
}

describe('open types', () => {
  it('default: no index signature, and a misspelt property does not compile', async () => {
    const { errors, models } = await compile(undefined);
    expect(models).not.toContain('[property: string]: unknown');
    expect(errors).toEqual(["use.ts:3:38 Object literal may only specify known properties, and 'nmae' does not exist in type 'OpenThing'."]);
  });

  it('"closed" is the default spelled out', async () => {
    expect((await compile('closed')).models).toBe((await compile(undefined)).models);
  });

  it('"index-signature": the open interface accepts any property again', async () => {
    const { errors, models } = await compile('index-signature');
    expect(models).toMatch(/export interface OpenThing \{\n {2}\[property: string\]: unknown;/);
    expect(errors).toEqual([]);
  });
});
