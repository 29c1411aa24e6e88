/**
 * One page with JSON nested 6,000 deep (a request body of objects, a response
 * body of arrays, 100 brackets a line) through the compiled command line:
 * `model`, `generate` and `check` report `json-too-deep` where the nesting
 * passes the limit and go on; every other page's output is as without it.
 * The runs without the page, the baselines, are made once, by the CLI's `main`
 * in this process (`cliInProcess`); the runs with it are whole processes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli.js';
import { built, cli, inputWith, readTree, updatePageWith, type TempInput } from './page-input.js';

const DEPTH = 6000;
const DEEP = 'v1.0/api/deep-update.md';
const SLOW = { timeout: 300_000 };

/** `text` in lines of `width` characters. */
const lines = (text: string, width: number) => text.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');

const deepPage = updatePageWith(lines('{"a":'.repeat(DEPTH), 500) + '1' + lines('}'.repeat(DEPTH), 100), lines('['.repeat(DEPTH), 100) + '\n' + lines(']'.repeat(DEPTH), 100));
/** Line of the page where a body starts (the line after its blank line). */
const bodyLine = (after: string) => deepPage.split('\n').indexOf(after) + 2 + 1;

/** Where the 65th bracket sits: request, 100 `{"a":` (500 characters) a line; response, 100 `[` a line. */
const REQUEST_AT = { line: bodyLine('Content-length: 803'), column: 64 * 5 + 1 };
const RESPONSE_AT = { line: bodyLine('Content-Length: 852'), column: 65 };

interface ModelJson {
  types: unknown[];
  operations: { id: string }[];
  diagnostics: { code: string; file: string; line: number; column: number; severity: string; message: string }[];
}

describe.runIf(built)('a page with JSON nested 6,000 deep', () => {
  let plain: TempInput;
  let deep: TempInput;
  /** The model and the output without the page. */
  let without: ModelJson;
  let before: Map<string, string>;
  beforeAll(async () => {
    plain = inputWith('plain');
    deep = inputWith('deep', { [DEEP]: deepPage });
    expect((await cliInProcess(plain.dir, 'model', '-i', 'in', '-o', 'model.json', '--no-cache', '--workers', '1')).status).toBe(0);
    without = JSON.parse(readFileSync(path.join(plain.dir, 'model.json'), 'utf8')) as ModelJson;
    expect((await cliInProcess(plain.dir, 'generate', '-i', 'in', '-o', 'out', '--no-cache')).status).toBe(0);
    before = readTree(path.join(plain.dir, 'out'));
  }, 300_000);
  afterAll(() => {
    plain?.cleanup();
    deep?.cleanup();
  });

  const model = (at: TempInput, workers: string): ModelJson => {
    const run = cli(at.dir, ['model', '-i', 'in', '-o', 'model.json', '--no-cache', '--workers', workers]);
    expect(run.stderr).not.toMatch(/internal error|Maximum call stack/);
    expect(run.status).toBe(0);
    return JSON.parse(readFileSync(path.join(at.dir, 'model.json'), 'utf8')) as ModelJson;
  };

  it.each(['1', '2'])('model (--workers %s): json-too-deep at each body, the other pages as without it', SLOW, (workers) => {
    const withDeep = model(deep, workers);
    const found = withDeep.diagnostics.filter((d) => d.file === DEEP && d.code === 'json-too-deep');
    expect(found.map(({ line, column, severity }) => ({ line, column, severity }))).toEqual([
      { ...REQUEST_AT, severity: 'error' },
      { ...RESPONSE_AT, severity: 'error' },
    ]);
    expect(found[0]!.message).toBe('Unexpected JSON nested deeper than 64 levels in request body, expected at most 64 levels (read as text only)');
    // Messages may count references, which the page adds to: the rest of each diagnostic is as without the page.
    const places = (list: ModelJson['diagnostics']) => list.filter((d) => d.file !== DEEP).map(({ code, file, line, column, severity }) => ({ code, file, line, column, severity }));
    expect(places(withDeep.diagnostics)).toEqual(places(without.diagnostics));
    expect(withDeep.types).toEqual(without.types);
    expect(withDeep.operations.filter((op) => op.id !== 'v1.0:deep-update')).toEqual(without.operations);
    expect(withDeep.operations.map((op) => op.id)).toContain('v1.0:deep-update');
  });

  it('generate: exit 0, models and validators as without the page', SLOW, () => {
    const run = cli(deep.dir, ['generate', '-i', 'in', '-o', 'out', '--no-cache']);
    expect(run.stderr).not.toMatch(/internal error|Maximum call stack/);
    expect(run.status).toBe(0);
    const after = readTree(path.join(deep.dir, 'out'));
    const typesOnly = (tree: Map<string, string>) => [...tree].filter(([file]) => !file.includes('client'));
    expect(typesOnly(after)).toEqual(typesOnly(before));
    // The page's operation is there too: only its body was too deep.
    expect([...after.keys()].filter((file) => file.includes('client'))).toEqual([...before.keys()].filter((file) => file.includes('client')));
    expect(after.get('v1.0/client/device-management-partner.ts')).toContain('/deep/');
  });

  it('check: the rules survive the page; json-too-deep at each body, no other finding on those bodies', SLOW, () => {
    const run = cli(deep.dir, ['check', '-i', 'in', '--no-cache', '--format', 'json']);
    expect(run.stderr).not.toMatch(/internal error|Maximum call stack/);
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout) as { ruleId: string; file: string; line: number; column: number }[];
    const onDeep = findings.filter((f) => f.file.endsWith(DEEP));
    expect(onDeep.filter((f) => f.ruleId === 'json-too-deep').map(({ line, column }) => ({ line, column }))).toEqual([REQUEST_AT, RESPONSE_AT]);
    const bodyLines = (f: { line: number }) => (f.line >= REQUEST_AT.line && f.line < REQUEST_AT.line + 200) || (f.line >= RESPONSE_AT.line && f.line < RESPONSE_AT.line + 200);
    expect(onDeep.filter((f) => f.ruleId !== 'json-too-deep' && bodyLines(f))).toEqual([]);
  });
});
