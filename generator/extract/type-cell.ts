/**
 * Reads a type as the docs write it in a table cell or a sentence
 * (`String`, `Int32`, `String collection`, `Collection(x)`, `[x](link) collection`,
 * `x enum`, `Edm.Guid`, `` `string` ``, ...) into a canonical TypeRefFacts.
 * A cell naming several types (`[a](a.md) or [b](b.md)`, `a, b, or c`, `one of a, b`)
 * reads as the first, with every one in `alternatives` (linking picks their common base).
 */
import type { Link, LinkReference, Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { TypeAlternativeFacts, TypeRefFacts } from './facts.js';

/** Lower-cased spellings → canonical Edm primitive. */
const PRIMITIVES: Record<string, string> = {
  string: 'Edm.String',
  str: 'Edm.String',
  url: 'Edm.String',
  uri: 'Edm.String',
  etag: 'Edm.String',
  boolean: 'Edm.Boolean',
  bool: 'Edm.Boolean',
  int32: 'Edm.Int32',
  int: 'Edm.Int32',
  integer: 'Edm.Int32',
  int64: 'Edm.Int64',
  long: 'Edm.Int64',
  int16: 'Edm.Int16',
  short: 'Edm.Int16',
  byte: 'Edm.Byte',
  sbyte: 'Edm.SByte',
  double: 'Edm.Double',
  float: 'Edm.Double',
  number: 'Edm.Double',
  numeric: 'Edm.Double',
  single: 'Edm.Single',
  decimal: 'Edm.Decimal',
  datetimeoffset: 'Edm.DateTimeOffset',
  datetime: 'Edm.DateTimeOffset',
  timestamp: 'Edm.DateTimeOffset',
  date: 'Edm.Date',
  timeofday: 'Edm.TimeOfDay',
  time: 'Edm.TimeOfDay',
  duration: 'Edm.Duration',
  timespan: 'Edm.Duration',
  guid: 'Edm.Guid',
  uuid: 'Edm.Guid',
  binary: 'Edm.Binary',
  base64: 'Edm.Binary',
  base64url: 'Edm.Binary',
  stream: 'Edm.Stream',
  untyped: 'Edm.Untyped',
  object: 'Edm.Untyped',
  'json object': 'Edm.Untyped',
  'untyped json object': 'Edm.Untyped',
  'edm.untyped': 'Edm.Untyped',
};

/** Every canonical primitive name this module can produce. */
export const EDM_PRIMITIVES: ReadonlySet<string> = new Set(Object.values(PRIMITIVES));

export interface TypeCellResult {
  type: TypeRefFacts;
  /** Set when the cell could not be read as a type; `type` is then `Edm.Untyped` with `typeUnknown`. */
  problem?: string;
}

/** A link target lookup for `[text][ref]` references. */
export type Definitions = ReadonlyMap<string, string>;

const IDENTIFIER = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;

/** Reads a type from mdast (a table cell, or any phrasing parent). */
export function readTypeNode(node: Nodes, definitions: Definitions = new Map()): TypeCellResult {
  const raw = clean(toString(node));
  const links = linksOf(node);
  const link = links[0];
  if (link) {
    const hrefOf = (l: Link | LinkReference) => (l.type === 'link' ? l.url : definitions.get(l.identifier.toLowerCase()));
    const href = hrefOf(link);
    const name = clean(toString(link));
    const result = readTypeText(name, raw);
    if (href !== undefined && !result.type.isPrimitive) result.type.href = href;
    if (links.length > 1 && !result.type.isPrimitive && ALTERNATIVE_LINKS.test(skeleton(node))) {
      const alternatives = links.map((l): TypeAlternativeFacts => {
        const target = hrefOf(l);
        return { name: typeName(clean(toString(l))) ?? '', ...(target !== undefined ? { href: target } : {}) };
      });
      if (alternatives.every((a) => a.name !== '')) result.type.alternatives = alternatives;
    }
    return result;
  }
  const unclosed = BROKEN_LINK.exec(raw);
  if (unclosed?.[1]) {
    const result = readTypeText(unclosed[1], raw.replace(BROKEN_LINK, '$1'));
    if (!result.type.isPrimitive && unclosed[2]) result.type.href = unclosed[2];
    if (!result.problem) return result;
  }
  return readTypeText(raw, raw);
}

/** `[x](x.md` with its closing parenthesis missing: the parser reads no link. */
const BROKEN_LINK = /^\[([^\]]+)\]\(([^)\s]*)\)?/;

/** The type a name stands for, a collection of it when `isCollection` (`user`, true → `user` collection). */
export function typeRefOf(name: string, isCollection: boolean): TypeRefFacts {
  return readTypeText(name, isCollection ? `${name} collection` : name).type;
}

/**
 * Reads a type from text. `name` is the part that names the type (the link text
 * when linked), `raw` the whole cell (it decides collection-ness).
 */
