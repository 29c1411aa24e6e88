/**
 * The per-page budget (`pipeline/page-budget.ts`) through the compiled command
 * line: a page that takes longer than the time budget, or more memory than the
 * memory budget, is `page-too-complex` at 1:1 and the run goes on, with every
 * other page read as without it. The slow page sorts after the seed pages and
 * they are small, so all five go to the pool as one batch: the seeds are the
 * batch-mates that must still be extracted. Budgets come from the environment
 * (`DOCS2TS_PAGE_TIME_MS`, `DOCS2TS_PAGE_MEMORY_MB`). The time budget is wall
 * time, which is never less than CPU time: the slow page needs some seconds of
 * CPU (50,000 table rows), far past the 1.5 s budget, while a seed page needs
 * some tens of milliseconds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, cli, inputWith, type TempInput } from './page-input.js';

const SLOW_PAGE = 'v1.0/resources/slowwidget.md';
const SLOW = { timeout: 600_000 };
const TIME = { DOCS2TS_PAGE_TIME_MS: '1500' };
/** Room enough for the seed pages, not for the slow page's tree. */
const MEMORY = { DOCS2TS_PAGE_MEMORY_MB: '32', DOCS2TS_PAGE_TIME_MS: '600000' };

const rows = Array.from({ length: 50_000 }, (_, i) => `|prop${i}|String|Property ${i} of the widget, with [a link](widget.md) and \`code\`.|`);
const slowPage = ['---', 'title: "slowWidget resource type"', 'doc_type: resourcePageType', '---', '', '# slowWidget resource type', '', 'Namespace: microsoft.graph', '', 'A widget with many properties.', '', '## Properties', '', '|Property|Type|Description|', '|:---|:---|:---|', ...rows, ''].join('\n');

interface Diagnostic {
  code: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
}
interface ModelJson {
  types: { name: string }[];
  operations: unknown[];
  diagnostics: Diagnostic[];
}

describe.runIf(built)('a page over the per-page budget', () => {
  let plain: TempInput;
  let slow: TempInput;
  let reference: ModelJson;
  beforeAll(() => {
    plain = inputWith('budget-plain');
    slow = inputWith('budget-slow', { [SLOW_PAGE]: slowPage });
    reference = model(plain, ['--workers', '2'], {});
  });
  afterAll(() => {
    plain?.cleanup();
    slow?.cleanup();
  });

  function model(at: TempInput, args: string[], env: Record<string, string>): ModelJson {
    const run = cli(at.dir, ['model', '-i', 'in', '-o', 'model.json', '--no-cache', ...args], env);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(0);
    return JSON.parse(readFileSync(path.join(at.dir, 'model.json'), 'utf8')) as ModelJson;
  }

  /** The slow page's only diagnostic is page-too-complex at 1:1; the other pages read as without it. */
  function expectStopped(found: ModelJson, over: 'takes over 1.5 s' | 'needs over 32 MB'): void {
    const limit = over === 'takes over 1.5 s' ? '1.5 s' : '32 MB';
    expect(found.diagnostics.filter((d) => d.file === SLOW_PAGE)).toEqual([
      {
        code: 'page-too-complex',
        severity: 'error',
        message: `Unexpected page that ${over} to extract, expected at most ${limit} per page (not read; simplify or split the page)`,
        file: SLOW_PAGE,
        line: 1,
        column: 1,
      },
    ]);
    expect(found.types).toEqual(reference.types);
    expect(found.operations).toEqual(reference.operations);
    expect(found.diagnostics.filter((d) => d.file !== SLOW_PAGE)).toEqual(reference.diagnostics);
  }

  it.each(['2', '1'])('model --workers %s: the slow page is stopped at the time budget, its batch-mates extracted', SLOW, (workers) => {
    expectStopped(model(slow, ['--workers', workers], TIME), 'takes over 1.5 s');
  });

  it('model: a page whose thread runs out of memory is stopped, its batch-mates extracted', SLOW, () => {
    expectStopped(model(slow, ['--workers', '2'], MEMORY), 'needs over 32 MB');
  });

  it('check: the finding is listed, the run completes', SLOW, () => {
    const run = cli(slow.dir, ['check', '-i', 'in', '--no-cache', '--format', 'json'], TIME);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout) as { ruleId: string; file: string; line: number; column: number }[];
    expect(findings.filter((f) => f.file === SLOW_PAGE)).toMatchObject([{ ruleId: 'page-too-complex', line: 1, column: 1 }]);
    // Rules see no facts of a page not read: no doc-type-mismatch for its front matter, say.
  });

  it('generate, an edit makes the page slow (extracted in the pool): stopped, not cached; a later run with a larger budget reads it', SLOW, () => {
    const small = slowPage.split('\n').slice(0, 20).join('\n') + '\n';
    const edit = inputWith('budget-edit', { [SLOW_PAGE]: small });
    try {
      const models = path.join(edit.dir, 'out/v1.0/models/microsoft.graph.ts');
      expect(cli(edit.dir, ['generate', '-i', 'in', '-o', 'out']).status).toBe(0);
      expect(readFileSync(models, 'utf8')).toMatch(/export interface SlowWidget \{[^}]*\bprop4\?: string/);
      writeFileSync(path.join(edit.input, SLOW_PAGE), slowPage);
      const stopped = cli(edit.dir, ['generate', '-i', 'in', '-o', 'out'], TIME);
      expect(stopped.status).toBe(0);
      expect(stopped.stderr).toContain(`docs2ts: ${SLOW_PAGE}: Unexpected page that takes over 1.5 s to extract`);
      // The page was not read: its type is gone, the seed types are there.
      expect(readFileSync(models, 'utf8')).not.toContain('SlowWidget');
      expect(readFileSync(models, 'utf8')).toContain('export interface DeviceManagementPartner {');
      // A budget the page fits in.
      const read = cli(edit.dir, ['generate', '-i', 'in', '-o', 'out'], { DOCS2TS_PAGE_TIME_MS: '600000', DOCS2TS_PAGE_MEMORY_MB: '4096' });
      expect(read.status).toBe(0);
      expect(read.stderr).not.toContain('Unexpected page that');
      expect(readFileSync(models, 'utf8')).toMatch(/export interface SlowWidget \{[^}]*\bprop49999\?: string/);
    } finally {
      edit.cleanup();
    }
  });
});
