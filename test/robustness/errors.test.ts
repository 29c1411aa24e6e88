/**
 * Clear errors from the command line, run in a temp dir: each bad input gives
 * one `docs2ts:` line naming the file and the fix, exit 2 for usage errors, and
 * no stack trace unless `--debug`. An output path that is a file and a named
 * pipe run the real command line (`node bin/docs2ts.js`: its exit code, and a
 * read that could wait forever stopped by a timeout); the other cases call its
 * `main` in this process (`cliInProcess`), which `bin/docs2ts.js` calls. Tests run as
 * root, so permissions cannot make a file unreadable: a dangling symbolic link,
 * a named pipe (FIFO) and a folder named like a page stand in for it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportError } from '../../generator/cli/errors.js';
import { MAX_PAGE_BYTES, UsageError } from '../../generator/parse/input.js';
import { tempDir } from '../emit/client-harness.js';
import { cliInProcess } from '../helpers/cli.js';
import { repoRoot } from '../helpers/corpus.js';

const BIN = path.join(repoRoot, 'bin/docs2ts.js');
const BUILT = existsSync(path.join(repoRoot, 'dist/generator/cli/main.js'));
const STACK = /^\s+at /m;

let tmp: ReturnType<typeof tempDir>;

interface Run {
  code: number | null;
  stderr: string;
  /** The stderr lines that start with `docs2ts:`. */
  lines: string[];
  timedOut: boolean;
}

const ran = (code: number | null, stderr: string, timedOut: boolean): Run => ({ code, stderr, lines: stderr.split('\n').filter((line) => line.startsWith('docs2ts:')), timedOut });

/** The whole process. */
function cli(args: string[], cwd = tmp.dir): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return ran(run.status, run.stderr, run.error !== undefined);
}

/** The CLI's `main` in this process. */
async function cliHere(args: string[], cwd = tmp.dir): Promise<Run> {
  const run = await cliInProcess(cwd, ...args);
  return ran(run.status, run.stderr, false);
}

/** A docs folder with one good page plus whatever `add` puts in `v1.0/api`. */
function docs(name: string, add: (api: string) => void): string {
  const root = path.join(tmp.dir, name);
  mkdirSync(path.join(root, 'v1.0/api'), { recursive: true });
  cpSync(path.join(repoRoot, 'docs-input/v1.0/api/intune-onboarding-devicemanagementpartner-create.md'), path.join(root, 'v1.0/api/create.md'));
  add(path.join(root, 'v1.0/api'));
  return root;
}

beforeAll(() => {
  tmp = tempDir('errors');
});
afterAll(() => tmp?.remove());

describe.skipIf(!BUILT)('usage errors exit 2 with one line naming the path and the fix', () => {
  it.each(['model', 'generate', 'check'])('%s: a missing input folder', async (command) => {
    const run = await cliHere([command, '-i', 'no-such-docs', ...(command === 'generate' ? ['-o', 'out'] : [])]);
    expect(run.code).toBe(2);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/^docs2ts: input folder (.*\/)?no-such-docs does not exist: pass --input with a docs folder$/);
    expect(run.stderr).not.toMatch(STACK);
  });

  it('an empty input folder', async () => {
    mkdirSync(path.join(tmp.dir, 'empty'));
    const run = await cliHere(['generate', '-i', 'empty', '-o', 'out']);
    expect(run.code).toBe(2);
    expect(run.lines).toEqual(['docs2ts: no markdown pages under empty: expected <version>/api/*.md and <version>/resources/*.md']);
  });

  it('an output folder path that is a file; the file is left alone', () => {
    const input = docs('out-is-file', () => {});
    writeFileSync(path.join(tmp.dir, 'taken.txt'), 'keep me');
    const run = cli(['generate', '-i', input, '-o', 'taken.txt']);
    expect(run.code).toBe(2);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(/^docs2ts: --out "taken\.txt" \(.*taken\.txt\) is a file, not a folder; .* pass a folder of its own/);
    expect(run.stderr).not.toMatch(STACK);
    expect(spawnSync('cat', [path.join(tmp.dir, 'taken.txt')], { encoding: 'utf8' }).stdout).toBe('keep me');
  });

  it.each([
    ['not JSON', '{"rules": ', /^docs2ts: docs2ts\.config\.json: not valid JSON \(.*\); fix the syntax or remove the file$/],
    ['an unknown key', '{"rulez": {}}', /^docs2ts: docs2ts\.config\.json: unknown key `rulez`; use input, output, include, exclude, versions, emit, openTypes, rules, ignore, linkRoot \(did you mean `rules`\?\)$/],
    ['a bad level', '{"rules": {"link-broken": "loud"}}', /^docs2ts: docs2ts\.config\.json: `rules\.link-broken` is "loud"; use "off", "warn" or "error"$/],
    ['a misspelt rule', '{"rules": {"link-brokn": "off"}}', /^docs2ts: docs2ts\.config\.json: `rules` names unknown rule `link-brokn`; use a rule id \(did you mean `link-broken`\?\)/],
    ['not an object', '[]', /^docs2ts: docs2ts\.config\.json: the config is not a JSON object/],
  ])('check: a config that is %s', async (_, config, message) => {
    const cwd = path.join(tmp.dir, `config-${config.length}-${_.length}`);
    mkdirSync(cwd, { recursive: true });
    writeFileSync(path.join(cwd, 'docs2ts.config.json'), config);
    const run = await cliHere(['check', '-i', path.join(repoRoot, 'docs-input')], cwd);
    expect(run.code).toBe(2);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(STACK);
  });
});

