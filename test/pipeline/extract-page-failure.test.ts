/**
 * Whatever throws while one page is extracted or serialized (here, a stack
 * overflow from the extractor) becomes that page's `internal-error` at 1:1,
 * with empty facts and no hash (so the facts are never cached as good).
 */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { extractPageFile } from '../../generator/pipeline/extract-page-file.js';
import { repoRoot } from '../helpers/corpus.js';

vi.mock('../../generator/extract/page.js', () => ({
  extractPage: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

describe('extractPageFile on a page that throws', () => {
  it('gives the page an internal-error diagnostic rather than rejecting', async () => {
    const file = 'v1.0/api/intune-onboarding-devicemanagementpartner-update.md';
    const result = await extractPageFile({ file, apiVersion: 'v1.0', absolutePath: path.join(repoRoot, 'docs-input', file) });
    expect(result.hash).toBeNull();
    const core = JSON.parse(result.core) as { file: string; operations: unknown[]; diagnostics: unknown[] };
    expect(core.file).toBe(file);
    expect(core.operations).toEqual([]);
    expect(core.diagnostics).toEqual([
      { code: 'internal-error', severity: 'error', message: 'docs2ts failed to extract this page: Maximum call stack size exceeded', file, line: 1, column: 1 },
    ]);
  });
});
