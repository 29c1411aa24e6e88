/** `check --changed-since REV`: only findings on lines changed since a git revision, in a real repository with two commits. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onChangedLines, parseUnifiedDiff, unquote } from '../../generator/check/changed-lines.js';
import { runCheck } from '../../generator/cli/check-command.js';
import { main } from '../../generator/cli/main.js';
import * as api from '../../generator/index.js';
import { UsageError } from '../../generator/parse/input.js';
import { lineOf } from './helpers.js';
import { resourcePage } from './pages.js';
import { repoRoot } from '../helpers/corpus.js';

const page = (name: string, extra = '') =>
  resourcePage(name, { rows: ['|id|String|Identifier.|', '|displayName|String|Name.|'], json: `{\n  "id": "String",\n  "displayName": "String"${extra}\n}` });
/** A JSON key no table lists: one table-json-mismatch error on its line. */
const BAD_KEY = ',\n  "colour": "String"';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
  vi.restoreAllMocks();
});

const ENV = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1', HOME: os.tmpdir() };
const gitIn = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, env: ENV, stdio: 'pipe' });

function write(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

/** A repository whose first commit has two pages, one with an old error; the second changes one line and adds pages. */
function repository(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-changed-'));
  dirs.push(dir);
  gitIn(dir, 'init', '-q', '-b', 'main');
  write(dir, { 'docs/v1.0/resources/old.md': page('old', BAD_KEY), 'docs/v1.0/resources/widget.md': page('widget'), 'docs/v1.0/resources/moved.md': page('moved', BAD_KEY) });
  gitIn(dir, 'add', '.');
  gitIn(dir, 'commit', '-q', '-m', 'one');
  write(dir, { 'docs/v1.0/resources/widget.md': page('widget', BAD_KEY), 'docs/v1.0/resources/new.md': page('new', BAD_KEY) });
  renameSync(path.join(dir, 'docs/v1.0/resources/moved.md'), path.join(dir, 'docs/v1.0/resources/moved-here.md'));
  gitIn(dir, 'add', '-A');
  gitIn(dir, 'commit', '-q', '-m', 'two');
  return dir;
}

async function check(cwd: string, changedSince?: string) {
  let stdout = '';
  const code = await runCheck({ input: 'docs', workers: 1, cache: false, quiet: true, format: 'json', ...(changedSince ? { changedSince } : {}) }, { stdout: (t) => (stdout += t), stderr: () => {}, cwd });
  return { code, findings: (JSON.parse(stdout) as { file: string; line: number; ruleId: string }[]).map((f) => `${f.file}:${f.line} ${f.ruleId}`) };
}

describe('--changed-since', () => {
  it('keeps findings on changed lines, and all of a new or renamed file', async () => {
    const dir = repository();
    const line = lineOf(page('x', BAD_KEY), '"colour"');
    expect((await check(dir)).findings).toEqual([
      `v1.0/resources/moved-here.md:${line} table-json-mismatch`,
      `v1.0/resources/new.md:${line} table-json-mismatch`,
      `v1.0/resources/old.md:${line} table-json-mismatch`,
      `v1.0/resources/widget.md:${line} table-json-mismatch`,
    ]);
    expect(await check(dir, 'HEAD~1')).toEqual({
      code: 1,
      findings: [`v1.0/resources/moved-here.md:${line} table-json-mismatch`, `v1.0/resources/new.md:${line} table-json-mismatch`, `v1.0/resources/widget.md:${line} table-json-mismatch`],
    });
    expect(await check(dir, 'HEAD')).toEqual({ code: 0, findings: [] });
  });

  it('is an option of the programmatic check, which returns the same findings', async () => {
    const dir = repository();
    const line = lineOf(page('x', BAD_KEY), '"colour"');
    const { findings, errors, warnings } = await api.check({ cwd: dir, input: 'docs', workers: 1, cache: false, changedSince: 'HEAD~1' });
    expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual((await check(dir, 'HEAD~1')).findings);
    expect([errors, warnings]).toEqual([3, 0]);
    expect((await api.check({ cwd: dir, input: 'docs', workers: 1, cache: false, changedSince: 'HEAD' })).findings).toEqual([]);
  });

  it('keeps a finding reported elsewhere when a spot it rests on changed', async () => {
    // The table's `Int32` cell, which the JSON representation and the new page's examples contradict, is reported at
    // the resource page's unchanged line: the examples the change added are what it rests on.
    const fixture = path.join(repoRoot, 'generator/check/rules/example-type-mismatch/not-ok/table-type-the-json-representation-and-examples-contradict');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-related-'));
    dirs.push(dir);
    const copy = (file: string) => write(dir, { [`docs/${file}`]: readFileSync(path.join(fixture, file), 'utf8') });
    gitIn(dir, 'init', '-q', '-b', 'main');
    for (const name of ['part', 'widget', 'widgetstate']) copy(`v1.0/resources/${name}.md`);
    gitIn(dir, 'add', '.');
    gitIn(dir, 'commit', '-q', '-m', 'resources');
    copy('v1.0/api/widget-create.md');
    gitIn(dir, 'add', '.');
    gitIn(dir, 'commit', '-q', '-m', 'an API page whose examples contradict the table');
    const cell = 'v1.0/resources/widget.md:17 example-type-mismatch';
    expect((await check(dir, 'HEAD~1')).findings).toContain(cell);
    expect((await check(dir, 'HEAD')).findings).not.toContain(cell);
    const { findings } = await api.check({ cwd: dir, input: 'docs', workers: 1, cache: false, changedSince: 'HEAD~1' });
    expect(findings.find((f) => f.ruleId === 'example-type-mismatch')?.related).toEqual([
      { file: 'v1.0/api/widget-create.md', line: 38, column: 11 },
      { file: 'v1.0/api/widget-create.md', line: 50, column: 11 },
      { file: 'v1.0/resources/widget.md', line: 29, column: 11 },
    ]);
  });

  it('sees uncommitted edits and untracked pages', async () => {
    const dir = repository();
    write(dir, { 'docs/v1.0/resources/old.md': page('old', BAD_KEY).replace('Identifier.', 'The identifier.'), 'docs/v1.0/resources/draft.md': page('draft', BAD_KEY) });
    const line = lineOf(page('x', BAD_KEY), '"colour"');
    expect((await check(dir, 'HEAD')).findings).toEqual([`v1.0/resources/draft.md:${line} table-json-mismatch`]);
  });

  it.each([
    ['nosuch', '--changed-since nosuch: no commit of that repository has that name; pass a revision of the repository holding'],
    ['--output=x', '--changed-since --output=x: not a revision name'],
  ])('is exit 2 on the revision %s', async (revision, message) => {
    const dir = repository();
    await expect(check(dir, revision)).rejects.toThrow(UsageError);
    await expect(check(dir, revision)).rejects.toThrow(message);
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => ((stderr += String(text)), true));
    expect(await main(['check', '--input', path.join(dir, 'docs'), `--changed-since=${revision}`, '--quiet', '--no-cache'])).toBe(2);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('is exit 2 outside a git repository', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-nogit-'));
    dirs.push(dir);
    write(dir, { 'docs/v1.0/resources/widget.md': page('widget') });
    await expect(check(dir, 'HEAD')).rejects.toThrow(/--changed-since HEAD: .*docs is not in a git repository/);
  });
});

describe('parseUnifiedDiff', () => {
  it('reads added lines, pure deletions, new, renamed and quoted files', () => {
    const diff = [
      'diff --git a/v1.0/a.md b/v1.0/a.md',
      'index 1..2 100644',
      '--- a/v1.0/a.md',
      '+++ b/v1.0/a.md',
      '@@ -3 +3 @@',
      '-old',
      '+new',
      '@@ -10,0 +11,2 @@',
      '+x',
      '+y',
      '@@ -20,3 +21,0 @@',
      'diff --git a/v1.0/n.md b/v1.0/n.md',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/v1.0/n.md',
      '@@ -0,0 +1,40 @@',
      'diff --git a/v1.0/r.md b/v1.0/s.md',
      'similarity index 100%',
      'rename from v1.0/r.md',
      'rename to v1.0/s.md',
      'diff --git a/v1.0/gone.md b/v1.0/gone.md',
      'deleted file mode 100644',
      '--- a/v1.0/gone.md',
      '+++ /dev/null',
      '@@ -1,5 +0,0 @@',
      'diff --git "a/v1.0/caf\\303\\251.md" "b/v1.0/caf\\303\\251.md"',
      '--- "a/v1.0/caf\\303\\251.md"',
      '+++ "b/v1.0/caf\\303\\251.md"',
      '@@ -1 +1 @@',
    ].join('\n');
    const changed = parseUnifiedDiff(diff);
    expect(Object.fromEntries([...changed].map(([file, lines]) => [file, lines === 'all' ? 'all' : [...lines]]))).toEqual({
      'v1.0/a.md': [3, 11, 12],
      'v1.0/n.md': 'all',
      'v1.0/s.md': 'all',
      'v1.0/café.md': [1],
    });
    const findings = [
      { file: 'v1.0/a.md', line: 11 },
      { file: 'v1.0/a.md', line: 13 },
      { file: 'v1.0/n.md', line: 99 },
      { file: 'v1.0/other.md', line: 1 },
    ];
    expect(onChangedLines(findings, changed)).toEqual([findings[0], findings[2]]);
  });

  it('unquotes C-quoted paths', () => {
    expect(unquote('"b/a\\"b\\\\c\\td.md"')).toBe('b/a"b\\c\td.md');
    expect(unquote('b/plain.md')).toBe('b/plain.md');
  });
});