describe.skipIf(!BUILT)('pages that cannot be read: one line each naming the page and the fix; the rest is generated', () => {
  it.each([
    ['a page that is not UTF-8', (api: string) => writeFileSync(path.join(api, 'latin1.md'), Buffer.from('# Caf\xe9\n', 'latin1')), 'v1.0/api/latin1.md', /not UTF-8.*re-save the file as UTF-8/],
    ['a 50 MB page', (api: string) => writeFileSync(path.join(api, 'huge.md'), Buffer.alloc(50 * 1024 * 1024, 'a\n')), 'v1.0/api/huge.md', new RegExp(`Unexpected 50\\.0 MB page, expected at most ${MAX_PAGE_BYTES / 1024 / 1024} MB \\(skipped; split the page`)],
    ['a dangling symbolic link', (api: string) => symlinkSync(path.join(tmp.dir, 'nowhere.md'), path.join(api, 'gone.md')), 'v1.0/api/gone.md', /symbolic link to a missing or unreadable file \(ENOENT\).*fix or remove the link/],
    ['a named pipe (reading it would wait forever)', (api: string) => spawnSync('mkfifo', [path.join(api, 'pipe.md')]), 'v1.0/api/pipe.md', /named pipe \(FIFO\).*replace it with the page/],
    ['a folder named like a page', (api: string) => mkdirSync(path.join(api, 'folder.md')), 'v1.0/api/folder.md', /folder named like a page.*rename it/],
  ])('%s', async (name, add, file, message) => {
    const input = docs(name.replace(/\W+/g, '-'), add);
    for (const command of [['generate', '-o', path.join(input, '..', `${path.basename(input)}-out`)], ['model', '-o', path.join(input, '..', `${path.basename(input)}.json`)]]) {
      const args = [command[0]!, '-i', input, ...command.slice(1)];
      const run = name.includes('named pipe') ? cli(args) : await cliHere(args);
      expect(run.timedOut).toBe(false);
      expect(run.code).toBe(0);
      expect(run.lines).toHaveLength(1);
      expect(run.lines[0]!.startsWith(`docs2ts: ${file}: `)).toBe(true);
      expect(run.lines[0]).toMatch(message);
      expect(run.stderr).not.toMatch(STACK);
    }
    expect(existsSync(path.join(input, '..', `${path.basename(input)}-out`, 'v1.0/client/index.ts'))).toBe(true);
  }, 120_000);
});

describe('reportError', () => {
  it('prints an internal error in one line and a hint, the stack only under --debug', () => {
    const error = new Error('boom');
    expect(reportError(error, false)).toEqual({ text: 'docs2ts: internal error: boom\n(run again with --debug for details)\n', exitCode: 2 });
    expect(reportError(error, true).text).toMatch(STACK);
  });

  it('names the path and the fix of a file-system error', () => {
    const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: 'generated/v1.0/x.ts' });
    expect(reportError(error, false).text).toBe('docs2ts: no space left on the device writing generated/v1.0/x.ts: free some space and run again (ENOSPC in write)\n');
  });

  it('prints a usage error as it is', () => {
    expect(reportError(new UsageError('input folder x does not exist: pass --input with a docs folder'), false).text).toBe('docs2ts: input folder x does not exist: pass --input with a docs folder\n');
  });
});
