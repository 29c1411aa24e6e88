/**
 * Page mutations for the fuzzer: the damage real docs suffer (dropped or
 * repeated lines, broken table rows, JSON blocks cut short, unbalanced fences
 * and comments, very long lines, odd Unicode, CRLF, BOM) as data, so fast-check
 * can generate, print and shrink them.
 */
import fc from 'fast-check';

export type Mutation =
  | { kind: 'drop-line'; page: number; at: number }
  | { kind: 'duplicate-line'; page: number; at: number }
  | { kind: 'swap-lines'; page: number; at: number; to: number }
  | { kind: 'break-table-row'; page: number; at: number; how: number }
  | { kind: 'cut-code-block'; page: number; at: number; cut: number }
  | { kind: 'insert-line'; page: number; at: number; text: string }
  | { kind: 'insert-inline'; page: number; at: number; column: number; text: string }
  | { kind: 'long-line'; page: number; at: number; unit: string; length: number }
  | { kind: 'truncate'; page: number; at: number }
  | { kind: 'line-endings'; page: number; style: 'crlf' | 'cr' | 'mixed' }
  | { kind: 'bom'; page: number; at: number };

/** Lines that open or close markdown constructs, or look like the ones extractors look for. */
export const STRUCTURAL = [
  '```', '```json', '```http', '~~~', '````', '<!--', '-->', '<!-- {', '<!-- { "blockType": "request", "name": "x" } -->',
  '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x" } -->',
  '---', 'doc_type: apiPageType', 'doc_type: resourcePageType', 'doc_type: enumPageType', '| a | b |', '|---|---|', '|:--|', '| Property | Type | Description |',
  '| Member | Value | Description |', '|', '||', '#', '# ', '## Properties', '## HTTP request', '## Request body', '## Response', '## JSON representation',
  '## Relationships', '## Methods', '### Request', '### Response', 'GET /users/{id}', 'POST https://graph.microsoft.com/v1.0/me/x', 'HTTP/1.1 200 OK',
  'Content-type: application/json', '{', '}', '[', ']', '"a": ', '...', '<br>', '<br/>', '`', '``', '\\', '[x]:', '[x]: <', '>', '- ', '1. ', '    ', '\t',
  '<table>', '</td>', '<![CDATA[', '&#0;', '&#x110000;', 'Namespace: microsoft.graph.', '{id}', '{', '@odata.type', '*/', '${x}', '__proto__',
];

/** Text that trips decoders and naive string handling. */
export const ODD_UNICODE = [
  '\u0000', '\u0007', '\u001b[31m', '\u00a0', '\u00ad', '\u200b', '\u200d', '\u200e', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffd', '\uffff',
  '\ud800', '\udfff', '\ud83d\ude00', '\ud83d', 'e\u0301\u0301\u0301', '\u0130', '\u1e9e', 'ﬀ', 'Ω', '𝐀', '\u{10ffff}', '\u0085', '\u000b', '\u000c', '\r',
];

/** Units repeated into very long lines (quadratic or backtracking code shows up here). */
export const LONG_UNITS = ['a', ' ', '|', '| a ', '`', '*', '_', '-', '=', '{', '[', '(', '<', '\\', '\t', '&', '!', '#', '<!--', '[x](', 'é', '😀', 'a ', '**a', '\\|', '{x}', '"a":'];

const index = fc.nat({ max: 1_000_000 });
const page = fc.nat({ max: 7 });
const oddText = fc.oneof(
  fc.constantFrom(...STRUCTURAL),
  fc.constantFrom(...ODD_UNICODE),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...STRUCTURAL, ...ODD_UNICODE), maxLength: 6 }),
);

export interface MutationOptions {
  /** Longest long line (default 120,000 characters, six times the extractor's cut). */
  maxLongLine?: number;
}

export function mutationArbitrary({ maxLongLine = 120_000 }: MutationOptions = {}): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('drop-line' as const), page, at: index }),
    fc.record({ kind: fc.constant('duplicate-line' as const), page, at: index }),
    fc.record({ kind: fc.constant('swap-lines' as const), page, at: index, to: index }),
    fc.record({ kind: fc.constant('break-table-row' as const), page, at: index, how: fc.nat({ max: 5 }) }),
    fc.record({ kind: fc.constant('cut-code-block' as const), page, at: index, cut: index }),
    fc.record({ kind: fc.constant('insert-line' as const), page, at: index, text: oddText }),
    fc.record({ kind: fc.constant('insert-inline' as const), page, at: index, column: index, text: oddText }),
    fc.record({ kind: fc.constant('long-line' as const), page, at: index, unit: fc.constantFrom(...LONG_UNITS), length: fc.integer({ min: 1_000, max: maxLongLine }) }),
    fc.record({ kind: fc.constant('truncate' as const), page, at: index }),
    fc.record({ kind: fc.constant('line-endings' as const), page, style: fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const) }),
    fc.record({ kind: fc.constant('bom' as const), page, at: fc.oneof(fc.constant(0), index) }),
  );
}

