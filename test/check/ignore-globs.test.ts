/** Config ignores (`ignore` in docs2ts.config.json) match input-relative files with picomatch globs. */
import { describe, expect, it } from 'vitest';
import { memoryPages } from '../../generator/check/page-text.js';
import { runRules, type CheckSettings } from '../../generator/check/run-check.js';
import { buildPages } from './helpers.js';
import { resourcePage } from './pages.js';

/** Three resource pages, each with one link to a heading it lacks: one link-broken finding per file. */
const brokenLink = (name: string) => resourcePage(name, { intro: 'See [nothing](#nothing).', rows: ['|id|String|Id.|'], json: '{\n  "id": "String"\n}' });
const PAGES = {
  'v1.0/resources/widget.md': brokenLink('widget'),
  'v1.0/resources/gadget.md': brokenLink('gadget'),
  'beta/resources/part.md': brokenLink('part'),
};

const filesWithFindings = (settings: CheckSettings) =>
  runRules(buildPages(PAGES), memoryPages(PAGES), { ...settings, only: ['link-broken'] }).findings.map((f) => f.file);

describe('ignore globs', () => {
  it('reports every file when nothing is ignored', () => {
    expect(filesWithFindings({})).toEqual(['beta/resources/part.md', 'v1.0/resources/gadget.md', 'v1.0/resources/widget.md']);
  });

  it.each<[string, string, string[]]>([
    ['{a,b} alternatives', 'v1.0/resources/{widget,gadget}.md', ['beta/resources/part.md']],
    ['{a,b} folder alternatives', '{beta,v1.0}/resources/w*.md', ['beta/resources/part.md', 'v1.0/resources/gadget.md']],
    ['** across folders', 'beta/**', ['v1.0/resources/gadget.md', 'v1.0/resources/widget.md']],
    ['**/ at the start, any depth', '**/part.md', ['v1.0/resources/gadget.md', 'v1.0/resources/widget.md']],
    ['* stays inside one folder', '*.md', ['beta/resources/part.md', 'v1.0/resources/gadget.md', 'v1.0/resources/widget.md']],
    ['? is one character', 'v1.0/resources/?adget.md', ['beta/resources/part.md', 'v1.0/resources/widget.md']],
  ])('ignoreFiles: %s (%s)', (_name, glob, left) => {
    expect(filesWithFindings({ ignoreFiles: [glob] })).toEqual(left);
  });

  it('ignores a rule only in the files its pair names', () => {
    expect(filesWithFindings({ ignore: [{ rule: 'link-broken', file: '**/{widget,part}.md' }] })).toEqual(['v1.0/resources/gadget.md']);
    expect(filesWithFindings({ ignore: [{ rule: 'section-missing', file: '**' }] })).toHaveLength(3);
  });

  it('takes an empty glob (a config may hold one) as matching nothing, not as an error', () => {
    expect(filesWithFindings({ ignoreFiles: [''], ignore: [{ rule: 'link-broken', file: '' }] })).toHaveLength(3);
  });
});
