/**
 * Inline content built without micromark (`generator/parse/fast-inline.ts`) is
 * the nodes micromark gives for the piece as a paragraph of its own, key order
 * included, and what it does not plainly handle is left to micromark. Random
 * pieces made of every kind of inline content are compared with fast-check
 * (1,000 pieces in quick mode, `npm run test:quick`, instead of 5,000).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastInline } from '../../generator/parse/fast-inline.js';
import { parseMarkdown } from '../../generator/parse/processor.js';
import { fullOr, quickNote } from '../helpers/quick.js';

const RUNS = fullOr(5000, 1000);

/** The piece's nodes as micromark gives them, or undefined when it is not exactly one paragraph spanning it. */
function micromark(piece: string): string | undefined {
  const children = parseMarkdown(piece).children;
  const paragraph = children[0];
  if (children.length !== 1 || paragraph?.type !== 'paragraph') return undefined;
  if (paragraph.position?.start.offset !== 0 || paragraph.position.end.offset !== piece.length) return undefined;
  return JSON.stringify(paragraph.children);
}

const BUILT = [
  ['code', 'Returned only on `$select`.'],
  ['code with spaces stripped', '` a ` and `  ` and `  b `'],
  ['code holding delimiters', '`*not emphasis*` `[not](link)` `a_b`'],
  ['a link', '[assignedLicense](assignedlicense.md) collection'],
  ['a link with spaces in its text', '[ user ](../resources/user.md)'],
  ['a link to an address with a query and fragment', 'See [docs](https://learn.microsoft.com/graph/a%20b?x=1#h).'],
  ['a link whose destination holds delimiters', '[a](some_page*name.md) then text'],
  ['strong', '**Calendar**'],
  ['strong before punctuation', 'Set **signInSessionsValidFromDateTime**. Then **more**, and (**this**)'],
  ['emphasis', '*optional* value'],
  ['strong after a tag and before punctuation', 'See<br/>**Note:** (*a*); "**b**"/*c*.'],
  ['everything together', 'Use `id` of the [user](user.md); **required** for *beta*.'],
  ['non-ASCII text', 'ünïcödé ✓ `código` [ссылка](x.md)'],
  ['HTML tags without attributes', 'a<br>b <br/> c<br />d</b> `x`<BR>'],
  ['text with &, ! and _ that start nothing', 'T&C, ucap_in and ucap_out! Hi &amp no semicolon'],
  ['a link with & in its query', '[beta](/graph/api/x?view=graph-rest-beta&preserve-view=true)'],
] as const;

const LEFT = [
  ['an escape', 'a \\* b'],
  ['an entity', 'a &amp; b'],
  ['a numeric reference', 'a &#x2713; b'],
  ['a link with a reference in its destination', '[a](x?a=1&amp;b=2)'],
  ['a tag with attributes', 'a <span class="x">b</span>'],
  ['a tag at the start', '<br>x'],
  ['an autolink', 'a <https://x.y> b'],
  ['underscores at a word edge', 'a _b c'],
  ['an underscore next to a code span', '`a`_b'],
  ['an image', '![alt](x.png)'],
  ['double backticks', '``a ` b``'],
  ['an unclosed code span', 'a `b'],
  ['a link with code in its text', '[`id`](x.md)'],
  ['a link with a title', '[a](x.md "title")'],
  ['a link with a pointy destination', '[a](<x.md>)'],
  ['a link with an entity in its destination', '[a](x&amp;y.md)'],
  ['a reference link', '[a][b]'],
  ['a bracket alone', 'array[0]'],
  ['strong inside a word', 'a**b**c'],
  ['strong followed by a letter', '**a**b'],
  ['underscores', '_a_ b'],
  ['triple stars', '***a***'],
  ['a list item', '- **a**'],
  ['an ordered list item', '1. `a`'],
  ['a heading', '# `a`'],
  ['a leading space', ' `a`'],
  ['a trailing space', '`a` '],
  ['a tab', '`a`\tb'],
] as const;

describe('fastInline', () => {
  it.each(BUILT)('builds %s as micromark does', (_, piece) => {
    const built = fastInline(piece);
    expect(built).toBeDefined();
    expect(JSON.stringify(built)).toBe(micromark(piece));
  });

  it.each(LEFT)('leaves %s to micromark', (_, piece) => {
    expect(fastInline(piece)).toBeUndefined();
  });

  it(`gives micromark nodes for random pieces, and builds most plain ones${quickNote('1,000 pieces')}`, () => {
    // Mostly what is built, with some of everything that is not, so both sides of every check are met.
    const plain = fc.constantFrom(
      'text',
      ' ',
      '  ',
      '.',
      ',',
      ')',
      '(',
      'a',
      'Ünï',
      '`code`',
      '` x `',
      '[user](user.md)',
      '[a b](https://x.y/p?q=1#f)',
      '[a](b_c*d.md)',
      '[a](x?y=1&z=2)',
      '*em*',
      '**strong**',
      '**two words**',
      '<br>',
      '<br/>',
      ':',
      '"',
      '/',
      '</b>',
      'a_b',
      '&',
      '!',
    );
    const tricky = fc.constantFrom('`', '[', ']', '(x.md)', '*', '**', '_', '_u_', '![', '&amp;', '&#1;', '&x', ';', '<', '<a b="c">', '<x:y>', '\\', '\\*', '#', '-', '1.', '>', '\t');
    const part = fc.oneof({ arbitrary: plain, weight: 6 }, { arbitrary: tricky, weight: 1 });
    let built = 0;
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 8 }), (parts) => {
        const piece = parts.join('');
        const nodes = fastInline(piece);
        if (nodes === undefined) return;
        built++;
        expect(JSON.stringify(nodes)).toBe(micromark(piece));
      }),
      { numRuns: RUNS },
    );
    expect(built).toBeGreaterThan(RUNS / 5);
  });
});
