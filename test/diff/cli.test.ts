/**
 * `docs2ts diff` through the compiled command line: exit codes under --fail-on,
 * the formats, and sides given as git revisions of a repository made here with
 * two commits (read without touching its working tree; an unknown revision is
 * exit 2 with one line).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, repoRoot } from '../helpers/corpus.js';
import { makeSeedPair, type SeedPair } from './seed-pair.js';

const BIN = path.join(repoRoot, 'bin/docs2ts.js');
const built = existsSync(path.join(repoRoot, 'dist/generator/cli/diff-command.js'));
if (!built) console.warn('diff CLI tests skipped: dist/ is absent or stale (run npm run build)');
const SLOW = { timeout: 120_000 };

function cli(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, 'diff', '--workers', '1', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe.skipIf(!built || !hasCorpus)('docs2ts diff (compiled CLI)', () => {
  let pair: SeedPair;
  beforeAll(async () => {
    pair = await makeSeedPair();
  });
  afterAll(() => pair?.cleanup());

  it('exits 0 under --fail-on breaking for additions, 1 in the reverse direction, 1 under --fail-on any', SLOW, () => {
    const forward = cli(pair.dir, '--base', 'old', '--input', 'new', '--fail-on', 'breaking');
    expect(forward.status).toBe(0);
    expect(forward.stdout).toContain('info     new/v1.0/resources/intune-onboarding-devicemanagementpartner.md:41:1  Property `groupsRequiringPartnerEnrollment`');
    expect(forward.stdout.trimEnd().split('\n').at(-1)).toBe('old → new: 0 breaking, 0 warnings, 9 info');
    expect(forward.stderr).toMatch(/^docs2ts diff: old → new: 0 breaking, 0 warnings, 9 info in [\d.]+ s\n$/);

    const reverse = cli(pair.dir, '--base', 'new', '--input', 'old', '--fail-on', 'breaking', '--quiet');
    expect(reverse.status).toBe(1);
    expect(reverse.stdout).toContain('breaking new/v1.0/resources/intune-onboarding-devicemanagementpartner.md:41:1  Property `groupsRequiringPartnerEnrollment` removed');
    expect(reverse.stderr).toBe('');

    expect(cli(pair.dir, '--base', 'old', '--input', 'new', '--fail-on', 'any', '-q').status).toBe(1);
    expect(cli(pair.dir, '--base', 'new', '--input', 'new', '--fail-on', 'any', '-q').status).toBe(0);
  });

  it('writes GitHub annotations: breaking as errors, additions as notices', SLOW, () => {
    const reverse = cli(pair.dir, '--base', 'new', '--input', 'old', '--format', 'github', '-q');
    const lines = reverse.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines).toContain('::error file=new/v1.0/resources/intune-onboarding-devicemanagementpartner.md,line=41,col=1,title=breaking%3A property-removed::Property `groupsRequiringPartnerEnrollment` removed from `deviceManagementPartner`');
    expect(cli(pair.dir, '--base', 'old', '--input', 'new', '--format', 'github', '-q').stdout).toMatch(/^::notice file=new\//);
  });

  it('answers the same two trees from the cache, and not once a page changed or the kept result is unreadable', SLOW, async () => {
    const cache = path.join(pair.dir, 'cache-results');
    const args = ['--base', 'old', '--input', 'new', '--format', 'json', '-q', '--cache', cache];
    const first = cli(pair.dir, ...args).stdout;
    const kept = await readdir(path.join(cache, 'diff'));
    expect(kept).toHaveLength(1);
    expect(cli(pair.dir, ...args).stdout).toBe(first);
    await writeFile(path.join(cache, 'diff', kept[0]!), '{"changes": nul');
    expect(cli(pair.dir, ...args).stdout).toBe(first);

    const page = path.join(pair.new, 'v1.0/resources/intune-onboarding-devicemanagementpartner.md');
    const text = await readFile(page, 'utf8');
    await writeFile(page, text.replace('|isConfigured|Boolean|', '|isConfigured|Int32|'));
    try {
      const edited = JSON.parse(cli(pair.dir, ...args).stdout);
      expect(edited.summary).toEqual({ breaking: 1, warning: 0, info: 9 });
      expect(await readdir(path.join(cache, 'diff'))).toHaveLength(2);
    } finally {
      await writeFile(page, text);
    }
    expect(cli(pair.dir, ...args).stdout).toBe(first);
  });

  describe('git revisions', () => {
    let repo: string;
    beforeAll(async () => {
      repo = path.join(pair.dir, 'repo');
      await cp(pair.old, path.join(repo, 'docs'), { recursive: true });
      git(pair.dir, 'init', '-q', repo);
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', '2021 pages');
      await rm(path.join(repo, 'docs'), { recursive: true });
      await cp(pair.new, path.join(repo, 'docs'), { recursive: true });
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', '2024 pages');
    });

    it('reads a revision of the repository holding --input and compares it as it compares folders', SLOW, async () => {
      const folders = JSON.parse(cli(pair.dir, '--base', 'old', '--input', 'new', '--format', 'json').stdout);
      const cache = path.join(pair.dir, 'cache');
      const workingTree = JSON.parse(cli(repo, '--base', 'HEAD~1', '--input', 'docs', '--format', 'json', '--cache', cache).stdout);
      const revisions = JSON.parse(cli(path.join(repo, 'docs'), '--base', 'HEAD~1', '--head', 'HEAD', '--input', '.', '--format', 'json', '-q', '--no-cache').stdout);
      const strip = (document: { changes: { path: string }[] }) => document.changes.map(({ path: _path, ...change }) => change);
      expect(folders.changes).toHaveLength(9);
      expect(strip(workingTree)).toEqual(strip(folders));
      expect(strip(revisions)).toEqual(strip(folders));
      expect(workingTree.base).toBe('HEAD~1');
      expect(revisions.changes[0].path).toBe('beta/api/intune-onboarding-compliancemanagementpartner-create.md');
      // The working tree is as it was: the 2024 pages, nothing staged, nothing new.
      expect(git(repo, 'status', '--porcelain')).toBe('');
      expect(await readFile(path.join(repo, 'docs/v1.0/resources/intune-onboarding-devicemanagementpartner.md'), 'utf8')).toContain('|groupsRequiringPartnerEnrollment|');
    });

    it('reports base-side positions with the revision they are in', SLOW, () => {
      const reverse = cli(repo, '--base', 'HEAD', '--head', 'HEAD~1', '--input', 'docs', '-q', '--fail-on', 'breaking', '--no-cache');
      expect(reverse.status).toBe(1);
      expect(reverse.stdout).toContain('breaking docs/v1.0/resources/intune-onboarding-devicemanagementpartner.md:41:1 (in HEAD)  Property `groupsRequiringPartnerEnrollment` removed');
    });

    it('refuses a revision that does not exist, or an input outside a repository, with exit 2 and one line', SLOW, () => {
      const missing = cli(repo, '--base', 'no-such-branch', '--input', 'docs', '--no-cache');
      expect(missing.status).toBe(2);
      expect(missing.stdout).toBe('');
      expect(missing.stderr).toBe('docs2ts: --base no-such-branch is not a folder, and no commit of that repository has that name: pass a docs folder or a revision of the repository holding docs\n');
      const option = cli(repo, '--base', '--upload-pack=x', '--input', 'docs', '--no-cache');
      expect(option.status).toBe(2);
      const outside = cli(pair.dir, '--base', 'HEAD', '--input', 'new');
      expect(outside.status).toBe(2);
      expect(outside.stderr).toBe('docs2ts: --base HEAD is not a folder, and new is not in a git repository: pass a docs folder or a revision of the repository holding new\n');
    });
  });
});
