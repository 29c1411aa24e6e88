/**
 * `check --changed-since REV`: the lines of the input changed since a git
 * revision (committed, staged or not), plus untracked pages whole, read from
 * the repository holding the input with `git diff --unified=0` (no shell). A
 * bad revision, or an input outside a git repository, is a one-line usage error.
 */
import path from 'node:path';
import { parseUnifiedDiff, type ChangedLines } from '../check/changed-lines.js';
import { UsageError } from '../parse/input.js';
import { git } from './git-tree.js';

/** `input` as the user wrote it (for messages), resolved against `cwd`. */
export async function changedSince(input: string, revision: string, cwd: string): Promise<ChangedLines> {
  const where = path.resolve(cwd, input);
  const refuse = (why: string) => new UsageError(`--changed-since ${revision}: ${why}; pass a revision of the repository holding ${input}`);
  if (revision.startsWith('-') || /[\u0000-\u001f]/.test(revision)) throw refuse('not a revision name');
  if (!(await git(where, ['rev-parse', '--show-toplevel']).catch(() => undefined))) throw refuse(`${input} is not in a git repository`);
  const commit = await git(where, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).catch(() => undefined);
  if (!commit) throw refuse('no commit of that repository has that name');
  const diff = await git(where, ['-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--relative', commit.toString('utf8').trim(), '--', '.']);
  const changed = parseUnifiedDiff(diff.toString('utf8'));
  const untracked = await git(where, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']);
  for (const file of untracked.toString('utf8').split('\0')) if (file) changed.set(file, 'all');
  return changed;
}
