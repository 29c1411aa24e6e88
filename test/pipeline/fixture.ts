/**
 * A small multi-page input for the pipeline tests, built in a temp folder:
 * `docs-input/` plus, when the corpus is here, related pages of both API
 * versions (users, groups, messages and the types they share, and enough
 * others that extraction and prettier go to the worker pool). Output folders
 * are read back whole for byte comparisons.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { corpusRoot, hasCorpus, repoRoot } from '../helpers/corpus.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { emitFormatted } from '../../generator/emit/index.js';
import { EMITTERS } from '../../generator/emit/emitters.js';
import { markerText, OUTPUT_MARKER } from '../../generator/pipeline/output-owner.js';

const RELATED = [
  'resources/user.md', 'resources/group.md', 'resources/directoryobject.md', 'resources/entity.md', 'resources/message.md',
  'resources/outlookitem.md', 'resources/recipient.md', 'resources/emailaddress.md', 'resources/itembody.md',
  'resources/passwordprofile.md', 'resources/assignedlicense.md', 'resources/mailboxsettings.md',
  'api/user-get.md', 'api/user-update.md', 'api/user-list.md', 'api/user-post-users.md', 'api/user-delete.md',
  'api/group-get.md', 'api/group-list.md', 'api/message-get.md', 'api/message-update.md',
];
/** Further pages per version (the first of the api folder by name), so the pool has work. */
const MORE = 30;

export interface Fixture {
  dir: string;
  input: string;
  withCorpus: boolean;
  cleanup: () => Promise<void>;
}

export async function makeFixture(options: { corpus?: boolean } = {}): Promise<Fixture> {
  const name = 'docs';
  const withCorpus = hasCorpus && options.corpus !== false;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-pipeline-'));
  const input = path.join(dir, name);
  await cp(path.join(repoRoot, 'docs-input'), input, { recursive: true });
  if (withCorpus) {
    for (const version of ['v1.0', 'beta']) {
      const api = (await readdir(path.join(corpusRoot, version, 'api'))).sort().slice(0, MORE).map((file) => `api/${file}`);
      for (const page of [...RELATED, ...api]) {
        await mkdir(path.dirname(path.join(input, version, page)), { recursive: true });
        await cp(path.join(corpusRoot, version, page), path.join(input, version, page)).catch(() => undefined);
      }
    }
  }
  return { dir, input, withCorpus, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file below a folder: relative path → text. */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file).split(path.sep).join('/'), await readFile(file, 'utf8'));
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The output by the plain API path (one thread, no cache, the whole model linked at once), with the folder's marker: the reference. */
export async function referenceOutput(input: string): Promise<Map<string, string>> {
  const { model } = await buildModel(input, { workers: 1 });
  const files = await emitFormatted(model, { inputLabel: path.basename(input), emitters: EMITTERS });
  const marker: [string, string] = [OUTPUT_MARKER, markerText(files.map((file) => file.path))];
  return new Map([marker, ...files.map((file): [string, string] => [file.path, file.content])].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Paths whose text differs between two trees (added and removed ones included), sorted. */
export function changedPaths(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((file) => before.get(file) !== after.get(file)).sort();
}

/** Edits one line of a page: the first line matching `pattern` gets `replace` applied. */
export async function editPage(file: string, pattern: RegExp, replace: (line: string) => string): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const index = lines.findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`no line of ${file} matches ${pattern}`);
  lines[index] = replace(lines[index]!);
  await writeFile(file, lines.join('\n'));
}
