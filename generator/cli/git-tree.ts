/**
 * A docs folder as it was at a git revision, written into a temporary folder
 * without touching the working tree: the revision's files under the folder are
 * listed with `git ls-tree -r -z` and read in one `git cat-file --batch`.
 * Only pages (`.md`, `.md.txt`) are written: nothing else is read from a docs tree.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../parse/input.js';

const PAGE = /\.md(\.txt)?$/i;

/** Runs git in `cwd`, returning stdout; rejects with git's stderr when it exits non-zero. */
export function git(cwd: string, args: readonly string[], stdin?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(Buffer.concat(out)) : reject(new Error(Buffer.concat(err).toString('utf8').trim() || `git ${args[0]} exited with ${status}`))));
    // A git that exits early (a bad object) closes its input: the close handler reports why.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(stdin);
  });
}

export interface RevisionTree {
  /** The top of the working tree. */
  root: string;
  /** The full commit id the revision names. */
  commit: string;
  /** The pages below the folder at that commit. */
  blobs: Blob[];
}

/**
 * The pages of `folder` (a folder in a git working tree) as they are at
 * `revision`. A revision that does not name a commit of that repository is a
 * `UsageError` (`option` names it: `--base`).
 */
export async function listRevision(folder: string, revision: string, option: string): Promise<RevisionTree> {
  const where = path.resolve(folder);
  const refuse = (why: string) => new UsageError(`${option} ${revision} is not a folder, and ${why}: pass a docs folder or a revision of the repository holding ${folder}`);
  if (revision.startsWith('-') || /[\u0000-\u001f]/.test(revision)) throw refuse('not a revision name');
  const top = await git(where, ['rev-parse', '--show-toplevel', '--show-prefix']).catch(() => undefined);
  if (!top) throw refuse(`${folder} is not in a git repository`);
  const [root = where, prefix = ''] = top.toString('utf8').split('\n');
  const commit = await git(where, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).catch(() => undefined);
  if (!commit) throw refuse('no commit of that repository has that name');
  const id = commit.toString('utf8').trim();
  return { root, commit: id, blobs: await listBlobs(root, id, prefix) };
}

/** Writes a revision's pages into `dest`, keeping their paths relative to the folder. */
export async function writeRevision(tree: RevisionTree, dest: string): Promise<void> {
  const contents = tree.blobs.length > 0 ? await readBlobs(tree.root, tree.blobs.map((blob) => blob.object)) : [];
  await mkdir(dest, { recursive: true });
  const made = new Set<string>();
  for (const [i, blob] of tree.blobs.entries()) {
    const target = path.join(dest, ...blob.file.split('/'));
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    await writeFile(target, contents[i]!);
  }
}

export interface Blob {
  object: string;
  /** Relative to the folder, `/` separators. */
  file: string;
}

/** The page blobs below `prefix` (`docs/`, or '' for the repository root) at `commit`. */
async function listBlobs(root: string, commit: string, prefix: string): Promise<Blob[]> {
  const listing = await git(root, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...(prefix ? [prefix] : [])]);
  const blobs: Blob[] = [];
  for (const entry of listing.toString('utf8').split('\u0000')) {
    const match = /^(100644|100755) blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (!match || !match[3]!.startsWith(prefix)) continue;
    const file = match[3]!.slice(prefix.length);
    // Git refuses such names in trees; never write outside the folder even so.
    if (!PAGE.test(file) || file.split('/').some((part) => part === '' || part === '.' || part === '..')) continue;
    blobs.push({ object: match[2]!, file });
  }
  return blobs;
}

/** The contents of blobs, in order, from one `git cat-file --batch`. */
async function readBlobs(root: string, objects: readonly string[]): Promise<Buffer[]> {
  const output = await git(root, ['cat-file', '--batch'], objects.join('\n') + '\n');
  const out: Buffer[] = [];
  let at = 0;
  for (const object of objects) {
    const end = output.indexOf(0x0a, at);
    const header = output.toString('utf8', at, end).split(' ');
    const size = Number(header[2]);
    if (header[0] !== object || header[1] !== 'blob' || !Number.isInteger(size)) throw new Error(`git cat-file answered "${header.join(' ')}" for ${object}`);
    out.push(output.subarray(end + 1, end + 1 + size));
    at = end + 1 + size + 1;
  }
  return out;
}
