/**
 * Top-level parts of a file's text (`format-parts.ts`) and formatting by parts
 * (`formatByParts`): splitting is `text.split(/(?<=\n)\n(?=\S)/)` and joins back,
 * a text is split only where its tokens show statement boundaries, and every way
 * the last output can fail to fit gives undefined (the caller formats whole).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formattedByHash, joinFormatted, joinParts, partHash, splitParts, statementParts } from '../../generator/emit/format-parts.js';
import { formatByParts, formatFile, type SplitText } from '../../generator/emit/format.js';

const split = (parts: string[]): SplitText => ({ parts, hashes: parts.map(partHash) });

describe('splitParts', () => {
  it.each([
    ['no boundary', 'a;\nb;\n', ['a;\nb;\n']],
    ['a blank line before column 0', 'a;\n\nb;\n', ['a;\n', 'b;\n']],
    ['a blank line before an indented line', 'a {\n\n  b;\n}\n', ['a {\n\n  b;\n}\n']],
    ['two blank lines', 'a;\n\n\nb;\n', ['a;\n\n', 'b;\n']],
    ['a line of spaces', 'a;\n  \nb;\n', ['a;\n  \nb;\n']],
    ['a blank line at the start', '\n\na;\n', ['\n', 'a;\n']],
    ['a blank line at the end', 'a;\n\n', ['a;\n\n']],
    ['a no-break space at column 0', 'a;\n\n\u00a0b;\n', ['a;\n\n\u00a0b;\n']],
    ['empty text', '', ['']],
  ])('%s', (_, text, want) => {
    expect(splitParts(text)).toEqual(want);
    expect(joinParts(splitParts(text))).toBe(text);
  });

  it('is the regular expression split, and joins back, on any text', () => {
    const text = fc.array(fc.constantFrom('\n', '\n', ' ', '\t', 'a', ';', '\u00a0', '\u2028', '\r'), { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(splitParts(t)).toEqual(t.split(/(?<=\n)\n(?=\S)/));
        expect(joinParts(splitParts(t))).toBe(t);
      }),
    );
  });
});

describe('statementParts', () => {
  it.each([
    ['a header, imports, JSDoc and declarations', "// Generated.\nimport type { A } from './a.js';\n\n/** Doc. */\nexport interface B {\n  a: A;\n}\n\nexport type C = 'x' | 'y';\n"],
    ['a comment between declarations', 'export const a = 1;\n\n// A comment.\n\nexport function f() {}\n'],
    ['strings, templates and brackets closed before the boundary', "export const a = [')', \"}\", `${'`'}\\``, { b: (1) }];\n\nexport const c = 2;\n"],
    ['a blank line inside a template, before an indented line', 'export const a = `x\n\n  y`;\n\nexport const b = 1;\n'],
    ['one part', 'export const a = 1;\n'],
  ])('splits %s', (_, text) => {
    expect(statementParts(text)).toEqual(splitParts(text));
  });

  it.each([
    ['a boundary inside a template', 'export const a = `\n\nfoo(1)\n\n`;\n'],
    ['a boundary inside a template expression', 'export const a = `${\n\nfoo(1)}`;\n'],
    ['a boundary inside a block comment', '/* a\n\nfoo(1)\n*/\nexport const a = 1;\n'],
    ['a boundary inside braces', 'export function f() {\n\nfoo(1);\n}\n'],
    ['a boundary inside parentheses', 'export const a = f(\n\nb);\n'],
    ['a boundary after a token that is not ; or }', 'export const a = b\n\nexport const c = 1;\n'],
    ['a boundary inside a statement', 'export type A =\n\nexport;\n'],
    ['a boundary before a word that continues a statement', 'if (a) {}\n\nelse {}\n'],
    ['a boundary before a word that starts no declaration', 'a();\n\nfoo();\n'],
    ['a boundary before a parenthesis', 'export const a = {}\n\n(b);\n'],
    ['a boundary before a comment and then a parenthesis', 'export const a = {}\n\n// c\n(b);\n'],
    ['a slash that starts no comment', 'export const a = /x/;\n\nexport const b = 1;\n'],
    ['a string that does not end on its line', "export const a = 'x\n\nexport const b = 1;\n"],
    ['an unclosed template', 'export const a = `x;\n\nexport const b = 1;\n'],
    ['an unclosed block comment', 'export const a = 1;\n\n/* x\n'],
    ['unbalanced brackets', 'export const a = [1);\n\nexport const b = 1;\n'],
    ['a line separator', 'export const a = 1; // \u2028 x\n\nexport const b = 1;\n'],
  ])('gives undefined for %s', (_, text) => {
    expect(statementParts(text)).toBeUndefined();
  });
});

