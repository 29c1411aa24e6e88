/**
 * Pages of the constructs that made parsing superlinear (issue 17), at 200 KB:
 * each is extracted (the timeout only catches a hang; `npm run pathological`
 * prints the times) and read as `linear.ts` says, with its diagnostics.
 */
import type { Root } from 'mdast';
import { afterEach, describe, expect, it } from 'vitest';
import { extractPage } from '../../generator/extract/page.js';
import { linearText } from '../../generator/parse/linear.js';
import { MAX_DELIMITER_RUNS, MAX_DEPTH, MAX_INDENT } from '../../generator/parse/limits.js';
import { ParseMemo } from '../../generator/parse/parse-memo.js';
import { CONSTRUCTS, KB } from '../../scripts/pathological-pages.js';

const FILE = 'v1.0/resources/pathological.md';
const HANG = 120_000;

interface Node {
  type: string;
  depth?: number;
  value?: string;
  children?: Node[];
}

function page(name: string): string {
  return CONSTRUCTS[name]!(200 * KB);
}

function extracted(text: string) {
  const facts = extractPage({ file: FILE, apiVersion: 'v1.0', text });
  return facts.diagnostics.map(({ code, line, column }) => ({ code, line, column }));
}

function tree(text: string): Root {
  const linear = linearText(text, FILE);
  return linear.restore(new ParseMemo(1 << 20).parse(linear.text));
}

function count(node: Node, type: string): number {
  return (node.type === type ? 1 : 0) + (node.children ?? []).reduce((sum, child) => sum + count(child, type), 0);
}

/** How deep nodes of `type` nest along the last child (a list item's nested list comes after its paragraph). */
function nesting(node: Node, type: string): number {
  let depth = 0;
  for (let at = node.children?.at(-1); at; at = at.children?.at(-1)) if (at.type === type) depth++;
  return depth;
}

function text(node: Node): string {
  return node.value ?? (node.children ?? []).map(text).join('');
}

describe('pathological pages of 200 KB', () => {
  // Each test keeps the thread busy for seconds: a turn of the event loop between them lets vitest's
  // messages through (otherwise its RPC times out once the file has run for a minute).
  afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

  it.each([
    ['inline comment `a <!-- b`', 'html'],
    ['inline comment before `>` `a <!-- b >`', 'html'],
    ['instruction before `>` `a <? b >`', 'html'],
    ['link opener `[x](`', 'link'],
    ['image openers `![x](`', 'image'],
    ['unclosed tags `<a b="`', 'html'],
    ['backtick runs of growing length', 'inlineCode'],
    ['bracket runs `[`', 'link'],
  ])('%s: read as the one paragraph of text it is, without diagnostics', { timeout: HANG }, (name, absent) => {
    const input = page(name);
    expect(extracted(input)).toEqual([]);
    const root = tree(input) as Node;
    expect(root.children!.map((node) => node.type)).toEqual(['paragraph']);
    expect(count(root, absent)).toBe(0);
    expect(text(root)).toBe(input.trimEnd());
  });

  it.each(['brackets in text `a ] b`', 'references in text `a & b`'])('%s: one paragraph of text', { timeout: HANG }, (name) => {
    const input = page(name);
    expect(extracted(input)).toEqual([]);
    expect(text(tree(input) as Node)).toBe(input.trimEnd());
  });

  it('code span over lines: one code span', { timeout: HANG }, () => {
    const input = page('code span over lines');
    expect(extracted(input)).toEqual([]);
    const root = tree(input) as Node;
    expect(count(root, 'inlineCode')).toBe(1);
    expect(text(root)).toBe(input.slice(1, -1));
  });

  it('nested `>` lines: 32 quotes deep, the rest of each line as text', { timeout: HANG }, () => {
    const input = page('nested `>` lines (1,000 deep)');
    expect(extracted(input)).toEqual([{ code: 'nesting-too-deep', line: 1, column: MAX_DEPTH + 1 }]);
    const root = tree(input) as Node;
    expect(nesting(root, 'blockquote')).toBe(MAX_DEPTH);
    expect(text(root)).toContain(`${'>'.repeat(1000 - MAX_DEPTH)} a`);
  });

  it('nested `-` markers: 32 lists deep', { timeout: HANG }, () => {
    const input = page('nested `-` markers (1,000 deep)');
    expect(extracted(input)).toEqual([{ code: 'nesting-too-deep', line: 1, column: 2 * MAX_DEPTH + 1 }]);
    expect(nesting(tree(input) as Node, 'list')).toBe(MAX_DEPTH);
  });

  it('list levels by indentation: items indented past the limit are text', { timeout: HANG }, () => {
    const input = page('list levels by indentation');
    // Line n is indented 2(n - 1) columns: the first at the limit is line MAX_INDENT / 2 + 1.
    expect(extracted(input)).toEqual([{ code: 'nesting-too-deep', line: MAX_INDENT / 2 + 1, column: MAX_INDENT + 1 }]);
    expect(nesting(tree(input) as Node, 'list')).toBe(MAX_INDENT / 2);
  });

  it('table of 5,000 columns: read as a paragraph', { timeout: HANG }, () => {
    const input = page('table of 5,000 columns');
    expect(extracted(input)).toEqual([{ code: 'table-too-wide', line: 2, column: 2 }]);
    const root = tree(input) as Node;
    expect(count(root, 'table')).toBe(0);
    expect(text(root)).toBe(input.trimEnd());
  });

  it('emphasis runs `*a*a*a`: the first 1,000 runs pair, the rest are text', { timeout: HANG }, () => {
    const input = page('emphasis runs `*a*a*a`');
    expect(extracted(input)).toEqual([{ code: 'emphasis-too-many', line: 1 + MAX_DELIMITER_RUNS / 40, column: 1 }]);
    expect(count(tree(input) as Node, 'emphasis')).toBe(MAX_DELIMITER_RUNS / 2);
  });

  it('strong openers `a **b`: none closes; past the limit they are text', { timeout: HANG }, () => {
    const input = page('strong openers `a **b`');
    expect(extracted(input)).toEqual([{ code: 'emphasis-too-many', line: MAX_DELIMITER_RUNS + 1, column: 3 }]);
    const root = tree(input) as Node;
    expect(count(root, 'strong')).toBe(0);
    expect(text(root)).toBe(input.trimEnd());
  });

  it('HTML block lines `<div>`: one HTML block', { timeout: HANG }, () => {
    const input = page('HTML block lines `<div>`');
    expect(extracted(input)).toEqual([]);
    expect((tree(input) as Node).children!.map((node) => node.type)).toEqual(['html']);
  });
});
