/**
 * Every page of the real corpus parses by blocks, through the memo and with
 * the stand-ins of `generator/parse/linear.ts` (no page passes a limit), into
 * the tree a whole-page parse gives (`generator/parse/parse-memo.ts`). Pages are
 * read in the order the worker pool hands them out (twins together), so the
 * memo is hit as in a real run. Skips, saying so, when the corpus is absent.
 * `npm test` reads one page in eight (both twins of a page alike, chosen by the
 * hash of the page's path below its version folder); `npm run test:corpus`
 * (`DOCS2TS_CORPUS_FULL=1`) reads every page.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownText } from '../../generator/extract/page.js';
import { blockStarts } from '../../generator/parse/blocks.js';
import { discoverPages } from '../../generator/parse/input.js';
import { linearText } from '../../generator/parse/linear.js';
import { ParseMemo } from '../../generator/parse/parse-memo.js';
import { parseMarkdown } from '../../generator/parse/processor.js';
import { twinsTogether } from '../../generator/pipeline/extract-all.js';
import { corpusRoot, hasCorpus } from '../helpers/corpus.js';

const full = process.env['DOCS2TS_CORPUS_FULL'] === '1';

describe.skipIf(!hasCorpus)(`parsing ${full ? 'every page' : 'one page in eight'} of ../shared/graph-docs by blocks`, () => {
  it('gives the whole-page tree for every page, and cuts most pages', { timeout: 1_800_000 }, async () => {
    const { pages } = await discoverPages(corpusRoot);
    const sampled = (file: string) => full || createHash('sha1').update(file.replace(/^[^/]+\//, '')).digest()[0]! % 8 === 0;
    const files = twinsTogether(pages)
      .map((i) => pages[i]!)
      .filter((page) => sampled(page.file))
      .map((page) => page.absolutePath);
    expect(files.length).toBeGreaterThan(full ? 11_000 : 1_000);
    const memo = new ParseMemo(1 << 20);
    const different: string[] = [];
    const limited: string[] = [];
    let cut = 0;
    let replaced = 0;
    for (const file of files) {
      const text = markdownText(await readFile(file, 'utf8'));
      if (blockStarts(text).length > 1) cut++;
      const linear = linearText(text, file);
      if (linear.diagnostics.length > 0) limited.push(path.relative(corpusRoot, file));
      if (linear.text !== text) replaced++;
      if (JSON.stringify(linear.restore(memo.parse(linear.text))) !== JSON.stringify(parseMarkdown(text))) different.push(path.relative(corpusRoot, file));
    }
    expect(different).toEqual([]);
    expect(limited).toEqual([]);
    // Some pages have stand-ins (a lone backtick, a `<` that never closes), and still the page's tree.
    expect(replaced).toBeGreaterThan(0);
    expect(cut / files.length).toBeGreaterThan(0.9);
    expect(memo.hits).toBeGreaterThan(memo.misses);
  });
});
