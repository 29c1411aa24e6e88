/**
 * The compiled generator extracts pages with the bundled extractor
 * (`scripts/bundle.ts`, `extract-page-file.ts`): it must give the facts the
 * extractor's own modules give, on every docs-input page and on a spread of
 * corpus pages. Runs in a child process on dist/ (npm test builds it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverPages, type InputPage } from '../../generator/parse/input.js';
import { corpusRoot, hasCorpus, repoRoot } from '../helpers/corpus.js';

const DIST = path.join(repoRoot, 'dist');
const built = existsSync(path.join(DIST, 'bundles/extract-page.js'));
if (!built) console.warn('extractor bundle tests skipped: dist/bundles is absent (npm test builds it; or run npm run build)');

interface Comparison {
  pages: number;
  /** Pages whose facts differ between the bundle and the modules. */
  different: string[];
}

function compare(pages: readonly InputPage[]): Comparison {
  const url = (file: string) => JSON.stringify(pathToFileURL(path.join(DIST, file)).href);
  const script = `
    import { readFileSync } from 'node:fs';
    const bundle = await import(${url('bundles/extract-page.js')});
    const modules = await import(${url('generator/extract/page.js')});
    const pages = JSON.parse(readFileSync(0, 'utf8'));
    const different = [];
    for (const page of pages) {
      const input = { file: page.file, apiVersion: page.apiVersion, text: readFileSync(page.absolutePath, 'utf8') };
      if (JSON.stringify(bundle.extractPage(input)) !== JSON.stringify(modules.extractPage(input))) different.push(page.file);
    }
    console.log(JSON.stringify({ pages: pages.length, different }));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { input: JSON.stringify(pages), encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as Comparison;
}

describe.runIf(built)('the bundled extractor', () => {
  it('extracts every docs-input page as the modules do', { timeout: 300_000 }, async () => {
    const { pages } = await discoverPages(path.join(repoRoot, 'docs-input'));
    const result = compare(pages);
    expect(result).toEqual({ pages: pages.length, different: [] });
    expect(result.pages).toBeGreaterThan(3);
  });

  it.runIf(hasCorpus)('extracts every 40th corpus page as the modules do', { timeout: 300_000 }, async () => {
    const { pages } = await discoverPages(corpusRoot);
    const sample = pages.filter((_, i) => i % 40 === 0);
    const result = compare(sample);
    expect(result).toEqual({ pages: sample.length, different: [] });
    expect(result.pages).toBeGreaterThan(200);
  });
});
