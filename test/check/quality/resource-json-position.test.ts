import { describe, expect, it } from 'vitest';
import { memoryPages } from '../../../generator/check/page-text.js';
import { runRules } from '../../../generator/check/run-check.js';
import { buildPages } from '../helpers.js';
import { resourcePage } from './pages.js';

const widget = resourcePage('widget', `|id|String|Identifier. Read-only.|
|size|Int32|Size.|`, `{
  "id": "String",
  "size": 1024 // units
}`);

describe('json-invalid: a resource JSON representation that does not parse', () => {
  it('is reported at the first error, not at the block start', () => {
    const pages = { 'v1.0/resources/widget.md': widget };
    const found = runRules(buildPages(pages), memoryPages(pages), { levels: {} }).findings.filter((f) => f.ruleId === 'json-invalid');
    expect(found.map((f) => `${f.line}:${f.column}: ${f.message}`)).toEqual([
      '21:16: Unexpected JSON representation that does not parse as JSON, expected a JSON object (comments, `...` and bare words are not JSON)',
    ]);
  });
});
