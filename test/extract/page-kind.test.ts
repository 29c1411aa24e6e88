import { describe, expect, it } from 'vitest';
import { extractPage } from '../../generator/extract/page.js';

const page = (docType: string | null, body: string) =>
  extractPage({ file: 'beta/resources/x.md', apiVersion: 'beta', text: `${docType ? `---\ndoc_type: ${docType}\n---\n` : ''}${body}` });

describe('page kind', () => {
  it.each([
    ['front matter apiPageType', 'apiPageType', '# Get x\n', 'api'],
    ['quoted front matter', '"resourcePageType"', '# x resource type\n', 'resource'],
    ['a trailing underscore', 'resourcePageType_', '# x resource type\n', 'resource'],
    ['enumTypes', 'enumTypes', '# Enum values\n', 'enum'],
    ['no doc_type, an enum heading', null, '# x enum type\n\n## Members\n', 'enum'],
    ['no doc_type, an HTTP request section', null, '# Do x\n\n## HTTP request\n', 'api'],
    ['no doc_type, a properties section', null, '# x\n\n## Properties\n', 'resource'],
    ['no doc_type, nothing to go by', null, '# Overview\n\nText.\n', 'conceptual'],
  ])('reads %s', (_name, docType, body, want) => {
    expect(page(docType, body).kind).toBe(want);
  });

  it('reads an enum page labelled resourcePageType as an enum page, and says so', () => {
    const facts = page('resourcePageType', '# teamsAppInstalledState enum type\n\n## Members\n\n|Member|Value|\n|:--|:--|\n|installed|0|\n');
    expect(facts.kind).toBe('enum');
    expect(facts.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['doc-type-mismatch', 1, 1]]);
  });

  it('reports an unknown doc_type and falls back to the shape', () => {
    const facts = page('fancyPageType', '# x resource type\n\n## Properties\n');
    expect(facts.kind).toBe('resource');
    expect(facts.diagnostics.map((d) => d.code)).toEqual(['doc-type-unknown']);
  });
});
