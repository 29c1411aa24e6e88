/**
 * Watch mode's link step: each version's linked model is kept in the session
 * with the facts it was linked from. When an edit changed only the text of
 * descriptions (the pages' facts equal but for `description` strings, each
 * beside the `source` it was read at), the kept model is patched instead of
 * linking the version again: link copies a description verbatim
 * from the facts object into a model object with the same `source` and reads
 * it nowhere else. The types and operations patched are copies: the kept model's
 * objects never change, so the emitters' views of them by identity stay true. The patch is refused (the version linked whole) when a
 * changed description is found in the model without that source, or not at all.
 */
import type { PageFacts } from '../../extract/facts.js';
import type { Model } from '../../model/ir.js';

export interface LinkedVersion {
  model: Model;
  /** The facts `model` was linked from, by page file. */
  facts: Map<string, PageFacts>;
}

/** How a version was linked: `whole`, `descriptions` (the kept model patched) or `kept` (its facts unchanged). */
export type LinkHow = 'whole' | 'descriptions' | 'kept';

/** Pages whose facts are compared for a patch at most; past this, linking whole is as quick. */
const MAX_CHANGED_PAGES = 8;

interface TextChange {
  before: string;
  after: string;
}

/**
 * Each version's model, linked from its pages; with `kept` (a watch session's models by version), the kept one is
 * patched when the edit allows it, and `kept` takes what was linked. Versions without pages give no model.
 */
export function linkVersions(
  versions: readonly string[],
  facts: readonly PageFacts[],
  link: (pages: PageFacts[]) => Model,
  kept?: Map<string, LinkedVersion>,
): { models: Model[]; how: Record<string, LinkHow> } {
  const how: Record<string, LinkHow> = {};
  const models = versions.map((version) => {
    const pages = facts.filter((page) => page.apiVersion === version);
    if (!kept) return link(pages);
    const result = linkKept(pages, kept.get(version), link);
    kept.set(version, result.linked);
    how[version] = result.how;
    return result.linked.model;
  });
  return { models: models.filter((model) => model.apiVersions.length > 0), how };
}

/** The version's model: the kept one patched when the edit allows it (`kept` takes the patched model), else linked whole. */
export function linkKept(pages: readonly PageFacts[], kept: LinkedVersion | undefined, link: (pages: PageFacts[]) => Model): { linked: LinkedVersion; how: LinkHow } {
  const patched = kept && patch(pages, kept);
  if (patched) return { linked: kept, how: patched };
  return { linked: { model: link([...pages]), facts: new Map(pages.map((facts) => [facts.file, facts])) }, how: 'whole' };
}

function patch(pages: readonly PageFacts[], kept: LinkedVersion): Exclude<LinkHow, 'whole'> | undefined {
  if (pages.length !== kept.facts.size) return undefined;
  const changed = pages.filter((facts) => kept.facts.get(facts.file) !== facts);
  if (changed.length === 0) return 'kept';
  if (changed.length > MAX_CHANGED_PAGES) return undefined;
  // Description changes by the place they were read at (`file:line:column`).
  const changes = new Map<string, TextChange>();
  for (const facts of changed) {
    const before = kept.facts.get(facts.file);
    if (!before || !sameButDescriptions(before, facts, changes)) return undefined;
  }
  // The model's types and operations are never changed in place (the emitters keep views of them by identity):
  // one that holds a changed description is copied, and the copy patched.
  const found = new Set<string>();
  const olds = new Set([...changes.values()].map((change) => change.before));
  let safe = true;
  const holds = (value: unknown, apply: boolean) => {
    let held = false;
    visit(value, (node) => {
      if (typeof node.description !== 'string' || !olds.has(node.description)) return;
      const at = sourceKey(node.source);
      const change = changes.get(at ?? '');
      if (change?.before !== node.description) safe = false;
      else {
        held = true;
        found.add(at!);
        if (apply) node.description = change.after;
      }
    });
    return held;
  };
  const patched = <T>(items: readonly T[]) => items.map((item) => (holds(item, false) ? structuredClone(item) : item));
  const types = patched(kept.model.types);
  const operations = patched(kept.model.operations);
  holds({ pages: kept.model.pages, diagnostics: kept.model.diagnostics }, false);
  if (!safe || found.size !== changes.size) return undefined;
  for (const [i, type] of types.entries()) if (type !== kept.model.types[i]) holds(type, true);
  for (const [i, operation] of operations.entries()) if (operation !== kept.model.operations[i]) holds(operation, true);
  kept.model = { ...kept.model, types, operations };
  for (const facts of changed) kept.facts.set(facts.file, facts);
  return 'descriptions';
}

/** True when `a` and `b` are equal but for `description` strings of objects with a `source`; those go to `changes`. */
function sameButDescriptions(a: unknown, b: unknown, changes: Map<string, TextChange>): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => sameButDescriptions(item, (b as unknown[])[i], changes));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(y, key)) return false;
    if (key === 'description' && typeof x[key] === 'string' && typeof y[key] === 'string' && x[key] !== y[key]) {
      const at = sourceKey(y.source);
      if (at === undefined || changes.has(at)) return false;
      changes.set(at, { before: x[key], after: y[key] });
    } else if (!sameButDescriptions(x[key], y[key], changes)) return false;
  }
  // The source beside a changed description is compared as the other keys are, above.
  return true;
}

function sourceKey(source: unknown): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const { file, line, column } = source as Record<string, unknown>;
  return typeof file === 'string' && typeof line === 'number' && typeof column === 'number' ? `${file}:${line}:${column}` : undefined;
}

/** Calls `see` on every object in `value`, depth first. */
function visit(value: unknown, see: (node: Record<string, unknown>) => void): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) visit(item, see);
    return;
  }
  see(value as Record<string, unknown>);
  for (const child of Object.values(value)) visit(child, see);
}
