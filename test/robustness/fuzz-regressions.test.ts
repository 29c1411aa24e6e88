/**
 * Inputs the fuzzer (`npm run fuzz`, `fuzz.test.ts`) found problems with, kept
 * as cases: each runs through extract, link, emit and check and must come out
 * with no failures (no throw, no internal error, every position in its page).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage, MAX_LINE_CHARS } from '../../generator/extract/page.js';
import { applyMutations, type Mutation } from '../../scripts/fuzz/mutate.js';
import { runCase } from '../../scripts/fuzz/run-case.js';
import { repoRoot } from '../helpers/corpus.js';

const RESOURCE = 'v1.0/resources/intune-onboarding-devicemanagementpartner.md';
const CREATE = 'v1.0/api/intune-onboarding-devicemanagementpartner-create.md';
const UPDATE = 'v1.0/api/intune-onboarding-devicemanagementpartner-update.md';
const BETA_CREATE = 'beta/api/intune-onboarding-compliancemanagementpartner-create.md';
const seedPage = (file: string) => ({ file, apiVersion: file.split('/')[0]!, text: readFileSync(path.join(repoRoot, 'docs-input', file), 'utf8') });

describe('fuzz regressions', () => {
  const cases: [string, { file: string; mutations: Mutation[] }][] = [
    [
      // A lone CR (after `---`) ends a line for mdast but not for `split('\n')`: check findings landed a line off.
      'CRLF page with a long line appended to its first line (lone CR mid-line)',
      { file: BETA_CREATE, mutations: [{ kind: 'line-endings', page: 0, style: 'crlf' }, { kind: 'long-line', page: 0, at: 0, unit: 'a', length: 59137 }] },
    ],
    [
      // Two BOMs: extractPage dropped one, micromark the other and counted offsets after it, so rows
      // recovered from a broken table (sliced from the page text by offset) landed a line low.
      'two BOMs and a header row that lost a pipe (table recovered from raw lines)',
      { file: RESOURCE, mutations: [{ kind: 'bom', page: 0, at: 0 }, { kind: 'bom', page: 0, at: 0 }, { kind: 'break-table-row', page: 0, at: 8, how: 0 }] },
    ],
    ['page with lone CR line endings', { file: BETA_CREATE, mutations: [{ kind: 'line-endings', page: 0, style: 'cr' }] }],
    ['page with mixed line endings', { file: BETA_CREATE, mutations: [{ kind: 'line-endings', page: 0, style: 'mixed' }] }],
  ];
  it.each(cases)('%s', async (_, { file, mutations }) => {
    const page = seedPage(file);
    const [text] = applyMutations([page.text], mutations);
    const { failures } = await runCase([{ ...page, text: text! }]);
    expect(failures).toEqual([]);
  });

  /** Page line index (0-based) of the first line starting with `prefix`. */
  const lineOf = (file: string, prefix: string) => seedPage(file).text.split('\n').findIndex((line) => line.startsWith(prefix));

  it.each([
    // micromark takes minutes over an unclosed `<!--` run in a table cell (quadratic); the line is now cut at 20,000 characters.
    ['an unclosed `<!--` run appended to a property-table row', RESOURCE, '|id|', '<!--', 105_001],
    // The check parsed the raw page again (request-body intro) without the cut: 110 s on this page.
    ['a `**a` run on its own line in a create page with a request-body table', CREATE, '## Request body', '**a', 118_906],
  ])('finishes on %s, reporting line-too-long', async (_, file, prefix, unit, length) => {
    const page = seedPage(file);
    const at = lineOf(file, prefix);
    const [text] = applyMutations([page.text], [{ kind: 'long-line', page: 0, at, unit, length }]);
    const { failures, model } = await runCase([{ ...page, text: text! }]);
    expect(failures).toEqual([]);
    const line = at + 1;
    expect(model?.diagnostics.filter((d) => d.code === 'line-too-long').map((d) => [d.line, d.column])).toEqual([[line, MAX_LINE_CHARS + 1]]);
  }, 120_000);

  it('checks an annotation comment nested 15,000 brackets deep (jsonc-parser overflowed the stack)', async () => {
    const page = seedPage(UPDATE);
    const at = lineOf(UPDATE, '<!-- { "blockType": "request"');
    const [text] = applyMutations([page.text], [{ kind: 'insert-inline', page: 0, at, column: '<!-- { "blockType": '.length, text: '['.repeat(15_000) }]);
    const { failures, check } = await runCase([{ ...page, text: text! }]);
    expect(failures).toEqual([]);
    expect(check?.findings.filter((f) => f.ruleId === 'annotation-invalid').map((f) => f.line)).toEqual([at + 1]);
  });

  it('keeps YAML warnings about front matter (unknown tags, collection keys) off stderr', async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listen);
    try {
      extractPage({ file: 'v1.0/api/x.md', apiVersion: 'v1.0', text: '---\ntitle: !INCLUDE x.md\n? [ x ]\n: 1\ndoc_type: apiPageType\n---\n\n# x\n' });
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });

  it('reads a page with two BOMs exactly as with one (recovered table rows stay on their lines)', () => {
    const page = seedPage(RESOURCE);
    const [broken] = applyMutations([page.text], [{ kind: 'break-table-row', page: 0, at: 8, how: 0 }]);
    const one = extractPage({ ...page, text: `\uFEFF${broken}` });
    expect(one.diagnostics.map((d) => d.code)).toContain('table-malformed');
    expect(extractPage({ ...page, text: `\uFEFF\uFEFF${broken}` })).toEqual(one);
  });

  it('reads a page with CR line endings exactly as with LF', () => {
    const page = seedPage(BETA_CREATE);
    const lf = extractPage(page);
    const cr = extractPage({ ...page, text: page.text.replace(/\n/g, '\r') });
    expect(cr).toEqual(lf);
  });
});
