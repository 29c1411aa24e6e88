/**
 * A page built to make a backtracking path matcher run for hours: ten
 * placeholders in one HTTP request segment, and an example whose path has a
 * 100 KB segment that does not match. `docs2ts check` must finish and report it.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCheck } from '../../generator/cli/check-command.js';
import { apiPage, CREATED_RESPONSE } from './pages.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-hostile-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DOCUMENTED = 'POST /widgets/{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}/parts';
const SEGMENT = 'x'.repeat(100_000);

it('check finishes on ten placeholders against a 100 KB example segment, and reports the path', async () => {
  const page = apiPage({
    httpRequest: [DOCUMENTED],
    examples: [{ request: { annotation: '"blockType": "request", "name": "a"', lines: [`POST https://graph.microsoft.com/v1.0/widgets/${SEGMENT}/gadgets`] }, response: CREATED_RESPONSE(['{}']) }],
  });
  const file = path.join(dir, 'docs/v1.0/api/widget-create.md');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, page);
  let stdout = '';
  const code = await runCheck({ input: 'docs', workers: 1, cache: false, format: 'json', rule: ['section-missing=off'] }, { stdout: (t) => (stdout += t), stderr: () => {}, cwd: dir });
  const findings = (JSON.parse(stdout) as { ruleId: string; message: string; line: number }[]).filter((f) => f.ruleId === 'http-request-mismatch');
  expect(code).toBe(1);
  expect(findings).toEqual([
    expect.objectContaining({
      message: `Unexpected request path \`/widgets/${SEGMENT.slice(0, 68)}...\`, expected one of the page's HTTP request paths: \`${DOCUMENTED.slice(5)}\``,
      line: page.split('\n').findIndex((l) => l.includes(SEGMENT)) + 1,
    }),
  ]);
}, 60_000);