describe('partHash', () => {
  it('is 12 base64url characters and tells texts apart', () => {
    expect(partHash('a;\n')).toMatch(/^[\w-]{12}$/);
    expect(partHash('a;\n')).toBe(partHash('a;\n'));
    expect(partHash('a;\n')).not.toBe(partHash('b;\n'));
  });
});

describe('formattedByHash and joinFormatted', () => {
  it('maps each recorded hash to the part of the last output at its place', () => {
    expect(formattedByHash('a;\n\nb;\n', ['h1', 'h2'])).toEqual(
      new Map([
        ['h1', 'a;\n'],
        ['h2', 'b;\n'],
      ]),
    );
  });

  it('gives undefined when the last output has another number of parts', () => {
    expect(formattedByHash('a;\n\nb;\n', ['h1'])).toBeUndefined();
    expect(formattedByHash('a;\nb;\n', ['h1', 'h2'])).toBeUndefined();
  });

  it.each([
    ['formatted parts', ['a;\n', 'b;\n'], 'a;\n\nb;\n'],
    ['one part', ['a;\n'], 'a;\n'],
  ])('joins %s', (_, parts, want) => {
    expect(joinFormatted(parts)).toBe(want);
  });

  it.each([
    ['a part with a boundary inside', ['a;\n\nb;\n', 'c;\n']],
    ['an empty part', ['a;\n', '', 'b;\n']],
    ['a part without its last newline', ['a;', 'b;\n']],
    ['a part that starts with a space', ['a;\n', ' b;\n']],
  ])('gives undefined for %s', (_, parts) => {
    expect(joinFormatted(parts)).toBeUndefined();
  });
});

describe('formatByParts', () => {
  const declaration = (name: string, doc: string) => `/** ${doc} */\nexport interface ${name} {\n      a?:   string;\n}\n`;
  const names = ['A', 'B', 'C', 'D', 'E'];
  const text = (docs: string[]) => ["// Generated.\nimport type { X } from './x.js';\n", ...names.map((name, i) => declaration(name, docs[i]!))].join('\n');
  const before = text(names.map((name) => `The ${name}.`));
  const after = text(names.map((name) => (name === 'C' ? 'The C, edited.' : `The ${name}.`)));
  const path = 'v1.0/models/a.ts';

  async function lastOutput(content: string) {
    return { content: (await formatFile({ path, content })).content, hashes: split(statementParts(content)!).hashes };
  }

  it('formats the changed parts alone and takes the others from the last output: what formatting whole gives', async () => {
    const parts = statementParts(after)!;
    expect(parts).toHaveLength(6);
    const result = await formatByParts({ path, content: after }, split(parts), await lastOutput(before));
    expect(result).toEqual({ content: (await formatFile({ path, content: after })).content, formatted: 1, reused: 5 });
  });

  it('formats nothing when no part changed', async () => {
    const result = await formatByParts({ path, content: before }, split(statementParts(before)!), await lastOutput(before));
    expect(result).toMatchObject({ formatted: 0, reused: 6 });
  });

  it('gives undefined when the last output does not split into the recorded parts', async () => {
    const last = await lastOutput(before);
    expect(await formatByParts({ path, content: after }, split(statementParts(after)!), { ...last, hashes: last.hashes.slice(1) })).toBeUndefined();
  });

  it('gives undefined when more than half of the text changed', async () => {
    const rewritten = text(names.map((name) => `The ${name}, with a longer description than before.`));
    expect(await formatByParts({ path, content: rewritten }, split(statementParts(rewritten)!), await lastOutput(before))).toBeUndefined();
  });

  it('gives undefined when a changed part does not parse alone', async () => {
    const last = { content: 'const a = `x\n\ny`;\n', hashes: split(['const a = `x\n', 'y`;\n']).hashes };
    const content = 'const a = `x\n\nz`;\n';
    expect(await formatByParts({ path, content }, split(splitParts(content)), last)).toBeUndefined();
  });

  it('gives undefined when the formatted parts would not split back into them', async () => {
    const first = 'export const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];\n';
    const last = { content: `${first}\nexport const b = 1;\n`, hashes: split([first, 'export const b = 1;\n']).hashes };
    // Prettier makes the line of spaces a blank line: a boundary inside the part.
    const content = `${first}\nb;\n  \nc;\n`;
    expect(await formatByParts({ path, content }, split(splitParts(content)), last)).toBeUndefined();
  });

  it('leaves files other than TypeScript to the caller', async () => {
    const content = 'a\n\nb\n';
    expect(await formatByParts({ path: 'v1.0/notes.txt', content }, split(splitParts(content)), { content, hashes: split(splitParts(content)).hashes })).toBeUndefined();
  });
});