export function readTypeText(name: string, raw: string = name): TypeCellResult {
  const whole = clean(raw);
  let text = clean(name);
  let isCollection =
    /\bcollection\b/i.test(whole) || /\[\]\s*$/.test(whole) || /^(array|list|collection) of\b/i.test(whole);

  const wrapped = /^collection\s*\(\s*(.*?)\s*\)/i.exec(text);
  if (wrapped) {
    text = wrapped[1] ?? '';
    isCollection = true;
  }
  const direct = primitiveOf(text);
  if (direct) return { type: { raw: whole, name: direct, isCollection, isPrimitive: true } };
  const alternatives = textAlternatives(text);
  if (alternatives) return { type: { raw: whole, name: alternatives[0]!.name, isCollection, isPrimitive: false, alternatives } };
  text = text
    .replace(/^(array|list|collection) of\s+/i, '')
    .replace(/\[\]\s*$/, '')
    .replace(/(?:(?<!\s)\s+)?\((identifier|optional|required|read-?only|nullable)\)\s*$/i, '')
    // A trailing note: `string (url)`, `String (enum)`, `string, maximum size 20`.
    .replace(/^([\w.]+)\s*\([^()]*\)\s*$/, '$1')
    .replace(/^([\w.]+)\s*,\s.*$/, '$1')
    .replace(/(?<!\s)\s+collection\b.*$/i, '')
    .replace(/(?<!\s)\s+(enum|enumeration|resource|object|type|complex type|entity)\s*$/i, '')
    .replace(/(?<!\s)\s+or\s+.*$/i, '')
    .replace(/(?<![.,;:])[.,;:]+$/, '')
    .trim();

  const primitive = primitiveOf(text);
  if (primitive) return { type: { raw: whole, name: primitive, isCollection, isPrimitive: true } };
  if (IDENTIFIER.test(text)) {
    return { type: { raw: whole, name: stripGraphPrefix(text), isCollection, isPrimitive: false } };
  }
  return {
    type: { raw: whole, name: 'Edm.Untyped', isCollection, isPrimitive: true },
    problem: whole === '' ? 'empty type cell' : `"${truncate(whole)}" is not a type`,
  };
}

/** Canonical Edm name for a primitive spelling, or undefined. */
export function primitiveOf(text: string): string | undefined {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const direct = PRIMITIVES[key];
  if (direct) return direct;
  if (key.startsWith('edm.')) {
    const bare = PRIMITIVES[key.slice(4)];
    if (bare) return bare;
    const exact = [...EDM_PRIMITIVES].find((p) => p.toLowerCase() === key);
    if (exact) return exact;
  }
  return undefined;
}

/** `#microsoft.graph.user` and `graph.user` are written for `microsoft.graph.user`. */
function stripGraphPrefix(name: string): string {
  return name.replace(/^#/, '').replace(/^graph\./, 'microsoft.graph.');
}

function linksOf(node: Nodes, out: (Link | LinkReference)[] = []): (Link | LinkReference)[] {
  if (node.type === 'link' || node.type === 'linkReference') out.push(node);
  else if ('children' in node) for (const child of node.children) linksOf(child as Nodes, out);
  return out;
}

/** The cell's text with each link as `\u0000`: what the cell says around its links. */
function skeleton(node: Nodes): string {
  if (node.type === 'link' || node.type === 'linkReference') return '\u0000';
  if ('children' in node) return node.children.map((child) => skeleton(child as Nodes)).join('');
  return 'value' in node && node.type !== 'html' ? node.value : ' ';
}

/** Words a type may carry after its name (`x collection`, `x object`). */
const NOTE = String.raw`(?:\s+(?:collection|objects?|resources?|types?|entity|complex type))?`;
const CONNECTOR = String.raw`(?:\s*,\s*(?:or\s+)?|\s+or\s+|\s*\|\s*)`;
const LEAD = String.raw`^\s*(?:(?:one\s+of|either)(?:\s+the\s+following)?\s*:?\s*)?`;
/** Links joined only by `,`, `or`, `|` (maybe "one of", "collection"): alternatives, not prose that links types. */
const ALTERNATIVE_LINKS = new RegExp(`${LEAD}\u0000${NOTE}(?:${CONNECTOR}\u0000${NOTE})+\\s*\\.?\\s*$`, 'i');
const NAMES = new RegExp(`${LEAD}([\\w.#]+${NOTE}(?:${CONNECTOR}[\\w.#]+${NOTE})+)\\s*\\.?\\s*$`, 'i');

/** `a or b`, `a, b, or c`, `one of a, b`: two or more type names, none primitive; else undefined. */
function textAlternatives(text: string): TypeAlternativeFacts[] | undefined {
  const list = NAMES.exec(text)?.[1];
  if (!list) return undefined;
  const names = list.split(new RegExp(CONNECTOR, 'i')).map(typeName);
  if (names.length < 2 || names.some((name) => name === undefined)) return undefined;
  return names.map((name) => ({ name: name! }));
}

/** A non-primitive type name (`x`, `microsoft.graph.x`), or undefined. */
function typeName(text: string): string | undefined {
  const name = text.replace(new RegExp(`${NOTE}$`, 'i'), '').trim();
  return IDENTIFIER.test(name.replace(/^#/, '')) && !primitiveOf(name) && name.toLowerCase() !== 'null' ? stripGraphPrefix(name) : undefined;
}

/** Drops markdown emphasis and code marks, HTML breaks and outer whitespace. */
function clean(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
