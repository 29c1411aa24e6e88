/**
 * Inline content of the plainest kinds, built without micromark: text (with
 * `&`, `!` and `_` where they cannot start anything), code spans of single
 * backticks, links `[text](destination)` of plain text to a plain destination,
 * `*emphasis*` or `**strong**` of plain text between spaces, and HTML tags
 * without attributes (`<br/>`). Table cells of reference pages are mostly made
 * of these; micromark takes a quarter of a second on a large page's cells
 * before its code warms up, which is what an edited page waits for.
 *
 * Anything else (an escape, an entity, attributes, an image, nesting, a
 * delimiter that might flank otherwise, ...) gives undefined, and the piece goes
 * to micromark. The nodes must be the ones micromark gives, key order included:
 * `test/parse/fast-inline.test.ts` compares them on shapes and random pieces,
 * and the corpus test (`test/corpus/blocks.test.ts`) on every page.
 */
import type { PhrasingContent, Text } from 'mdast';
import type { Position } from 'unist';

/** A piece that would not be one paragraph on its own (HTML at its start may open an HTML block), or is trimmed by one. */
const NOT_A_PARAGRAPH = /^(?:[-+>#=~|<]|\d{1,9}[.)](?:\s|$))|^\s|\s$/;
/** Characters that can start or end an inline construct (or that micromark rewrites): anything else is literal text. */
export const SPECIAL = /[!&*<[\\\]_`\0\t\r\n]/;
const SPECIALS = new RegExp(SPECIAL.source, 'g');
/**
 * A link of plain text (no construct, no brackets) to a plain destination (no
 * space, control, parenthesis, bracket, escape, entity, code or HTML; delimiters
 * there are literal, and the scan goes on past the link).
 */
const LINK = /\[([^[\]!&*<\\_`\0\t\r\n]+)\]\(([^\s()<>[\]\\`\x00-\x1f\x7f]+)\)/y;
/** A character reference (`&amp;`, `&#123;`): left to micromark, which knows the names. A `&` starting none is text. */
const REFERENCE = /&[#A-Za-z0-9]+;/;
const REFERENCE_AT = new RegExp(REFERENCE.source, 'y');
/** An opening or closing tag without attributes. */
const TAG = /<(?:[A-Za-z][A-Za-z0-9-]*(?: ?\/)?|\/[A-Za-z][A-Za-z0-9-]*)>/y;
/** A letter or digit: `_` between two is text (it can neither open nor close emphasis). */
const ALPHANUMERIC = /^[\p{L}\p{N}]$/u;
/** `*text*` or `**text**` of plain text not starting or ending with a space. */
const EMPHASIS = /(\*\*?)([^\s!&*<[\\\]_`\0]|[^\s!&*<[\\\]_`\0][^!&*<[\\\]_`\0\t\r\n]*[^\s!&*<[\\\]_`\0])\1/y;
/** What may stand before an opening and after a closing `*` or `**` for them to open and close plainly: a space or ASCII punctuation other than a delimiter. */
const BESIDE_EMPHASIS = /^$|^[\s!-)+-/:-@[-^`{-~]/;

/** The nodes of `piece` at line 1, column 1, offset 0; undefined when micromark must parse it. */
export function fastInline(piece: string): PhrasingContent[] | undefined {
  if (NOT_A_PARAGRAPH.test(piece)) return undefined;
  const nodes: PhrasingContent[] = [];
  let textFrom = 0;
  SPECIALS.lastIndex = 0;
  for (let match = SPECIALS.exec(piece); match; match = SPECIALS.exec(piece)) {
    const at = match.index;
    if (isText(piece, at)) continue;
    const built = construct(piece, at);
    if (!built) return undefined;
    if (at > textFrom) nodes.push(text(piece, textFrom, at));
    nodes.push(built.node);
    textFrom = SPECIALS.lastIndex = built.end;
  }
  if (piece.length > textFrom) nodes.push(text(piece, textFrom, piece.length));
  return nodes;
}

/** A special character that starts nothing where it stands. */
function isText(piece: string, at: number): boolean {
  switch (piece[at]) {
    case '&':
      REFERENCE_AT.lastIndex = at;
      return !REFERENCE_AT.test(piece);
    case '!':
      return piece[at + 1] !== '[';
    case '_':
      return ALPHANUMERIC.test(piece[at - 1] ?? '') && ALPHANUMERIC.test(piece[at + 1] ?? '');
    default:
      return false;
  }
}

function construct(piece: string, at: number): { node: PhrasingContent; end: number } | undefined {
  switch (piece[at]) {
    case '`':
      return codeSpan(piece, at);
    case '[':
      return link(piece, at);
    case '*':
      return emphasis(piece, at);
    case '<':
      return tag(piece, at);
    default:
      return undefined;
  }
}

/** `` `code` ``: a single backtick on each side, no other inside. */
function codeSpan(piece: string, at: number): { node: PhrasingContent; end: number } | undefined {
  if (piece[at + 1] === '`' || piece[at - 1] === '`') return undefined;
  const close = piece.indexOf('`', at + 1);
  if (close < 0 || piece[close + 1] === '`') return undefined;
  let value = piece.slice(at + 1, close);
  if (/[\0\t\r\n]/.test(value)) return undefined;
  // One space is stripped from each side when both have one and the code is not all spaces.
  if (value.length > 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1);
  return { node: { type: 'inlineCode', value, position: span(at, close + 1) }, end: close + 1 };
}

function link(piece: string, at: number): { node: PhrasingContent; end: number } | undefined {
  LINK.lastIndex = at;
  const match = LINK.exec(piece);
  if (!match) return undefined;
  const [whole, label, url] = match as unknown as [string, string, string];
  if (REFERENCE.test(url)) return undefined;
  const end = at + whole.length;
  return { node: { type: 'link', title: null, url, children: [text(piece, at + 1, at + 1 + label.length)], position: span(at, end) }, end };
}

/** Opened after the piece's start, a space or punctuation and closed before its end, a space or punctuation: it opens and closes as it looks. */
function emphasis(piece: string, at: number): { node: PhrasingContent; end: number } | undefined {
  if (!BESIDE_EMPHASIS.test(piece.slice(at - 1, at))) return undefined;
  EMPHASIS.lastIndex = at;
  const match = EMPHASIS.exec(piece);
  if (!match) return undefined;
  const [whole, marker, content] = match as unknown as [string, string, string];
  const end = at + whole.length;
  if (!BESIDE_EMPHASIS.test(piece.slice(end, end + 1))) return undefined;
  const inner = text(piece, at + marker.length, at + marker.length + content.length);
  const position = span(at, end);
  return { node: marker.length === 2 ? { type: 'strong', children: [inner], position } : { type: 'emphasis', children: [inner], position }, end };
}

function tag(piece: string, at: number): { node: PhrasingContent; end: number } | undefined {
  TAG.lastIndex = at;
  const match = TAG.exec(piece);
  if (!match) return undefined;
  const end = at + match[0].length;
  return { node: { type: 'html', value: match[0], position: span(at, end) }, end };
}

function text(piece: string, from: number, to: number): Text {
  return { type: 'text', value: piece.slice(from, to), position: span(from, to) };
}

function span(from: number, to: number): Position {
  return { start: { line: 1, column: from + 1, offset: from }, end: { line: 1, column: to + 1, offset: to } };
}
