/**
 * Relinking a version from its changed pages (`model/relink.ts`) gives what
 * linking the whole version gives: after each edit of a sample of pages
 * (descriptions, rows added, removed and retyped, lines inserted, titles,
 * possible values), every type and operation — relinked or kept from the
 * snapshot — equals the whole link's, the changed keys are exactly those whose
 * data changed, and the diagnostics count moves by the reported difference.
 * An edit relink declines is fine (the caller links the whole version); the
 * test also requires that most of these edits are relinked, so the fast path
 * stays the common one. docs-input always; a corpus sample when it is here.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPage } from '../../generator/extract/page.js';
import type { PageFacts } from '../../generator/extract/facts.js';
import type { Model } from '../../generator/model/ir.js';
import { splitFacts } from '../../generator/model/facts-parts.js';
import { linkModel, type VersionLinkState } from '../../generator/model/link.js';
import { relink } from '../../generator/model/relink.js';
import { ModelSnapshot, saveSnapshot } from '../../generator/cache/model-snapshot.js';
import { operationKey, typeKey } from '../../generator/model/keys.js';
import { versionSummary } from '../../generator/pipeline/run-summary.js';
import { corpusRoot, hasCorpus, repoRoot } from '../helpers/corpus.js';
import { sample } from '../helpers/sample.js';

const SEED = 20_261_123;

type Edit = { name: string; apply: (text: string) => string | undefined };

/** The first body row of the page's first table, as [index of its line, lines]. */
function firstRow(text: string): [number, string[]] | undefined {
  const lines = text.split('\n');
  const separator = lines.findIndex((line) => /^\s*\|?\s*:?-{3,}/.test(line) && line.includes('|'));
  return separator > 0 && lines[separator + 1]?.trim().startsWith('|') ? [separator + 1, lines] : undefined;
}

/** An edit of the first body row of the page's first table: `change` edits `lines` (the row is `lines[index]`), or says false when it does not apply. */
function onFirstRow(name: string, change: (row: string, lines: string[], index: number) => boolean | void): Edit {
  return {
    name,
    apply: (text) => {
      const row = firstRow(text);
      if (!row) return undefined;
      const [i, lines] = row;
      return change(lines[i]!, lines, i) === false ? undefined : lines.join('\n');
    },
  };
}

