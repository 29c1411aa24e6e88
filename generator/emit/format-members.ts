/**
 * An interface declaration in pieces of its own: its head (JSDoc and the
 * `export interface X extends Y {` line), each member (JSDoc and signature) and
 * the closing brace. Prettier prints an interface's members one by one at one
 * indentation, so a member's formatted text does not depend on the others.
 *
 * After an edit, an interface part whose text changed (`format-parts.ts`) is
 * formatted member by member: a member whose text, as it stands, is one of the
 * formatted members of the same interface in the last output is prettier's
 * output already (prettier gives its own output back), and the others are
 * formatted alone inside an empty interface. The head and the closing brace must
 * be found as they stand, or the part is formatted whole. An edit of one row of a
 * page's property table so formats one member instead of an interface of hundreds.
 * Checked on every interface the emitters write for docs-input and the corpus
 * sample (`test/emit/format-parts-output.test.ts`).
 */
import { stringEnd } from './format-parts.js';

/** An interface part: its head, its members and its closing brace, which join back into it. */
export interface InterfacePieces {
  head: string;
  members: string[];
  close: string;
}

const HEAD = /^(?:\/\*\*(?:[^*]|\*(?!\/))*\*\/\n)?(?:export )?interface [A-Za-z_$][\w$]*(?: extends [^\n{]+)? \{\n/;
const CLOSE = '}\n';

const code = (char: string) => char.charCodeAt(0);
const [SLASH, STAR, QUOTE, DOUBLE_QUOTE, BACKTICK, SEMICOLON, NEWLINE, SPACE] = [code('/'), code('*'), code("'"), code('"'), code('`'), code(';'), code('\n'), code(' ')];
const OPEN = new Set([code('('), code('['), code('{')]);
const CLOSING = new Set([code(')'), code(']'), code('}')]);

/**
 * The pieces of an interface part, or undefined when the part is not one the
 * scan can vouch for. A member starts at a line indented two spaces, outside
 * strings, comments and brackets, where the last token was the `;` ending the
 * member before (or the head). Template literals, unclosed strings or comments,
 * a blank line or a line at another indentation between members: undefined.
 */
export function interfacePieces(part: string): InterfacePieces | undefined {
  const head = HEAD.exec(part)?.[0];
  if (!head || !part.endsWith(CLOSE) || part.length < head.length + CLOSE.length) return undefined;
  const body = part.slice(head.length, part.length - CLOSE.length);
  const starts: number[] = [];
  let depth = 0;
  // True at the start of a member: the head, or a `;` at depth 0, came last.
  let ended = true;
  let i = 0;
  while (i < body.length) {
    const lineStart = i === 0 || body.charCodeAt(i - 1) === NEWLINE;
    if (lineStart && depth === 0) {
      const indented = body.charCodeAt(i) === SPACE && body.charCodeAt(i + 1) === SPACE && body.charCodeAt(i + 2) > SPACE;
      if (ended) {
        if (!indented) return undefined;
        starts.push(i);
        ended = false;
      } else if (!indented && body.charCodeAt(i) !== SPACE) return undefined;
    }
    const c = body.charCodeAt(i);
    if (c === NEWLINE || c === SPACE || c === 9) {
      i++;
    } else if (c === SLASH && body.charCodeAt(i + 1) === STAR) {
      const end = body.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (c === SLASH && body.charCodeAt(i + 1) === SLASH) {
      const end = body.indexOf('\n', i);
      i = end < 0 ? body.length : end;
    } else if (c === QUOTE || c === DOUBLE_QUOTE) {
      i = stringEnd(body, i);
      if (i < 0) return undefined;
    } else if (c === BACKTICK) {
      return undefined;
    } else {
      if (OPEN.has(c)) depth++;
      else if (CLOSING.has(c) && --depth < 0) return undefined;
      if (c === SEMICOLON && depth === 0) ended = true;
      i++;
    }
  }
  if (!ended || depth !== 0 || starts.length === 0 || !body.endsWith('\n')) return undefined;
  const members = starts.map((start, n) => body.slice(start, starts[n + 1] ?? body.length));
  return { head, members, close: CLOSE };
}

export function joinPieces(pieces: InterfacePieces): string {
  return pieces.head + pieces.members.join('') + pieces.close;
}

/** What formatting a changed interface part member by member needs: the pieces, and each member's formatted text when known. */
export interface MemberPlan {
  pieces: InterfacePieces;
  /** Per member: its formatted text when it is one of the last output's members as it stands, else null (to format). */
  formatted: (string | null)[];
}

/**
 * The plan for `part` (unformatted) against the last output's formatted parts:
 * undefined unless the part is an interface whose head is, as it stands, the
 * head of one of those parts (the same interface, formatted) and which that part
 * closes the same way.
 */
export function memberPlan(part: string, lastParts: Iterable<string>): MemberPlan | undefined {
  const pieces = interfacePieces(part);
  if (!pieces) return undefined;
  for (const last of lastParts) {
    if (!last.startsWith(pieces.head)) continue;
    const before = interfacePieces(last);
    if (!before || before.head !== pieces.head || before.close !== pieces.close) continue;
    const known = new Set(before.members);
    return { pieces, formatted: pieces.members.map((member) => (known.has(member) ? member : null)) };
  }
  return undefined;
}

/** The text prettier formats one member in: an empty interface of its own. */
const WRAPPER_HEAD = 'interface M {\n';

export function wrapMember(member: string): string {
  return `${WRAPPER_HEAD}${member}${CLOSE}`;
}

/** The member back out of its formatted wrapper, or undefined when the output is not one interface of members. */
export function unwrapMember(formatted: string): string | undefined {
  if (!formatted.startsWith(WRAPPER_HEAD) || !formatted.endsWith(CLOSE)) return undefined;
  const member = formatted.slice(WRAPPER_HEAD.length, formatted.length - CLOSE.length);
  // One member, as the scan reads members: what the caller splices in must split back the same way.
  return interfacePieces(wrapMember(member))?.members.length === 1 ? member : undefined;
}
