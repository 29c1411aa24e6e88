/**
 * `formatFile` formats with `babel-ts` (and no embedded-language pass) for speed:
 * its output must be what prettier's `typescript` parser gives, on every file the
 * emitters write for the fixture models, and on text with a construct where the
 * two parsers may differ (which goes to `typescript`).
 */
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { clientEmitter } from '../../generator/emit/client.js';
import type { EmittedFile } from '../../generator/emit/emitter.js';
import { formatFile, parserFor, PRETTIER_OPTIONS } from '../../generator/emit/format.js';
import { CASES } from './cases.js';
import { contextFor, fixtureModel } from './client-fixtures.js';
import { emitAll } from './harness.js';

/**
 * What `formatFile` gave before it chose parsers: prettier with the `typescript` parser. The reference only: made once
 * for a path and text that several cases emit alike (each case's validators runtime), `formatFile` every time.
 */
const references = new Map<string, Promise<string>>();
const withTypescript = (file: EmittedFile) => {
  const key = `${file.path}\0${file.content}`;
  if (!references.has(key)) references.set(key, format(file.content, { ...PRETTIER_OPTIONS, parser: 'typescript', filepath: file.path }));
  return references.get(key)!;
};

const emitted: [string, EmittedFile][] = [
  ...Object.entries(CASES).flatMap(([name, c]) => emitAll(c.ctx(), c.options).map((file): [string, EmittedFile] => [`${name}: ${file.path}`, file])),
  ...['v1.0', 'beta'].flatMap((version) => clientEmitter.emit(contextFor(fixtureModel, version)).map((file): [string, EmittedFile] => [`client: ${file.path}`, file])),
];

describe('formatFile', () => {
  it.each(emitted)('formats %s as the typescript parser does', async (_, file) => {
    expect(parserFor(file.content)).toBe('babel-ts');
    expect((await formatFile(file)).content).toBe(await withTypescript(file));
  });

  it.each([
    ['a Closure type cast', 'const x = /** @type {Foo} */ (y);\n', 'const x = /** @type {Foo} */ y;\n'],
    ['a namespace', 'namespace A { export const b = 1 }\n', 'namespace A {\n  export const b = 1;\n}\n'],
    ['an ambient module', "declare module 'a' { export const b: number }\n", "declare module 'a' {\n  export const b: number;\n}\n"],
    ['an import alias', 'import a = b.c;\n', 'import a = b.c;\n'],
    ['what babel-ts cannot parse', 'class T {\n  @foo`bar` text = 1\n}\n', 'class T {\n  @(foo`bar`) text = 1;\n}\n'],
  ])('gives the typescript output on %s', async (_, given, want) => {
    const file = { path: 'v1.0/a.ts', content: given };
    expect((await formatFile(file)).content).toBe(want);
    expect(want).toBe(await withTypescript(file));
  });

  it.each([
    ['a Closure type cast', '/** @type {Foo} */ (y)', 'typescript'],
    ['a satisfies cast', '/** @satisfies {Foo} */ ({})', 'typescript'],
    ['a namespace', 'export namespace A {}', 'typescript'],
    ['a global block', 'declare global {}', 'typescript'],
    ['a module', "module 'a' {}", 'typescript'],
    ['an import alias', '  export import a = require("a");', 'typescript'],
    ['properties named like those keywords', 'interface A {\n  module?: string;\n  namespace: string;\n  global: boolean;\n}', 'babel-ts'],
    ['properties whose names start with those keywords', 'interface A {\n  namespaceUrl?: string;\n  moduleName: string;\n  globalAdmin: boolean;\n}', 'babel-ts'],
    ['a dotted namespace', 'namespace A.B {}', 'typescript'],
    ['an escaped tag in a doc comment', '/** Set &#64;type to x. */', 'babel-ts'],
    ['module in doc text', '/**\n * The module docs.\n */', 'babel-ts'],
  ])('picks the parser for %s', (_, text, want) => {
    expect(parserFor(text)).toBe(want);
  });

  it('leaves files other than TypeScript as they are', async () => {
    const file = { path: 'v1.0/notes.txt', content: 'not  code (\n' };
    expect(await formatFile(file)).toEqual(file);
  });
});
