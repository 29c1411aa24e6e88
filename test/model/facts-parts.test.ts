/**
 * Facts in two parts: the core alone links into the same output as the whole
 * facts, and core + detail join back into exactly the whole facts (key order
 * included), on the sample input and, when it is here, pages of the corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageFacts } from '../../generator/extract/facts.js';
import { joinFacts, splitFacts } from '../../generator/model/facts-parts.js';
import { linkModel } from '../../generator/model/link.js';
import { emitModel } from '../../generator/emit/index.js';
import { EMITTERS } from '../../generator/emit/emitters.js';
import { readFile } from 'node:fs/promises';
import { decodePage, discoverPages } from '../../generator/parse/input.js';
import { extractPage } from '../../generator/extract/page.js';
import { extractPageFile } from '../../generator/pipeline/extract-page-file.js';
import { makeFixture, type Fixture } from '../pipeline/fixture.js';
import { page, resource } from '../helpers/facts.js';

const source = { file: 'v1.0/api/x-get.md', line: 3, column: 1 };
const link = (href: string) => ({ href, source });

describe('splitFacts / joinFacts', () => {
  let fx: Fixture;
  /** Per page: the whole facts (as `extractPage` makes them) and the two texts `extractPageFile` makes. */
  let pages: { whole: PageFacts; core: string; detail: string }[];

  beforeAll(async () => {
    fx = await makeFixture();
    const set = await discoverPages(fx.input);
    pages = [];
    for (const input of set.pages) {
      const { text, diagnostics } = decodePage(await readFile(input.absolutePath), input.file);
      const facts = extractPage({ file: input.file, apiVersion: input.apiVersion, text });
      facts.diagnostics.unshift(...diagnostics);
      const { core, detail } = await extractPageFile(input);
      pages.push({ whole: JSON.parse(JSON.stringify(facts)) as PageFacts, core, detail });
    }
  }, 300_000);
  afterAll(() => fx?.cleanup());

  it('joins back into the whole facts, key order included', () => {
    expect(pages.length).toBeGreaterThan(3);
    for (const { whole, core, detail } of pages) {
      const again = splitFacts(whole);
      expect(JSON.stringify(again.core)).toBe(core);
      expect(JSON.stringify(again.detail)).toBe(detail);
      expect(JSON.stringify(joinFacts(JSON.parse(core) as PageFacts, JSON.parse(detail)))).toBe(JSON.stringify(whole));
    }
  });

  it('leaves in the core what linking and emitting read: the same files from cores as from whole facts', () => {
    const whole = linkModel({ pages: pages.map((p) => p.whole) });
    const cores = linkModel({ pages: pages.map((p) => JSON.parse(p.core) as PageFacts) });
    expect(whole.operations.some((operation) => operation.examples.length > 0)).toBe(true);
    // The models differ only in the examples (which no emitter reads)...
    expect(cores).toEqual({ ...whole, operations: whole.operations.map((operation) => ({ ...operation, examples: [] })) });
    // ...and emit the same files.
    expect(emitModel(cores, { inputLabel: 'docs', emitters: EMITTERS })).toEqual(emitModel(whole, { inputLabel: 'docs', emitters: EMITTERS }));
  });

  it('keeps in the core the first link to each resource page of a page with operations, and no other link', () => {
    const operation = { title: 'Get x', examples: [] } as unknown as PageFacts['operations'][number];
    const links = [link('../resources/x.md'), link('https://example.com'), link('../resources/x.md'), link('x-list.md'), link('../resources/y.md#properties')];
    expect(splitFacts(page('v1.0/api/x-get.md', { operations: [operation], links })).core.links).toEqual([links[0], links[4]]);
    expect(splitFacts(page('v1.0/resources/x.md', { resources: [resource('x')], links })).core.links).toEqual([]);
  });

  it('refuses a detail that does not fit the core', () => {
    const { core, detail } = splitFacts(page('v1.0/resources/x.md', { resources: [resource('x')] }));
    expect(joinFacts(structuredClone(core), detail)).toBeDefined();
    expect(joinFacts(structuredClone(core), { ...detail, methods: [] })).toBeUndefined();
    expect(joinFacts(structuredClone(core), { ...detail, examples: [[]] })).toBeUndefined();
    expect(joinFacts(structuredClone(core), null)).toBeUndefined();
    expect(joinFacts(structuredClone(core), '{}')).toBeUndefined();
  });
});
