/**
 * Parsing by blocks with a memo gives the tree of a whole-page parse: on pages
 * built to test the cut rules, and on random pages made of snippets that
 * open and close every kind of block (fast-check; 600 pages in quick mode,
 * `npm run test:quick`, instead of 3,000).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockStarts } from '../../generator/parse/blocks.js';
import { ParseMemo } from '../../generator/parse/parse-memo.js';
import { parseMarkdown } from '../../generator/parse/processor.js';
import { fullOr, quickNote } from '../helpers/quick.js';

const same = (memo: ParseMemo, text: string) => expect(JSON.stringify(memo.parse(text))).toBe(JSON.stringify(parseMarkdown(text)));

const PAGE = [
  '---',
  'title: "user resource type"',
  '',
  'doc_type: resourcePageType',
  '---',
  '',
  '# user resource type',
  '',
  'Namespace: microsoft.graph',
  '',
  '## Properties',
  '',
  '| Property | Type | Description |',
  '|:---|:---|:---|',
  '| aboutMe | String | A [link](../api/user-get.md) and `code`. |',
  '',
  '## JSON representation',
  '',
  '```json',
  '{',
  '',
  '  "aboutMe": "String"',
  '',
  '}',
  '```',
  '',
  'Done.',
].join('\n');

describe('blockStarts', () => {
  it('cuts after blank lines, outside front matter and fences', () => {
    const lines = PAGE.split('\n');
    const cutLines = blockStarts(PAGE).map((offset) => PAGE.slice(0, offset).split('\n').length);
    expect(cutLines.map((n) => lines[n - 1])).toEqual(['---', '# user resource type', 'Namespace: microsoft.graph', '## Properties', '| Property | Type | Description |', '## JSON representation', '```json', 'Done.']);
  });

  it.each([
    ['a link reference definition', 'Text [a].\n\n[a]: https://example.com\n'],
    ['a comment over several lines that starts inside a line', 'Text <!--\n\nhidden\n\n-->\n\ntext\n'],
    ['a <pre> block', '<pre>\n\ncode\n\n</pre>\n'],
    ['an indented fence', '- item\n\n  ```\n\n  code\n\n  ```\n'],
    ['a fence inside an HTML block', '<div>\n```\n\nx\n\n```\n'],
  ])('does not cut a page with %s', (_, text) => {
    expect(blockStarts(text)).toEqual([0]);
  });

  it('cuts around a comment over several lines, never inside it', () => {
    const text = 'Intro.\n\n<!--\n\nhidden\n\n-->\n\ntext\n';
    expect(blockStarts(text).map((offset) => text.slice(offset).split('\n')[0])).toEqual(['Intro.', '<!--', 'text']);
  });

  it('cuts around headings, fences and comments that start a line, blank line or not', () => {
    const text = 'Intro.\n## Permissions\n|a|\n|-|\n<!-- { "blockType": "request" } -->\n```http\nGET /me\n```\n- after\n<div>\n# in html\n';
    const cuts = blockStarts(text).map((offset) => text.slice(offset).split('\n')[0]);
    expect(cuts).toEqual(['Intro.', '## Permissions', '|a|', '<!-- { "blockType": "request" } -->', '```http', '- after']);
  });

  it('does not cut before lines that continue a list, a quote or indented code', () => {
    const text = '- a\n\n- b\n\n  more\n\n> quote\n\n> again\n\n    code\n\n    more\n\n1. one\n\n2. two\n\nend\n';
    const cuts = blockStarts(text).map((offset) => text.slice(offset).split('\n')[0]);
    expect(cuts).toEqual(['- a', 'end']);
  });
});

describe('ParseMemo', () => {
  it('gives the whole-page tree, first parse and memoized, at any place in the page', () => {
    const memo = new ParseMemo(1 << 20);
    same(memo, PAGE);
    same(memo, PAGE);
    same(memo, `Intro line.\n\n${PAGE.replace(/^---[^]*?---\n/, '')}`);
    expect(memo.hits).toBeGreaterThan(5);
  });

  it('evicts the least recently used blocks past its size', () => {
    const memo = new ParseMemo(40);
    // Blocks of 23 characters: only the last one read fits.
    same(memo, 'First paragraph here.\n\nSecond paragraph her.\n\nThird paragraph here.\n\n');
    same(memo, 'Third paragraph here.\n\nFirst paragraph here.\n\n');
    expect(memo.hits).toBe(1);
  });

  // A hundred random pages: seconds alone, past the 30 s default on a loaded machine; the timeout only catches a hang.
  it(`gives the whole-page tree for random pages of every kind of block${quickNote('600 pages')}`, { timeout: 120_000 }, () => {
    const snippet = fc.constantFrom(
      '',
      '',
      '# Title',
      '## Section',
      '#### Deep `heading` ##',
      '#NoSpace',
      '<!-- c --> after',
      'Setext\n===',
      'Paragraph with `code`, *emphasis* and a [link](x.md).',
      'lazy\ncontinued',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '|x|\n|-|',
      '```json\n{\n\n"a": 1\n}\n```',
      '```',
      '~~~\ncode\n~~~',
      '````\n```\n````',
      '- item',
      '  continued item',
      '* other',
      '1. one',
      '> quote',
      '    indented code',
      '<div>',
      '</div>',
      '<!-- { "blockType": "request" } -->',
      '<!--',
      '-->',
      '---',
      '***',
      '\tTabbed',
      ' leading space',
      'Text [ref] and [a][b].',
      '[b]: https://example.com',
      'trailing\r',
      '\u2028odd separator',
    );
    fc.assert(
      fc.property(fc.array(snippet, { maxLength: 40 }), (parts) => {
        const text = parts.join('\n');
        const memo = new ParseMemo(1 << 20);
        const whole = JSON.stringify(parseMarkdown(text));
        expect(JSON.stringify(memo.parse(text))).toBe(whole);
        expect(JSON.stringify(memo.parse(text))).toBe(whole);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? fullOr(3000, 600)), seed: Number(process.env.FUZZ_SEED ?? 20261122) },
    );
  });
});
