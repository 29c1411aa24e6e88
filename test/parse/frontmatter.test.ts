/**
 * Front matter: `plainLines` (the reader without the YAML parser) gives what `yaml` gives for the `key: value`
 * lines it accepts, and declines the rest, which `readFrontMatter` hands to `yaml`. On every corpus page's front
 * matter too (skipped, saying so, without ../shared/graph-docs).
 */
import { readFile } from 'node:fs/promises';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { plainLines, readFrontMatter } from '../../generator/parse/frontmatter.js';
import { discoverPages } from '../../generator/parse/input.js';
import { corpusRoot, hasCorpus } from '../helpers/corpus.js';

/** What `readFrontMatter` keeps of `yaml`'s reading: scalars as trimmed strings. */
function yamlValues(text: string): Record<string, string> {
  const value = parseYaml(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' }) as Record<string, unknown> | null;
  return Object.fromEntries(Object.entries(value ?? {}).flatMap(([key, entry]) => (['string', 'number', 'boolean'].includes(typeof entry) ? [[key, String(entry).trim()]] : [])));
}

const yamlNode = (value: string): Root => ({ type: 'root', children: [{ type: 'yaml', value }] });

describe('plainLines', () => {
  it.each([
    ['title: "Get agreement"\ndoc_type: apiPageType\nms.prod: governance', { title: 'Get agreement', doc_type: 'apiPageType', 'ms.prod': 'governance' }],
    ["author: 'someone'\nempty:\nlocalization_priority: Normal  ", { author: 'someone', localization_priority: 'Normal' }],
    ['description: Gets a user\'s photo, (and "more") [here]', { description: 'Gets a user\'s photo, (and "more") [here]' }],
  ])('reads %j as yaml does', (text, want) => {
    expect(plainLines(text)).toEqual(want);
    expect(plainLines(text)).toEqual(yamlValues(text));
  });

  it.each([
    ['a number', 'version: 1.0'],
    ['a keyword', 'isDeprecated: true'],
    ['a null keyword', 'owner: Null'],
    ['a repeated key', 'title: a\ntitle: b'],
    ['an escape', 'title: "a\\tb"'],
    ['a doubled quote', "title: 'it''s'"],
    ['a comment', 'title: a # b'],
    ['a colon', 'title: see: this'],
    ['a list', 'tags:\n  - a'],
    ['a continued line', 'title: a\n  b'],
    ['a blank line', 'title: a\n\nauthor: b'],
    ['nothing', ''],
  ])('declines %s', (_, text) => {
    expect(plainLines(text)).toBeUndefined();
  });

  it('leaves what it declines to yaml, whose values and errors readFrontMatter reports', () => {
    const diagnostics: Parameters<typeof readFrontMatter>[2] = [];
    expect(readFrontMatter(yamlNode('version: 1.0\nisDeprecated: true'), 'a.md', diagnostics).values).toEqual({ version: '1', isDeprecated: 'true' });
    expect(readFrontMatter(yamlNode('title: a: b'), 'a.md', diagnostics).values).toEqual({ title: 'a: b' });
    expect(diagnostics.map((d) => d.code)).toEqual(['front-matter-invalid']);
  });
});

describe.skipIf(!hasCorpus)('plainLines on ../shared/graph-docs', () => {
  it('reads most pages\' front matter, each as yaml does', { timeout: 600_000 }, async () => {
    const { pages } = await discoverPages(corpusRoot);
    let read = 0;
    for (const page of pages) {
      const text = /^---\r?\n([\s\S]*?)\r?\n---/.exec(await readFile(page.absolutePath, 'utf8'))?.[1];
      const values = text === undefined ? undefined : plainLines(text);
      if (values === undefined) continue;
      read++;
      expect(values, page.file).toEqual(yamlValues(text!));
    }
    expect(read).toBeGreaterThan(pages.length * 0.9);
  });
});
