/**
 * `check --format html` opened in headless Chromium (Debian's `chromium`, driven
 * by playwright-core): summary counts, rule and severity filters, the marker
 * under the column, and doc text that holds `<script>` staying text.
 * Chromium must be installed (`.ci/run` installs it); without it this test fails, naming the fix.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../generator/check/formatters/html.js';
import { runCheck } from '../../generator/cli/check-command.js';
import { lineReader, memoryPages } from '../../generator/check/page-text.js';
import type { Finding } from '../../generator/check/types.js';

function chromiumPath(): string {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // Not this name.
    }
  }
  throw new Error('no chromium on PATH: install it (apt-get install -y chromium; .ci/run does) to run the HTML report test');
}

const PAGES = {
  'v1.0/api/a.md': '# a\nSee [x](x.md) here.\n|id|shape|Shape.|\n\tcode\there\n',
  'v1.0/api/b.md': '<script>window.__pwned = 3</script> and <img src=x onerror="window.__pwned = 2">\n',
};

const finding = (file: string, line: number, column: number, ruleId: string, severity: Finding['severity'], message: string): Finding => ({
  ruleId,
  severity,
  message,
  file,
  line,
  column,
  fingerprint: '0123456789abcdef0123',
});

const FINDINGS: Finding[] = [
  finding('v1.0/api/a.md', 2, 5, 'link-broken', 'error', 'Unexpected link to `x.md` that no page in the input has, expected an existing page'),
  {
    ...finding('v1.0/api/a.md', 3, 5, 'type-unresolved', 'warning', 'Unexpected type `shape` that no page documents, expected a documented type'),
    related: [
      { file: 'v1.0/api/a.md', line: 2, column: 5 },
      { file: 'v1.0/api/b.md', line: 1, column: 1 },
    ],
  },
  finding('v1.0/api/a.md', 4, 7, 'type-unresolved', 'warning', 'Unexpected tab-indented text, expected the marker under `here`'),
  finding('v1.0/api/b.md', 1, 41, 'link-broken', 'error', 'Unexpected <script>window.__pwned = 1</script> in a message, expected text'),
];

/** The element fields the test reads (the test's tsconfig has no DOM library). */
interface Shown {
  hidden: boolean;
  dataset: Record<string, string | undefined>;
}

let browser: Browser;
let page: Page;
let dir: string;
const requests: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  dir = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-html-'));
  const html = formatHtml({
    findings: FINDINGS,
    rules: [
      { id: 'link-broken', description: 'Relative links point at pages that exist.', level: 'error' },
      { id: 'type-unresolved', description: 'Every type a page references is documented.', level: 'warn' },
    ],
    input: 'docs',
    baselined: 2,
    toolVersion: '0.1.0',
    sourceLine: lineReader(memoryPages(PAGES)),
  });
  const file = path.join(dir, 'report.html');
  writeFileSync(file, html);
  page = await browser.newPage();
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(file).href);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const visible = () => page.$$eval('.finding', (all) => all.filter((f) => !(f as unknown as Shown).hidden && !(f.closest('section') as unknown as Shown).hidden).map((f) => `${(f as unknown as Shown).dataset['rule']} ${f.closest('section')!.dataset['file']}:${(f as unknown as Shown).dataset['line']}`));

describe('the HTML report in Chromium', () => {
  it('shows the total and errors and warnings per rule', async () => {
    expect(await page.textContent('#total')).toBe('4 problems (2 errors, 2 warnings); 2 more in the baseline; 4 shown. docs2ts 0.1.0, input docs.');
    const rows = await page.$$eval('#summary tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(rows).toEqual([
      ['link-broken', '2', '0'],
      ['type-unresolved', '0', '2'],
    ]);
    expect(await page.$$eval('section.file h2', (hs) => hs.map((h) => h.textContent))).toEqual(['docs/v1.0/api/a.md', 'docs/v1.0/api/b.md']);
  });

  it('puts the marker under the column, tabs included', async () => {
    const pairs = await page.$$eval('.finding', (all) => all.map((f) => ({ column: Number((f as unknown as Shown).dataset['column']), source: f.querySelector('.source')!.textContent!, marker: f.querySelector('.marker')!.textContent! })));
    for (const { column, marker } of pairs) expect(marker.indexOf('^')).toBe(column - 1);
    expect(pairs.map(({ column, source }) => source.slice(column - 1, column + 3))).toEqual(['[x](', 'shap', 'here', '<img']);
    expect(pairs[2]!.marker).toBe('\t    \t^');
  });

  it('names the spots a finding rests on under it', async () => {
    expect(await page.$$eval('.finding', (all) => all.map((f) => f.querySelector('.related')?.textContent ?? null))).toEqual([null, 'see 2:5, docs/v1.0/api/b.md:1:1', null, null]);
  });

  it('filters by rule and by severity', async () => {
    await page.uncheck('input[data-filter="rule"][value="link-broken"]');
    expect(await visible()).toEqual(['type-unresolved v1.0/api/a.md:3', 'type-unresolved v1.0/api/a.md:4']);
    expect(await page.isHidden('section[data-file="v1.0/api/b.md"]')).toBe(true);
    expect(await page.textContent('#shown')).toBe('2');
    await page.uncheck('input[data-filter="severity"][value="warning"]');
    expect(await visible()).toEqual([]);
    await page.check('input[data-filter="rule"][value="link-broken"]');
    expect(await visible()).toEqual(['link-broken v1.0/api/a.md:2', 'link-broken v1.0/api/b.md:1']);
    await page.check('input[data-filter="severity"][value="warning"]');
    expect(await page.textContent('#shown')).toBe('4');
  });

  it('keeps doc text with <script> and event handlers as text: nothing of it runs', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.textContent('section[data-file="v1.0/api/b.md"] .msg')).toBe('Unexpected <script>window.__pwned = 1</script> in a message, expected text');
    expect(await page.textContent('section[data-file="v1.0/api/b.md"] .source')).toBe(PAGES['v1.0/api/b.md'].trimEnd());
    expect(await page.$$('main script, main img')).toHaveLength(0);
  });

  it('fetches nothing but the report itself', () => {
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(requests).toHaveLength(1);
  });
});

describe('docs2ts check --format html', () => {
  it('writes the report with the source lines read from the input', async () => {
    const project = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-html-cli-'));
    try {
      mkdirSync(path.join(project, 'docs/v1.0/api'), { recursive: true });
      writeFileSync(path.join(project, 'docs/v1.0/api/a.md'), '---\ndoc_type: apiPageType\n---\n# Get a\n\nSee [the <b>page</b>](#missing).\n');
      let stdout = '';
      const code = await runCheck({ input: 'docs', workers: 1, cache: false, quiet: true, format: 'html', rule: ['section-missing=off'] }, { stdout: (t) => (stdout += t), stderr: () => {}, cwd: project });
      expect(code).toBe(1);
      expect(stdout.startsWith('<!doctype html>')).toBe(true);
      expect(stdout).toContain('data-rule="link-broken" data-severity="error" data-line="6" data-column="23"');
      expect(stdout).toContain('<span class="source">See [the &#60;b&#62;page&#60;/b&#62;](#missing).</span>');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
