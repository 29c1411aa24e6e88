/**
 * The key a path placeholder gets in the generated params object. Docs write
 * generic placeholders (`{id}`, `{id | userPrincipalName}`, `{name}`, `{key}`,
 * `{index}`) for different things, so a generic one is named after the path
 * segment before it, singular, camel-cased, plus its generic word:
 * `/users/{id}` → `userId`, `/me/events/{id}/attachments/{id}` → `eventId`,
 * `attachmentId`, `/worksheets/{name}` → `worksheetName`, but `/names/{name}` → `name` (a segment
 * already ending in the word is not repeated). Specific names stay
 * (`{user-id}` → `userId`, `{deviceManagementPartnerId}`), and so does a
 * function argument (`itemAt(index={index})`), which its argument name already
 * says, and one in the query (`?$filter=id eq '{id}'`), named by its option. Two placeholders of one path never share a key: `claimKey` numbers a
 * repeated one (`userId2`).
 */
import pluralize from 'pluralize';
import { camelCase } from './naming.js';

/** A name that does not say what it names: the generic word, optionally numbered (`id2`). */
const GENERIC = /^(id|key|name|index)\d*$/;
/** Placeholders in the text before one: skipped when looking for the segment that names it. */
const PLACEHOLDERS = /\{[^{}]*\}|<[^<>]*>/g;

/** The generic word (`id`) of a generic name (`{Id | userPrincipalName}`: its first alternative), else null. */
export function genericWord(wire: string): string | null {
  const first = (wire.split('|')[0] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return GENERIC.test(first) ? first.replace(/\d+$/, '') : null;
}

/** The key a placeholder would get, before `claimKey`: `before` is the path text written before it. */
export function placeholderKey(wire: string, before: string): string {
  const specific = camelCase(wire);
  const word = genericWord(wire);
  if (word === null || before.includes('?') || /=\s*'?$/.test(before)) return specific;
  const owner = before.replace(PLACEHOLDERS, '/').split(/[^A-Za-z0-9_-]+/).findLast((word) => /[A-Za-z]/.test(word));
  if (!owner) return specific;
  const noun = camelCase(pluralize.singular(owner));
  const said = noun === word || noun.endsWith(word[0]!.toUpperCase() + word.slice(1));
  return said ? noun : camelCase(`${noun}-${word}`);
}

/** `base`, or `base2`, `base3`, ... the first not in `used`; marks it used. */
export function claimKey(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  return name;
}
