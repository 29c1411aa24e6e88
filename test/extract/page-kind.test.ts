/** A page's kind: its doc_type, unless its headings and sections say it is another kind of page. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../generator/extract/page.js';
import { repoRoot } from '../helpers/corpus.js';

const fixture = (rule: string, name: string, file: string) => readFileSync(path.join(repoRoot, 'generator/check/rules', rule, name, file), 'utf8');
const RESOURCE_AS_API = fixture('table-json-mismatch', 'not-ok/a-resource-page-labelled-apipagetype', 'v1.0/resources/widget.md');

describe('page kind', () => {
  it('reads a resource page labelled apiPageType as a resource page, and says so once', () => {
    const facts = extractPage({ file: 'v1.0/resources/widget.md', apiVersion: 'v1.0', text: RESOURCE_AS_API });
    expect(facts.kind).toBe('resource');
    expect(facts.resources.map((r) => r.name)).toEqual(['widget']);
    expect(facts.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([
      'doc-type-mismatch: Unexpected doc_type `apiPageType` on a page headed as a resource type with Properties and JSON representation sections, expected resourcePageType (read as a resource page)',
    ]);
  });

  it('reads a resource page titled "x resource type (deprecated)" and labelled apiPageType as a resource page', () => {
    const text = RESOURCE_AS_API.replace('# widget resource type', '# widget resource type (deprecated)');
    const facts = extractPage({ file: 'v1.0/resources/widget.md', apiVersion: 'v1.0', text });
    expect(facts.kind).toBe('resource');
    expect(facts.diagnostics.map((d) => d.code)).toEqual(['doc-type-mismatch']);
  });

  it('keeps apiPageType for a page with an HTTP request section', () => {
    const text = RESOURCE_AS_API.replace('## Properties', '## HTTP request\n\n```http\nGET /widgets/{id}\n```\n\n## Properties');
    expect(extractPage({ file: 'v1.0/api/widget-get.md', apiVersion: 'v1.0', text }).kind).toBe('api');
  });
});
