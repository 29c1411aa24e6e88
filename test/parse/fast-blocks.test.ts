/**
 * Blocks built without micromark (`generator/parse/fast-blocks.ts`) are the
 * trees micromark gives, and the shapes it does not plainly handle are left
 * to micromark. Random blocks of every handled shape, with cell and heading
 * text of every kind of inline content, are compared with fast-check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastBlock } from '../../generator/parse/fast-blocks.js';
import { InlineMemo } from '../../generator/parse/inline-memo.js';
import { parseMarkdown } from '../../generator/parse/processor.js';
import { fullOr, quickNote } from '../helpers/quick.js';

/** Random blocks: 3,000, or 600 in quick mode (`npm run test:quick`). */
const RUNS = Number(process.env.FUZZ_RUNS ?? fullOr(3000, 600));

const json = (value: unknown) => JSON.stringify(value);
const micromark = (text: string) => {
  const { children, position } = parseMarkdown(text);
  return json({ children, position });
};

const BUILT = [
  ['front matter', '---\ntitle: "user resource type"\nms.date: 09/10/2024\n---\n\n'],
  ['empty front matter', '---\n---\n'],
  ['a one-line annotation', '<!-- { "blockType": "request", "name": "get_user" } -->\n'],
  ['an annotation over lines', '<!-- {\n  "blockType": "response",\n  "truncated": true\n} -->\n\n'],
  ['a comment with text after its end', '<!-- note --> text after\n'],
  ['a fence with a language', '```http\nGET https://graph.microsoft.com/v1.0/me\n```\n\n'],
  ['a fence with meta and blank lines inside', '```json  highlight x \n{\n\n  "a": 1\n\n}\n```  \n'],
  ['a tilde fence with backticks in its info', '~~~ js `x`\ncode\n~~~\n'],
  ['an empty fence', '```\n```\n'],
  ['a longer closing fence, indented', '````\n```\nstill code\n  `````\n'],
  ['a heading', '## Properties\n\n'],
  ['a heading with inline content', '### Example 1: Get [user](../resources/user.md) with `$select` and *emphasis*\n'],
  ['a heading with entities and escapes', '# A &amp; B \\* C\n'],
  ['a heading with spaces around', '##    Spaced out   \n'],
  ['a property table', '| Property | Type | Description |\n|:---|:---|:---|\n| id | String | The [unique](x.md) id. Read-only. |\n| count | Int32 | `0` or more &mdash; **required** |\n\n'],
  ['a table with alignments and ragged rows', '|a|b|c|\n|:-:|--:|---|\n|1|\n| 1 | 2 | 3 | 4 |\n|  | x |   \n| y\n'],
  ['a table with empty and spaced cells', '| a | b |  \n| --- | --- |\n|   |   |\n'],
  ['a table with a thematic-break cell', '| a |\n|---|\n| --- |\n'],
  ['a table cell of html', '| a |\n|---|\n| <br/>x <b>y</b> |\n'],
  ['a table as the last block without a newline', '| a |\n|---|\n| b |'],
  ['a paragraph', 'Just text.\n\n'],
  ['a paragraph of lines with links', 'Retrieve a [user](../resources/user.md)\nobject by [id](x.md)\n[!INCLUDE [sample-code](../includes/x.md)]\n'],
  ['a paragraph of include lines', '[!INCLUDE [sample-code](../includes/snippets/x.md)]\n[!INCLUDE [sdk-documentation](../includes/snippets/y.md)]\n\n'],
  ['a paragraph with code and entities', '`code` then &amp; text\nand `more`\n'],
  ['a table with tabs', '| Method\t\t   | Return Type\t|Description|\n|:---------------|:--------|:----------|\n|comment|String\t|A\tcomment. |\n'],
  ['a fence with tabs', '```json\n{\n\t"a": 1\n}\n```\t\n'],
] as const;

const LEFT = [
  ['a tab in a heading', '##\tTitle\n'],
  ['a tab in an info string', '```js\tx\ncode\n```\n'],
  ['a carriage return', '## Title\r\n'],
  ['an escaped pipe', '| a |\n|---|\n| `x\\|y` |\n'],
  ['a delimiter row of another width', '| a | b |\n|---|\n'],
  ['a row without a leading pipe', '| a |\n|---|\nb |\n'],
  ['a closing heading sequence', '## Title ##\n'],
  ['an unclosed fence', '```js\ncode\n'],
  ['an entity in an info string', '```js&amp;\ncode\n```\n'],
  ['a paragraph with a break', 'Two spaces  \nbreak the line.\n'],
  ['a paragraph with a list after it', 'Text\n- item\n'],
  ['a paragraph with emphasis open across lines', 'Some *emphasis\nacross* lines.\n'],
  ['a paragraph with a link across lines', 'A [link\nacross](x.md) lines.\n'],
  ['text after the construct', '## Title\nText.\n'],
] as const;