/** A list of mutations; most cases get a few, some get many. */
export function mutationsArbitrary(options: MutationOptions = {}): fc.Arbitrary<Mutation[]> {
  return fc.array(mutationArbitrary(options), { minLength: 1, maxLength: 8 });
}

/** Applies each mutation to the page it names (modulo the page count), in order. */
export function applyMutations(texts: readonly string[], mutations: readonly Mutation[]): string[] {
  const out = [...texts];
  for (const mutation of mutations) {
    const i = mutation.page % out.length;
    out[i] = applyMutation(out[i]!, mutation);
  }
  return out;
}

export function applyMutation(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const pick = (n: number, list: readonly unknown[] = lines) => n % Math.max(1, list.length);
  switch (m.kind) {
    case 'drop-line':
      lines.splice(pick(m.at), 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const at = pick(m.at);
      lines.splice(at, 0, lines[at] ?? '');
      return lines.join('\n');
    }
    case 'swap-lines': {
      const [a, b] = [pick(m.at), pick(m.to)];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'break-table-row': {
      const rows = lines.flatMap((line, n) => (line.trimStart().startsWith('|') ? [n] : []));
      if (rows.length === 0) return text;
      const n = rows[pick(m.at, rows)]!;
      lines[n] = breakRow(lines[n]!, m.how);
      return lines.join('\n');
    }
    case 'cut-code-block': {
      const blocks = codeBlocks(lines);
      if (blocks.length === 0) return text;
      const block = blocks[pick(m.at, blocks)]!;
      const body = lines.slice(block.open + 1, block.close).join('\n');
      const kept = body.slice(0, m.cut % (body.length + 1));
      // Half the time the closing fence goes too (an unbalanced fence).
      const tail = m.cut % 2 === 0 ? lines.slice(block.close) : lines.slice(block.close + 1);
      return [...lines.slice(0, block.open + 1), ...(kept === '' ? [] : kept.split('\n')), ...tail].join('\n');
    }
    case 'insert-line':
      lines.splice(pick(m.at, [...lines, '']), 0, m.text);
      return lines.join('\n');
    case 'insert-inline': {
      const at = pick(m.at);
      const line = lines[at] ?? '';
      const column = m.column % (line.length + 1);
      lines[at] = line.slice(0, column) + m.text + line.slice(column);
      return lines.join('\n');
    }
    case 'long-line': {
      const long = m.unit.repeat(Math.ceil(m.length / m.unit.length));
      const at = pick(m.at);
      // Either a line of its own or appended to an existing line (a table row, a heading, a fence).
      if (m.length % 2 === 0) lines.splice(at, 0, long);
      else lines[at] = (lines[at] ?? '') + long;
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'line-endings':
      if (m.style === 'crlf') return text.replace(/\r?\n/g, '\r\n');
      if (m.style === 'cr') return text.replace(/\r?\n/g, '\r');
      return lines.map((line, n) => line + (n === lines.length - 1 ? '' : ['\n', '\r\n', '\r'][n % 3])).join('');
    case 'bom': {
      const at = m.at === 0 ? 0 : m.at % (text.length + 1);
      return text.slice(0, at) + '\ufeff' + text.slice(at);
    }
  }
}

function breakRow(row: string, how: number): string {
  const pipes = [...row.matchAll(/\|/g)].map((match) => match.index);
  switch (how) {
    case 0: {
      // Remove one pipe (cells merge or the row loses its border).
      const at = pipes[Math.floor(pipes.length / 2)] ?? 0;
      return row.slice(0, at) + row.slice(at + 1);
    }
    case 1:
      return `${row} extra | cells | here |`;
    case 2:
      return row.slice(0, Math.floor(row.length / 2));
    case 3:
      return row.replace(/-/g, '');
    case 4:
      return row.replace(/\|/g, '\\|');
    default:
      return `${row}<br>${row}`;
  }
}

/** Fenced code blocks by line index: opening fence and closing fence (or the last line when unclosed). */
export function codeBlocks(lines: readonly string[]): { open: number; close: number; lang: string }[] {
  const blocks: { open: number; close: number; lang: string }[] = [];
  let open: { at: number; fence: string; lang: string } | undefined;
  lines.forEach((line, n) => {
    const match = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (!match) return;
    if (!open) open = { at: n, fence: match[1]!, lang: match[2] ?? '' };
    else if (match[1]!.startsWith(open.fence) && match[2] === '') {
      blocks.push({ open: open.at, close: n, lang: open.lang });
      open = undefined;
    }
  });
  return blocks;
}

/** Lines as CommonMark counts them: `\r\n`, `\r` and `\n` all end a line. */
export function markdownLines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}
