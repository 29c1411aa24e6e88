/**
 * Enum values a description lists: "Possible values are: `a`, `b`, `c`.",
 * "The possible values are: a, b, c", "Valid values are ...", "Supported values: ...",
 * "One of: ...". Reads only the sentence the list opens, or the HTML list (`<ul><li>`) right
 * after the opener, and only identifier-like tokens.
 */

/** The phrases that open a value list; the list starts where the match ends. */
const OPENERS: RegExp[] = [
  /\b(?:possible|valid|supported|allowed|accepted|permitted|available)\s+values?(?:\s+(?:for|of)\s+\S+)?(?:\s+(?:are|is|include|includes|can\s+be|could\s+be))?(?:\s+as\s+follows)?\s*:?/gi,
  /\bone\s+of(?:\s+the\s+following(?:\s+values)?)?\s*:/gi,
  /\b(?:supports|accepts|takes)\s+(?:only\s+)?(?:the\s+following\s+|\w+\s+)?values?\s*:/gi,
];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Tokens that name no member even when written like one. */
const NOT_MEMBERS = new Set(['null']);

/**
 * Values listed in a description, in order and without repeats; empty when the
 * description lists none. Inline code must keep its backticks (see markedText).
 */
export function readPossibleValues(description: string): string[] {
  for (const opener of OPENERS) {
    opener.lastIndex = 0;
    for (let match = opener.exec(description); match; match = opener.exec(description)) {
      const start = match.index + match[0].length;
      const introduced = /(?::|\b(?:are|is|include|includes|be))\s*$/i.test(match[0]);
      const values = HTML_LIST.test(description.slice(start)) ? readHtmlList(description.slice(start)) : readList(sentenceFrom(description, start), introduced);
      if (values.length > 0) return values;
    }
  }
  return [];
}

/** The text from `start` to the end of its sentence (a `.`, `;` or `!` outside backticks, then space or end). */
function sentenceFrom(text: string, start: number): string {
  let inCode = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i]!;
    if (char === '`') inCode = !inCode;
    else if (!inCode && (char === '.' || char === '!') && (i + 1 === text.length || /\s/.test(text[i + 1]!))) {
      return text.slice(start, i);
    } else if (!inCode && char === '|') return text.slice(start, i);
  }
  return text.slice(start);
}

/**
 * The values of the list a sentence opens with. Without code marks the opener must
 * have said it introduces values ("are", ":"), so "possible values below" is prose.
 */
function readList(sentence: string, introduced: boolean): string[] {
  const listed = sentence.trimStart();
  const coded = listed.startsWith('`');
  if (!coded && !introduced) return [];
  const items = coded ? [...listed.matchAll(/`([^`]*)`/g)].map((m) => m[1]!.trim()) : plainItems(listed);
  const out: string[] = [];
  for (const item of items) {
    if (IDENTIFIER.test(item) && !NOT_MEMBERS.has(item.toLowerCase()) && !out.includes(item)) out.push(item);
  }
  return out;
}

/** An HTML list right after the opener (the cell's `<br>`s are spaces by then). */
const HTML_LIST = /^\s*<(?:ul|ol|li)\b[^>]*>/i;

/**
 * `<ul><li>\`a\`: what a means</li><li>b - what b means</li></ul>`: the value each item
 * opens with (code-marked, or a plain token before a `:`, ` - `, ` -- ` or the item's end),
 * up to the list's end; an item that opens with prose ends the list, and text after an
 * item's `</li>` is no part of it.
 */
function readHtmlList(text: string): string[] {
  const end = /<\/(?:ul|ol)\s*>/i.exec(text);
  const items = (end ? text.slice(0, end.index) : text).split(/<li\b[^>]*>/i).slice(1);
  const out: string[] = [];
  for (const item of items) {
    const plain = item.split(/<\/li\s*>/i)[0]!.trim();
    const value = /^`([^`]*)`/.exec(plain)?.[1]?.trim() ?? /^["'*_]*([A-Za-z_]\w*)["'*_]*\s*(?:$|:|\s[-\u2013\u2014]+\s)/.exec(plain)?.[1];
    if (value === undefined) break;
    if (IDENTIFIER.test(value) && !NOT_MEMBERS.has(value.toLowerCase()) && !out.includes(value)) out.push(value);
  }
  return out;
}

/**
 * `a, b, and c` without code marks: the leading run of items that are single
 * tokens (quotes and emphasis allowed); the list ends at the first item that is prose.
 */
function plainItems(sentence: string): string[] {
  const out: string[] = [];
  for (const piece of sentence.split(/,|;|(?<!\s)\s+(?:or|and)\s+/)) {
    const item = piece
      .trim()
      .replace(/^(?:and|or)\s+/i, '')
      .replace(/^["'*_]+|(?<!["'*_])["'*_]+$/g, '')
      .trim();
    if (item === '') continue;
    if (!IDENTIFIER.test(item)) break;
    out.push(item);
  }
  return out;
}
