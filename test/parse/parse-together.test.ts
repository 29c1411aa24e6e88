/** Blocks parsed in one micromark run (`generator/parse/parse-together.ts`) give the trees they give alone. */
import { describe, expect, it } from 'vitest';
import { parseTogether } from '../../generator/parse/parse-together.js';
import { parseMarkdown } from '../../generator/parse/processor.js';

const alone = (text: string) => {
  const { children, position } = parseMarkdown(text);
  return { children, position };
};

describe('parseTogether', () => {
  it('gives each block the tree it has alone, whatever the block leaves open', () => {
    const blocks = [
      'Retrieve the properties of a [user](../resources/user.md) object.\n\n',
      '- one\n- two\n\n',
      '> **Note:** quoted\n',
      '<div>\nhtml block\n',
      '    indented code\n\n',
      'Setext candidate\n',
      '1. first\n\n   more\n\n',
      '[!INCLUDE [sample-code](../includes/x.md)]\n[!INCLUDE [sdk](../includes/y.md)]',
    ];
    expect(JSON.stringify(parseTogether(blocks))).toBe(JSON.stringify(blocks.map(alone)));
  });

  it('gives up when a block swallows what follows it', () => {
    expect(parseTogether(['Intro.\n\n', '```json\n{ "open": true\n'])).toBeUndefined();
  });
});
