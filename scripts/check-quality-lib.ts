/**
 * What the mutation study's kinds share (`scripts/check-quality.ts`): the corpus pages and their facts,
 * line helpers, the types a version documents, and one check of a page as the study runs it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPage } from '../generator/extract/page.js';
import { linkModel } from '../generator/model/link.js';
import { memoryPages } from '../generator/check/page-text.js';
import { runRules } from '../generator/check/run-check.js';
import { RULE_IDS, type RuleId } from '../generator/check/types.js';
import type { PageFacts, ResourceFacts } from '../generator/extract/facts.js';

export interface Mutated {
  text: string;
  line: number;
  column: number;
  /** Another spot that is as right (two swapped neighbouring sections: moving either one back fixes the page). */
  also?: { line: number; column: number };
  /** Other corpus files checked with the page, when the mutation picks them (else the kind's `with`). */
  others?: string[];
}

export interface Kind {
  name: string;
  /** A rule id, or an extraction code the model reports. */
  rule: RuleId | string;
  /** Where the pages to mutate are drawn from (default `api`). */
  folder?: 'api' | 'resources';
  /** Other corpus files checked with the page (default none). */
  with?: (file: string, text: string, original: string) => string[];
  /** The page with the problem put in, and the spot a reviewer edits; `next` draws a random number in [0, 1). */
  mutate: (lines: string[], file: string, next: () => number) => Mutated | undefined;
}

export const index = (lines: string[], test: RegExp, from = 0) => lines.findIndex((line, i) => i >= from && test.test(line));
export const join = (lines: string[]) => lines.join('\n');
/** The `}` line just above the closing `fence` removed; the finding expected after the last text left above it (below `from`). */
export function cutLastBrace(lines: string[], from: number, fence: number): Mutated | undefined {
  if (lines[fence - 1]?.trim() !== '}') return undefined;
  const out = [...lines.slice(0, fence - 1), ...lines.slice(fence)];
  let last = fence - 2;
  while (last > from && out[last]!.trim() === '') last--;
  return { text: join(out), line: last + 1, column: out[last]!.trimEnd().length + 1 };
}

/** `text` in place of `length` characters of line `at` from `column` (0-based), the finding expected there. */
export const replaceAt = (lines: string[], at: number, column: number, length: number, text: string): Mutated => ({
  text: join(lines.map((l, i) => (i === at ? `${l.slice(0, column)}${text}${l.slice(column + length)}` : l))),
  line: at + 1,
  column: column + 1,
});


export function versionResources(file: string): string[] {
  return pagesOf(file.split('/')[0]!, 'resources');
}

const typesByVersion = new Map<string, Map<string, ResourceFacts>>();

/** The types the version's resource pages document, by full name in lower case. */
export function documentedTypes(version: string): Map<string, ResourceFacts> {
  let types = typesByVersion.get(version);
  if (!types) {
    const resources = versionResources(`${version}/`).map(factsOf).flatMap((page) => page.resources);
    typesByVersion.set(version, (types = new Map(resources.map((r) => [`${r.namespace}.${r.name}`.toLowerCase(), r]))));
  }
  return types;
}

/** The annotation comment just above the code block holding line `at` ('' when there is none). */
export function annotationOf(lines: string[], at: number): string {
  let open = at;
  while (open >= 0 && !/^\s*```/.test(lines[open]!)) open--;
  const above = lines.slice(Math.max(0, open - 8), open).join('\n');
  const start = above.lastIndexOf('<!--');
  return start < 0 || above.slice(start).includes('```') ? '' : above.slice(start);
}

/** The `@odata.type` of the response annotation above the code block holding line `at`. */
export function annotatedType(lines: string[], at: number): string | undefined {
  const annotation = annotationOf(lines, at);
  return /"blockType"\s*:\s*"response"/.test(annotation) ? /"@odata\.type"\s*:\s*"#?([\w.]+)"/.exec(annotation)?.[1] : undefined;
}

let corpus = '';
const textCache = new Map<string, string>();
const factCache = new Map<string, PageFacts>();
/** Sets the corpus folder; false when it is absent. */
export function useCorpus(folder: string): boolean {
  corpus = folder;
  return existsSync(corpus);
}
/** Whether a corpus-relative file exists. */
export const inCorpus = (file: string) => existsSync(path.join(corpus, file));
export const read = (file: string) => textCache.get(file) ?? textCache.set(file, readFileSync(path.join(corpus, file), 'utf8').replace(/\r\n?/g, '\n')).get(file)!;
export const pagesOf = (version: string, folder: string) => readdirSync(path.join(corpus, version, folder)).filter((f) => f.endsWith('.md')).map((f) => `${version}/${folder}/${f}`).sort();
const factsOf = (file: string) => factCache.get(file) ?? factCache.set(file, extractPage({ file, apiVersion: file.split('/')[0]!, text: read(file) })).get(file)!;

/** `file` (as `text`) and the `others` pages, read and linked as `check` reads them. */
function input(file: string, text: string, others: string[]) {
  const pages = [extractPage({ file, apiVersion: file.split('/')[0]!, text }), ...others.filter((o) => o !== file).map(factsOf)];
  const texts = memoryPages(Object.fromEntries([...others.map((o) => [o, read(o)]), [file, text]]));
  return { checked: { model: linkModel({ pages }), pages }, texts };
}

/** The findings of `rule` (at level error; or an extraction code) on `file` as `text`, checked with the `others` pages: `line:column:message`. */
export function findings(file: string, text: string, rule: string, others: string[], given = input(file, text, others)): Set<string> {
  const { checked, texts } = given;
  const found = (RULE_IDS as readonly string[]).includes(rule)
    ? runRules(checked, texts, { only: [rule as RuleId], levels: { [rule]: 'error' } }).findings
    : checked.model.diagnostics.filter((d) => d.code === rule);
  return new Set(found.filter((f) => f.file === file).map((f) => `${f.line}:${f.column}:${f.message}`));
}

/** The findings on `file` of `rule` (`findings`) and of a default check (every rule at its default level plus the extraction diagnostics, the `runRules` call of `docs2ts check` with no config: `line:column:rule:message`). */
export function check(file: string, text: string, rule: string, others: string[]): { rule: Set<string>; all: Set<string> } {
  const given = input(file, text, others);
  const all = runRules(given.checked, given.texts).findings.filter((f) => f.file === file);
  return { rule: findings(file, text, rule, others, given), all: new Set(all.map((f) => `${f.line}:${f.column}:${f.ruleId}:${f.message}`)) };
}
