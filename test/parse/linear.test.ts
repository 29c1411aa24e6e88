/**
 * `linearText`: where a construct cannot close, the stand-ins give the tree
 * micromark gives the page itself (random pages of constructs that open and
 * close, fast-check; 100 pages in quick mode, `npm run test:quick`, instead of
 * 400); past a limit, the page is read as the limit says, with
 * a diagnostic at the first place.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { linearText } from '../../generator/parse/linear.js';
import { MAX_COLUMNS, MAX_DELIMITER_RUNS, MAX_DEPTH } from '../../generator/parse/limits.js';
import { parseMarkdown } from '../../generator/parse/processor.js';
import { fullOr, quickNote } from '../helpers/quick.js';

const FILE = 'v1.0/resources/page.md';

function parsed(text: string): { tree: Root; codes: string[]; changed: boolean } {
  const linear = linearText(text, FILE);
  return { tree: linear.restore(parseMarkdown(linear.text)), codes: linear.diagnostics.map((d) => d.code), changed: linear.text !== text };
}

/** A paragraph after a blank line that makes the page long enough for the scans (it pairs with nothing). */
const PADDING = `\n\nPadding ${'x'.repeat(4200)}\n`;

const PIECES = ['a', ' ', 'b c', '\n', '\n\n', '<!--', '-->', '<!-->', '<!--->', '<??>', '-', '--', '<a', '<http://x', '<a b="', '"', '>', '</b', '<?', '?>', '<![CDATA[', ']]>', '<!X', '`', '``', '```', '\\', '(', ')', '](', '[', ']', ']:', '*', '_', '> ', '- ', '1. ', '    ', '|', '&amp;', 'http://x'];

describe('linearText: exact where a construct cannot close', () => {
  it(`gives the tree micromark gives the page, on random pages${quickNote('100 pages')}`, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('') + PADDING;
        const { tree, codes } = parsed(text);
        expect(codes).toEqual([]);
        expect(JSON.stringify(tree)).toBe(JSON.stringify(parseMarkdown(text)));
      }),
      { numRuns: fullOr(400, 100) },
    );
  });

  it.each([
    ['an unclosed comment', 'a <!-- b\nc <!-- d\n', true],
    ['an unclosed tag', 'x <a b="\ny <a b="\n', true],
    ['a lone backtick run', 'a `` b\nc ``` d\n', true],
    ['a comment closed on a later line', 'a <!-- b\nc --> d\n', false],
    ['an unclosed comment with a > after it', 'a <!-- b >\nc <!-- d >\n', true],
    ['an unclosed processing instruction with a > after it', 'a <? b >\nc <? d >\n', true],
    ['a comment closed at once', 'a <!--> b >\n', false],
    ['an autolink that a comment opener breaks', 'a <http://x<!--y> b\n', true],
    ['an instruction closed by the next one', 'a <?<?> b\n', false],
    ['a pointy destination', '[a](<b c\n', false],
    ['a comment starting an HTML block', '<!-- b\nc\n', false],
    ['an escaped bracket', 'a \\<!-- b\n', false],
  ])('%s: stand-ins %s', (_name, page, replaced) => {
    const text = page + PADDING;
    const { tree, changed } = parsed(text);
    expect(changed).toBe(replaced);
    expect(JSON.stringify(tree)).toBe(JSON.stringify(parseMarkdown(text)));
  });

  it('leaves short pages as they are', () => {
    const text = 'a <!-- b\n';
    expect(linearText(text, FILE).text).toBe(text);
  });
});

describe('linearText: limits', () => {
  it('reads markers past the deepest nesting as text', () => {
    const text = `${'>'.repeat(MAX_DEPTH + 5)} a\n`;
    const linear = linearText(text, FILE);
    expect(linear.diagnostics).toEqual([
      expect.objectContaining({ code: 'nesting-too-deep', severity: 'warning', line: 1, column: MAX_DEPTH + 1, message: expect.stringMatching(/^Unexpected 37 nested block quotes/) }),
    ]);
    let node: { type: string; children?: unknown[] } = linear.restore(parseMarkdown(linear.text));
    let depth = 0;
    while (node.children?.length === 1 && (node.children[0] as { type: string }).type === 'blockquote') {
      node = node.children[0] as typeof node;
      depth++;
    }
    expect(depth).toBe(MAX_DEPTH);
    expect(JSON.stringify(node)).toContain(`"value":"${'>'.repeat(5)} a"`);
  });

  it('keeps a thematic break of many markers', () => {
    const text = `${'- '.repeat(MAX_DEPTH + 5)}\n`;
    expect(linearText(text, FILE).text).toBe(text);
  });

  it('reads a table wider than the limit as a paragraph', () => {
    const columns = MAX_COLUMNS + 1;
    const text = `${'|a'.repeat(columns)}|\n${'|-'.repeat(columns)}|\n${'|b'.repeat(columns)}|\n`;
    const { tree, codes } = parsed(text);
    expect(codes).toEqual(['table-too-wide']);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
    expect(JSON.stringify(tree)).toContain(`${'|-'.repeat(columns)}|`);
  });

  it('keeps a table at the limit', () => {
    const text = `${'|a'.repeat(MAX_COLUMNS)}|\n${'|-'.repeat(MAX_COLUMNS)}|\n`;
    expect(parsed(text).tree.children.map((node) => node.type)).toEqual(['table']);
  });

  it('reads emphasis runs past the limit as text', () => {
    const text = `${'*a* '.repeat(MAX_DELIMITER_RUNS / 2 + 10)}\n`;
    const { tree, codes } = parsed(text);
    expect(codes).toEqual(['emphasis-too-many']);
    const paragraph = tree.children[0] as { children: { type: string }[] };
    expect(paragraph.children.filter((node) => node.type === 'emphasis')).toHaveLength(MAX_DELIMITER_RUNS / 2);
    expect(JSON.stringify(tree)).toContain('*a* *a*');
  });
});