describe('fastBlock', () => {
  it.each(BUILT)('builds %s as micromark does', (_, text) => {
    const built = fastBlock(text, new InlineMemo());
    expect(built).toBeDefined();
    expect(json(built)).toBe(micromark(text));
  });

  it.each(LEFT)('leaves %s to micromark', (_, text) => {
    expect(fastBlock(text, new InlineMemo())).toBeUndefined();
  });

  it('reads heading and cell text that would start a block elsewhere as text', () => {
    const text = '| a |\n|---|\n| # b |\n| - c |\n';
    expect(json(fastBlock('## - item\n', new InlineMemo()))).toBe(micromark('## - item\n'));
    expect(json(fastBlock(text, new InlineMemo()))).toBe(micromark(text));
  });

  it(`gives micromark trees for random blocks of every shape, memo shared${quickNote('600 blocks')}`, () => {
    const memo = new InlineMemo();
    const inline = fc.constantFrom(
      '',
      'String',
      'Int32',
      'microsoft.graph.user',
      '[user](user.md)',
      '[user](user.md) collection',
      '`code`',
      '`a` and `b`',
      '**bold** *em* _u_',
      'a & b',
      '&nbsp;',
      '&amp;',
      '\\* escaped',
      'trailing \\',
      '<br>',
      '<br/>text',
      '<a href="x">y</a>',
      '# heading?',
      '- item?',
      '1. one?',
      '> quote?',
      '---',
      '***',
      '[a]: b',
      '![img](x.png)',
      'a  b',
      'ünïcödé ✓',
      '\u00a0nbsp\u00a0',
      'x|',
      'tab\there',
    );
    const cells = fc.array(inline, { minLength: 1, maxLength: 4 });
    const row = (cells: string[], closed: boolean, spaced: boolean) => {
      const gap = spaced ? ' \t' : '';
      return `|${cells.map((cell) => `${gap}${cell}${gap}`).join('|')}${closed ? '|' : ''}`;
    };
    const tableBlock = fc
      .tuple(cells, fc.array(fc.tuple(cells, fc.boolean(), fc.boolean()), { maxLength: 4 }), fc.constantFrom(':--', '--:', ':-:', '---'), fc.boolean())
      .map(([header, body, delimiter, spaced]) => [row(header, true, spaced), row(header.map(() => delimiter), true, spaced), ...body.map(([cells, closed, space]) => row(cells, closed, space))].join('\n'));
    const headingBlock = fc.tuple(fc.integer({ min: 1, max: 7 }), inline, fc.constantFrom('', ' ', '   ')).map(([depth, text, pad]) => `${'#'.repeat(depth)} ${pad}${text}${pad}`);
    const fenceBlock = fc
      .tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'json', 'http ', ' js  meta x ', 'a`b'), fc.array(fc.constantFrom('', '{', '  "a": 1', '\t"b": 2', '```', '~~~', '  ```', '```\t', '\t```', '}'), { maxLength: 5 }))
      .map(([fence, info, body]) => [fence + info, ...body, fence].join('\n'));
    const commentBlock = fc.array(fc.constantFrom('<!-- {', '"a": 1', '} -->', '-->', '<!-- x -->', 'text'), { minLength: 1, maxLength: 4 }).map((lines) => `<!--${lines.join('\n')}`);
    const frontMatterBlock = fc.array(fc.constantFrom('title: x', 'a: "b"', '', '---x', '---\t', '\tkey: tab'), { maxLength: 4 }).map((lines) => ['---', ...lines, '---'].join('\n'));
    const paragraphLine = fc.oneof(
      inline,
      fc.constantFrom('Plain words', '[!INCLUDE [x](y.md)]', 'a *b', 'c* d', 'e `f', 'g` h', '[open', 'close](x)', 'x] [y', 'end\\', 'two  ', ' lead', '===', '- no', '2. two', '(paren)', '*x*'),
    );
    const paragraphBlock = fc.array(paragraphLine, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
    const block = fc.tuple(fc.oneof(tableBlock, headingBlock, fenceBlock, commentBlock, frontMatterBlock, paragraphBlock), fc.constantFrom('', '\n', '\n\n', '\n\n\n'));
    let built = 0;
    fc.assert(
      fc.property(block, ([body, after]) => {
        const text = body + after;
        const tree = fastBlock(text, memo);
        if (tree) {
          built++;
          expect(json(tree)).toBe(micromark(text));
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261122) },
    );
    expect(built).toBeGreaterThan(RUNS / 3);
  });
});