const EDITS: Edit[] = [
  onFirstRow('description edited', (row, lines, i) => void (lines[i] = row.replace(/\|\s*$/, ' Edited by a test.|'))),
  onFirstRow('row added', (_, lines, i) => void lines.splice(i + 1, 0, '|docs2tsAdded|String|Added by a test.|')),
  onFirstRow('row removed', (_, lines, i) => void lines.splice(i, 1)),
  onFirstRow('type cell changed', (row, lines, i) => {
    const cells = row.split('|');
    if (cells.length < 4) return false;
    cells[2] = ' Int32 ';
    lines[i] = cells.join('|');
  }),
  onFirstRow('possible values added', (row, lines, i) => void (lines[i] = row.replace(/\|\s*$/, ' The possible values are: `alpha`, `beta`.|'))),
  { name: 'line inserted before the first heading', apply: (text) => text.replace(/^(#\s)/m, 'A line added by a test.\n\n$1') },
  { name: 'title edited', apply: (text) => (/^#\s/m.test(text) ? text.replace(/^(#\s+)(.*)$/m, '$1$2 edited') : undefined) },
];

function coreFacts(file: string, apiVersion: string, text: string): PageFacts {
  return JSON.parse(JSON.stringify(splitFacts(extractPage({ file, apiVersion, text })).core)) as PageFacts;
}

interface Outcome {
  relinked: number;
  declined: Map<string, number>;
  problems: string[];
}

/** Links `texts` (one version) whole, snapshots it, then relinks each edit of each of `edited` and compares with the whole link. */
async function compare(apiVersion: string, texts: Map<string, string>, pick: (model: Model) => readonly string[], dir: string): Promise<Outcome> {
  const facts = new Map([...texts].map(([file, text]) => [file, coreFacts(file, apiVersion, text)]));
  const state = new Map<string, VersionLinkState>();
  const model = linkModel({ pages: [...facts.values()], state });
  const edited = pick(model);
  const inputs = [...facts.keys()].map((file) => ({ file, apiVersion, hash: file, size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0 }));
  const manifestFile = path.join(dir, `${apiVersion}.json`);
  const link = state.get(apiVersion)!;
  await saveSnapshot(manifestFile, 'key', { apiVersion, inputs, summary: versionSummary(model), types: model.types, operations: model.operations, link, dependsOn: new Map() });
  const snapshot = ModelSnapshot.open(manifestFile, 'key', apiVersion, inputs)!;
  const outcome: Outcome = { relinked: 0, declined: new Map(), problems: [] };
  const lastJson = jsonByKey(model);
  for (const file of edited) {
    for (const edit of EDITS) {
      const text = edit.apply(texts.get(file)!);
      if (text === undefined || text === texts.get(file)) continue;
      const after = coreFacts(file, apiVersion, text);
      const result = relink({ apiVersion, changes: [{ before: facts.get(file)!, after }], snapshot, factsOf: (f) => facts.get(f) });
      if (!result.ok) {
        const reason = result.reason.replace(/`?[\w./#:-]+\.(md|[a-z]+\.[\w.]+)`?/g, 'X');
        outcome.declined.set(`${edit.name}: ${reason}`, (outcome.declined.get(`${edit.name}: ${reason}`) ?? 0) + 1);
        continue;
      }
      outcome.relinked++;
      const whole = linkModel({ pages: [...facts.values()].map((f) => (f.file === file ? after : f)) });
      const where = `${edit.name} in ${file}`;
      const wholeJson = jsonByKey(whole);
      if ([...wholeJson.keys()].join() !== [...lastJson.keys()].join()) outcome.problems.push(`${where}: the whole link has other types or operations`);
      for (const [key, json] of wholeJson) {
        const mine = result.replace.has(key) ? JSON.stringify(result.replace.get(key)) : lastJson.get(key);
        if (mine !== json) outcome.problems.push(`${where}: ${key} differs from the whole link`);
        if (result.changed.has(key) !== (json !== lastJson.get(key))) outcome.problems.push(`${where}: ${key} ${result.changed.has(key) ? 'reported changed but is not' : 'changed but not reported'}`);
      }
      if (whole.diagnostics.length !== model.diagnostics.length + result.diagnostics) outcome.problems.push(`${where}: diagnostics ${whole.diagnostics.length}, relink says ${model.diagnostics.length + result.diagnostics}`);
    }
  }
  return outcome;
}

/** Each type's and operation's JSON, by `typeKey` / `operationKey`. */
function jsonByKey(model: Model): Map<string, string> {
  return new Map([
    ...model.types.map((t): [string, string] => [typeKey(t.fullName), JSON.stringify(t)]),
    ...model.operations.map((o): [string, string] => [operationKey(o.id), JSON.stringify(o)]),
  ]);
}

async function pagesUnder(root: string, version: string, folders: Record<string, number>): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const [folder, count] of Object.entries(folders)) {
    const names = (await readdir(path.join(root, version, folder)).catch(() => [] as string[])).filter((name) => name.endsWith('.md')).sort();
    for (const name of count < 0 ? names : sample(names, count, SEED)) texts.set(`${version}/${folder}/${name}`, await readFile(path.join(root, version, folder, name), 'utf8'));
  }
  return texts;
}

describe('relink', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-relink-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('docs-input: every edit of every page equals the whole link', { timeout: 120_000 }, async () => {
    const texts = await pagesUnder(path.join(repoRoot, 'docs-input'), 'v1.0', { resources: -1, api: -1 });
    const outcome = await compare('v1.0', texts, () => [...texts.keys()], dir);
    expect(outcome.problems).toEqual([]);
    expect(outcome.relinked).toBeGreaterThan(10);
  });

  it.for(['v1.0', 'beta'])('%s corpus sample: edits of 20 pages equal the whole link (skipped without the corpus)', { timeout: 900_000 }, async (version, ctx) => {
    if (!hasCorpus) return ctx.skip();
    const texts = await pagesUnder(corpusRoot, version, { resources: -1, api: 400 });
    // Random resource and API pages, and pages of types with derived types or documented on several pages.
    const pick = (model: Model) => {
      const bases = model.types.filter((type) => type.derivedTypes?.length && type.origin === 'documented').map((type) => type.documentedIn[0]!);
      const merged = model.types.filter((type) => type.documentedIn.length > 1).flatMap((type) => type.documentedIn);
      const files = [...texts.keys()];
      return [
        ...sample(files.filter((file) => file.includes('/resources/')), 8, SEED),
        ...sample(files.filter((file) => file.includes('/api/')), 4, SEED),
        ...sample([...new Set(bases)], 4, SEED),
        ...sample([...new Set(merged)], 4, SEED),
      ];
    };
    const outcome = await compare(version, texts, pick, dir);
    console.log(`${version}: ${outcome.relinked} edits relinked; declined: ${JSON.stringify(Object.fromEntries(outcome.declined))}`);
    expect(outcome.problems).toEqual([]);
    const declined = [...outcome.declined.values()].reduce((a, b) => a + b, 0);
    expect(outcome.relinked).toBeGreaterThan(declined);
  });
});
