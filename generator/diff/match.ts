/** Pairing the items of the two sides by key, and telling which unpaired items look like renames of each other. */
import type { TypeRef } from '../model/ir.js';
import { closest } from '../check/did-you-mean.js';

export interface Matched<T> {
  /** Only in base, in base order. */
  removed: T[];
  /** Only in head, in head order. */
  added: T[];
  /** In both, in head order. */
  both: [base: T, head: T][];
}

/** Items paired by key; the first item of a key on each side wins. */
export function matchBy<T>(base: readonly T[], head: readonly T[], key: (item: T) => string): Matched<T> {
  const baseByKey = firstByKey(base, key);
  const headByKey = firstByKey(head, key);
  return {
    removed: [...baseByKey].filter(([k]) => !headByKey.has(k)).map(([, item]) => item),
    added: [...headByKey].filter(([k]) => !baseByKey.has(k)).map(([, item]) => item),
    both: [...headByKey].flatMap(([k, item]) => (baseByKey.has(k) ? [[baseByKey.get(k)!, item] as [T, T]] : [])),
  };
}

function firstByKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return map;
}

/**
 * For each removed name, the added name it looks like (same letters but for
 * case, or within a few edits: `closest`), when that added name is not claimed
 * by an earlier removed name. A rename stays a removal plus an addition; this
 * only says so.
 */
export function renameHints(removed: readonly string[], added: readonly string[]): Map<string, string> {
  const hints = new Map<string, string>();
  const free = new Set(added);
  for (const name of removed) {
    const match = closest(name, free);
    if (match === undefined) continue;
    hints.set(name, match);
    hints.set(match, name);
    free.delete(match);
  }
  return hints;
}

/** `Edm.String`, `Collection(microsoft.graph.user)`, or `none`. */
export function typeRefText(ref: TypeRef | null | undefined): string {
  if (!ref) return 'none';
  return ref.isCollection ? `Collection(${ref.name})` : ref.name;
}

/** `microsoft.graph.user` → `user`: how messages name a type. */
export function shortName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

/**
 * A markdown code span holding `text` literally: fenced with one backtick more
 * than its longest run of backticks, padded when it starts or ends with one,
 * line breaks as spaces. Names come from the docs, which are untrusted.
 */
export function code(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
