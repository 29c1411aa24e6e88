/**
 * Interfaces member by member (`format-members.ts`): where the scan splits an
 * interface part and where it refuses to, the plan an edit makes against the last
 * output, and formatting by parts with it giving what formatting whole gives.
 */
import { describe, expect, it } from 'vitest';
import { interfacePieces, joinPieces, memberPlan, unwrapMember, wrapMember } from '../../generator/emit/format-members.js';
import { formatByParts, formatFile, formatPart, type SplitText } from '../../generator/emit/format.js';
import { partHash, statementParts } from '../../generator/emit/format-parts.js';

const split = (parts: string[]): SplitText => ({ parts, hashes: parts.map(partHash) });

describe('interfacePieces', () => {
  it.each([
    [
      'a JSDoc head, members with JSDoc, an extends clause',
      '/**\n * A user.\n */\nexport interface User extends DirectoryObject {\n  /** Name. */\n  name?: string | null;\n  /**\n   * Age; in years.\n   */\n  age: number;\n}\n',
      ['  /** Name. */\n  name?: string | null;\n', '  /**\n   * Age; in years.\n   */\n  age: number;\n'],
    ],
    ['an inline object type with `;` inside', 'interface A {\n  a: { b: string; c: number };\n  d: string;\n}\n', ['  a: { b: string; c: number };\n', '  d: string;\n']],
    ['a member over several lines', 'interface A {\n  a?:\n    | "x;"\n    | \'y\';\n  b: string;\n}\n', ['  a?:\n    | "x;"\n    | \'y\';\n', '  b: string;\n']],
    ['comments with `;` and braces', 'interface A {\n  // not; a {member\n  a: string; /* } */\n  b: string;\n}\n', ['  // not; a {member\n  a: string; /* } */\n', '  b: string;\n']],
    ['quoted keys', 'export interface A {\n  "@odata.type"?: string;\n}\n', ['  "@odata.type"?: string;\n']],
  ])('splits %s', (_, part, members) => {
    const pieces = interfacePieces(part);
    expect(pieces?.members).toEqual(members);
    expect(joinPieces(pieces!)).toBe(part);
  });

  it.each([
    ['a blank line between members', 'interface A {\n  a: string;\n\n  b: string;\n}\n'],
    ['a template literal type', 'interface A {\n  a: `x${string}`;\n}\n'],
    ['a line at column 0 inside', 'interface A {\n  a: string;\nb: string;\n}\n'],
    ['a member at another indentation', 'interface A {\n    a: string;\n}\n'],
    ['a member not ended by `;`', 'interface A {\n  a: string\n}\n'],
    ['an unclosed bracket', 'interface A {\n  a: { b: string;\n}\n'],
    ['no members', 'interface A {\n}\n'],
    ['a type alias', 'export type A = {\n  a: string;\n};\n'],
    ['text after the closing brace', 'interface A {\n  a: string;\n}\nconst b = 1;\n'],
    ['an unclosed comment', 'interface A {\n  /* a: string;\n}\n'],
  ])('refuses %s', (_, part) => {
    expect(interfacePieces(part)).toBeUndefined();
  });
});

describe('wrapMember and unwrapMember', () => {
  it('formats a member alone as inside its interface', async () => {
    const member = '  /** A long description. */\n  value?:    "aaaaaaaaaaaaaaaaaaaa" | "bbbbbbbbbbbbbbbbbbbbbbbbbb" | "cccccccccccccccccccccccccccc" | "ddddddddddddddddd" | null;\n';
    const whole = (await formatFile({ path: 'a.ts', content: `export interface Big {\n${member}  other: string;\n}\n` })).content;
    const alone = unwrapMember(await formatPart(wrapMember(member), 'a.ts', 'babel-ts'));
    expect(alone).toBeDefined();
    expect(interfacePieces(whole)!.members[0]).toBe(alone);
  });

  it('refuses output that is not one member of an interface', () => {
    expect(unwrapMember('interface M {\n  a: string;\n  b: string;\n}\n')).toBeUndefined();
    expect(unwrapMember('type M = {};\n')).toBeUndefined();
  });
});

describe('memberPlan', () => {
  const last = ['export interface A {\n  a: string;\n}\n', 'export interface B {\n  b: string;\n  c: number;\n}\n'];

  it('takes the members of the same interface as they stand and leaves the others to format', () => {
    const plan = memberPlan('export interface B {\n  b: string;\n  c:   number;\n}\n', last);
    expect(plan?.formatted).toEqual(['  b: string;\n', null]);
  });

  it('has no plan when no part of the last output has the same head', () => {
    expect(memberPlan('export interface B extends A {\n  b: string;\n}\n', last)).toBeUndefined();
    expect(memberPlan('export interface C {\n  b: string;\n}\n', last)).toBeUndefined();
  });
});

describe('formatByParts with interfaces member by member', () => {
  const path = 'v1.0/models/a.ts';
  const member = (i: number, doc: string) => `  /** ${doc} */\n  p${i}?:   string | null;\n`;
  const file = (docs: string[]) => `// Generated.\nimport type { X } from './x.js';\n\nexport interface Big {\n${docs.map((doc, i) => member(i, doc)).join('')}}\n\nexport interface Small {\n  a: X;\n}\n`;
  const docs = Array.from({ length: 40 }, (_, i) => `Property ${i}.`);

  it('formats only the changed member of a large interface: what formatting whole gives', async () => {
    const before = file(docs);
    const last = { content: (await formatFile({ path, content: before })).content, hashes: split(statementParts(before)!).hashes };
    // Every member is unformatted (`?:   `): only those the last output holds as they stand are taken, so format them all once.
    const canonical = file(docs).replace(/\?: {3}/g, '?: ');
    const lastCanonical = { content: last.content, hashes: split(statementParts(canonical)!).hashes };
    const after = canonical.replace('Property 7.', 'Property 7, edited.');
    // Big is most of the file: formatted whole, the part would be more than half the text and formatByParts would give up.
    const result = await formatByParts({ path, content: after }, split(statementParts(after)!), lastCanonical);
    expect(result?.content).toBe((await formatFile({ path, content: after })).content);
    expect(result).toMatchObject({ formatted: 1, reused: 2 });
  });
});
