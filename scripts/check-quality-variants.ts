/**
 * Round 3 of the mutation study: the problems put in other ways than `check-quality-kinds.ts` does (other
 * cut points, date types, headings, misspellings), each expected at the spot a reviewer would edit.
 * Not tried: a re-cased reason phrase (`HTTP/1.1 200 Ok`): HTTP reason phrases are free text that clients ignore,
 * and a case-only difference is no wrong status (the corpus writes `204 No content` 18 times, `NO CONTENT` 12).
 */
import path from 'node:path';
import { annotatedType, annotationOf, documentedTypes, findings, inCorpus, index, join, pagesOf, read, replaceAt, versionResources, type Kind, type Mutated } from './check-quality-lib.js';

type Next = () => number;
const pick = <T>(items: readonly T[], next: Next): T | undefined => (items.length ? items[Math.floor(next() * items.length)] : undefined);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Annotated example blocks of `type`: the opening fence, the body's first line (`{` or `[`, -1 when none) and the closing fence. */
function blocks(lines: string[], type: 'request' | 'response') {
  const out: { open: number; body: number; close: number }[] = [];
  for (let open = 0; open < lines.length; open++) {
    if (!/^\s*```/.test(lines[open]!)) continue;
    const close = index(lines, /^\s*```\s*$/, open + 1);
    if (close < 0) break;
    if (new RegExp(`"blockType"\\s*:\\s*"${type}"`).test(annotationOf(lines, open))) {
      const body = lines.findIndex((l, j) => j > open && j < close && /^\s*[{[]/.test(l));
      out.push({ open, body, close });
    }
    open = close;
  }
  return out;
}

/** The JSON representation's block of a resource page, as `blocks` gives them. */
function representation(lines: string[]) {
  const heading = index(lines, /^## JSON representation\s*$/i);
  const open = heading < 0 ? -1 : index(lines, /^\s*```/, heading);
  const close = open < 0 ? -1 : index(lines, /^\s*```\s*$/, open + 1);
  const body = close < 0 ? -1 : lines.findIndex((l, j) => j > open && j < close && /^\s*[{[]/.test(l));
  return body < 0 ? [] : [{ open, body, close }];
}

/**
 * The body of a random example of `type` (or the JSON representation) cut after a random character of it (mid-line,
 * mid-string, after a comma), the rest up to the fence gone; `rule` is the rule (or extraction code) that reads it.
 */
function cutBody(type: 'request' | 'response' | 'resource', rule = 'example-json-invalid'): Kind['mutate'] {
  return (lines, file, next) => {
    const block = pick(type === 'resource' ? representation(lines) : blocks(lines, type).filter((b) => b.body >= 0), next);
    if (!block) return undefined;
    const spots: [number, number][] = [];
    for (let at = block.body; at < block.close; at++) for (let c = 0; c < lines[at]!.length; c++) if (/\S/.test(lines[at]![c]!)) spots.push([at, c]);
    spots.pop(); // not after the body's last character: that is the whole body
    const [at, c] = pick(spots, next) ?? [];
    if (at === undefined || c === undefined) return undefined;
    // Not a body the rule already finds invalid (its first problem is reported, and alone).
    const before = [...findings(file, join(lines), rule, [])].map((f) => Number(f.split(':')[0]));
    if (before.some((line) => line > block.open && line <= block.close + 1)) return undefined;
    return { text: join([...lines.slice(0, at), lines[at]!.slice(0, c + 1), ...lines.slice(block.close)]), line: at + 1, column: c + 2 };
  };
}

/** Values out of range for each temporal type (calendar, clock, leap year; durations that do not parse). */
const OUT_OF_RANGE: Record<string, string[]> = {
  'Edm.Date': ['2021-02-30', '2021-13-01', '2021-04-31', '2021-00-10'],
  'Edm.TimeOfDay': ['25:00:00', '12:60:00', '24:30:00', '08:15:61'],
  'Edm.DateTimeOffset': ['2021-06-01T24:30:00Z', '2021-06-01T25:00:00Z', '2021-06-01T12:60:00Z', '2021-01-32T12:00:00Z', '2021-02-29T12:00:00Z', '2021-06-31T08:00:00+02:00'],
  'Edm.Duration': ['PT', 'P1Y2X', 'PT1H30', 'P'],
};
const TABLE_TYPES: Record<string, string> = { datetimeoffset: 'Edm.DateTimeOffset', date: 'Edm.Date', timeofday: 'Edm.TimeOfDay', duration: 'Edm.Duration' };

/** The temporal types the Request body table gives its rows (`| startDate | Date | ... |`). */
function requestBodyTypes(lines: string[]): Map<string, string> {
  const heading = index(lines, /^## Request body\s*$/i);
  const end = index(lines, /^#{1,2} /, heading + 1);
  const types = new Map<string, string>();
  for (let at = heading + 1; heading >= 0 && at < (end < 0 ? lines.length : end); at++) {
    const cells = lines[at]!.replace(/^\s*\|/, '').split('|').map((c) => c.replace(/[*`]/g, '').trim());
    const type = TABLE_TYPES[(cells[1] ?? '').toLowerCase().replace(/^edm\./, '')];
    if (type && /^\w+$/.test(cells[0] ?? '')) types.set(cells[0]!, type);
  }
  return types;
}

/** A top-level string value of a request or response example whose documented type is temporal, replaced by an out-of-range one. */
function dateOutOfRange(type: 'request' | 'response'): Kind['mutate'] {
  return (lines, file, next) => {
    const version = file.split('/')[0]!;
    const table = type === 'request' ? requestBodyTypes(lines) : undefined;
    const typeOf = (name: string, at: number) =>
      table ? table.get(name) : documentedTypes(version).get(annotatedType(lines, at)?.toLowerCase() ?? '')?.properties.find((p) => p.name === name)?.type.name;
    const spots = blocks(lines, type).flatMap(({ body, close }) =>
      body < 0 ? [] : lines.slice(body, close).flatMap((line, i) => {
        const match = /^ {2}"(\w+)"\s*:\s*"([-+:.\w]+)"\s*,?\s*$/.exec(line);
        const edm = match ? typeOf(match[1]!, body + i) : undefined;
        return edm && OUT_OF_RANGE[edm] && /^-?[\dP]/.test(match![2]!) ? [{ at: body + i, edm }] : [];
      }),
    );
    const spot = pick(spots, next);
    if (!spot) return undefined;
    const line = lines[spot.at]!;
    const quote = line.indexOf('"', line.indexOf(':'));
    return replaceAt(lines, spot.at, quote, line.indexOf('"', quote + 1) + 1 - quote, `"${pick(OUT_OF_RANGE[spot.edm]!, next)}"`);
  };
}

/** The required API-page headings (and Request headers) as the template writes them. */
const HEADINGS = [/^## Permissions\s*$/, /^## HTTP request\s*$/, /^## Request headers\s*$/, /^## Request body\s*$/, /^## Response\s*$/, /^## Examples?\s*$/];

/** A heading of `HEADINGS` on the page, rewritten by `change` (undefined: no change). */
function rewriteHeading(change: (text: string, next: Next) => string | undefined): Kind['mutate'] {
  return (lines, _file, next) => {
    const at = pick(HEADINGS.map((h) => index(lines, h)).filter((i) => i >= 0), next);
    const text = at === undefined ? undefined : lines[at]!.slice(3).trim();
    const changed = text && change(text, next);
    return at === undefined || !changed || changed === text ? undefined : { text: join(lines.map((l, i) => (i === at ? `## ${changed}` : l))), line: at + 1, column: 1 };
  };
}

/** One edit of `word`, not at its first letter: a letter dropped, doubled, or swapped with the next (a different one). */
function misspell(word: string, next: Next): string | undefined {
  const at = 1 + Math.floor(next() * (word.length - 2));
  const edit = Math.floor(next() * 3);
  if (!/[a-z]/i.test(word[at]!)) return undefined;
  if (edit === 0) return word.slice(0, at) + word.slice(at + 1);
  if (edit === 1) return word.slice(0, at) + word[at] + word.slice(at);
  return word[at] === word[at + 1] || !/[a-z]/i.test(word[at + 1] ?? '') ? undefined : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/** The section from heading `at` to the next `## ` heading (or the end). */
const sectionEnd = (lines: string[], at: number) => {
  const end = index(lines, /^## /, at + 1);
  return end < 0 ? lines.length : end;
};

/** The section at heading `from` moved to line `to` (a heading line), expected at its heading there. */
function moveSection(lines: string[], from: number, to: number): Mutated {
  const end = sectionEnd(lines, from);
  const section = lines.slice(from, end);
  const rest = [...lines.slice(0, from), ...lines.slice(end)];
  const insert = to > from ? to - section.length : to;
  return { text: join([...rest.slice(0, insert), ...section, ...rest.slice(insert)]), line: insert + 1, column: 1 };
}

/**
 * `## Request body` moved above `## Request headers` right before it, or `## Permissions` below the `## HTTP request`
 * section right after it: two neighbours swapped, so either heading is a right spot (moving either back fixes the page).
 */
const swapNeighbours: Kind['mutate'] = (lines, _file, next) => {
  const headers = index(lines, /^## Request headers\s*$/i);
  const body = index(lines, /^## Request body\s*$/i);
  const permissions = index(lines, /^## Permissions\s*$/i);
  const request = index(lines, /^## HTTP request\s*$/i);
  const moves = [
    ...(headers >= 0 && body === sectionEnd(lines, headers) ? [{ from: body, to: headers }] : []),
    ...(permissions >= 0 && request === sectionEnd(lines, permissions) && sectionEnd(lines, request) < lines.length ? [{ from: permissions, to: sectionEnd(lines, request) }] : []),
  ];
  const move = pick(moves, next);
  if (!move) return undefined;
  const moved = moveSection(lines, move.from, move.to);
  // The other heading of the pair, where it is now: right after the moved section, or right before it.
  const other = move.to > move.from ? index(moved.text.split('\n'), /^## HTTP request\s*$/i) : moved.line - 1 + sectionEnd(lines, move.from) - move.from;
  return { ...moved, also: { line: other + 1, column: 1 } };
};

/** `## Response` moved above `## HTTP request` (past the sections between): expected at `## Response`, once. */
const responseMovedUp: Kind['mutate'] = (lines) => {
  const request = index(lines, /^## HTTP request\s*$/i);
  const response = index(lines, /^## Response\s*$/);
  if (request < 0 || response < 0 || index(lines, /^## /, request + 1) === response) return undefined;
  return moveSection(lines, response, request);
};

const namesByVersion = new Map<string, Set<string>>();
const PERMISSION = /\b[A-Za-z][A-Za-z]*(\.[A-Za-z]+)+\b/g;

/** Every permission-like name in a table row of the version's API pages. */
function permissionNames(version: string): Set<string> {
  let names = namesByVersion.get(version);
  if (!names) {
    names = new Set(pagesOf(version, 'api').flatMap((file) => read(file).split('\n').filter((l) => l.includes('|')).flatMap((l) => [...l.matchAll(PERMISSION)].map((m) => m[0]))));
    namesByVersion.set(version, names);
  }
  return names;
}

/** A name of a random Permissions-table cell misspelt into one no page of the input uses: letters swapped, `.All` dropped, or lower case. */
const misspeltPermissionAnywhere: Kind['mutate'] = (lines, file, next) => {
  const heading = index(lines, /^## Permissions\s*$/);
  const end = sectionEnd(lines, heading);
  const rows = lines.slice(heading + 1, end).flatMap((line, i) => (/^\s*\|?\s*(Delegated|Application)/i.test(line) ? [heading + 1 + i] : []));
  const at = heading < 0 ? undefined : pick(rows, next);
  if (at === undefined) return undefined;
  const cell = lines[at]!.indexOf('|', lines[at]!.indexOf('|', 1) > 0 && lines[at]!.trimStart().startsWith('|') ? lines[at]!.indexOf('|') + 1 : 0);
  const match = pick([...lines[at]!.slice(cell).matchAll(PERMISSION)], next);
  if (!match) return undefined;
  const name = match[0];
  const edit = Math.floor(next() * 3);
  const parts = name.split('.');
  const part = Math.floor(next() * parts.length);
  const misspelt =
    edit === 0 ? (name.endsWith('.All') ? name.slice(0, -4) : undefined) : edit === 1 ? (name !== name.toLowerCase() ? name.toLowerCase() : undefined) : swapped(parts, part, next);
  const version = file.split('/')[0]!;
  if (!misspelt || permissionNames(version).has(misspelt)) return undefined;
  const used = new RegExp(`\\b${escape(name)}(?![\\w.]*\\w)`);
  const api = pagesOf(version, 'api');
  const other = api.find((o) => o !== file && read(o).split('\n').some((l) => l.includes('|') && used.test(l)));
  // The right name known from the input: one other page uses it in a table (else no check can know it).
  if (!other) return undefined;
  const rest = api.filter((o, i) => i % 40 === 0 && o !== file && !used.test(read(o)));
  return { ...replaceAt(lines, at, cell + match.index!, name.length, misspelt), others: [other, ...rest] };
};

/** `parts` joined with two adjacent different letters of part `part` swapped (not its first letter). */
function swapped(parts: string[], part: number, next: Next): string | undefined {
  const word = parts[part]!;
  const at = 1 + Math.floor(next() * (word.length - 2));
  if (word.length < 3 || word[at] === word[at + 1]) return undefined;
  return parts.map((p, i) => (i === part ? p.slice(0, at) + p[at + 1] + p[at] + p.slice(at + 2) : p)).join('.');
}

const WRONG_PHRASES: Record<string, string[]> = { '200': ['Created', 'No Content', 'Accepted'], '201': ['OK', 'No Content'], '204': ['Created', 'OK'] };

/** A status line of an example response with another status's reason phrase (`201 OK`, `204 Created`, `200 No Content`). */
const wrongPhrase: Kind['mutate'] = (lines, _file, next) => {
  const spots = blocks(lines, 'response').flatMap(({ open, close }) => lines.slice(open, close).flatMap((l, i) => (/^HTTP\/1\.1 (200 OK|201 Created|204 No Content)\s*$/.test(l) ? [open + i] : [])));
  const at = pick(spots, next);
  if (at === undefined) return undefined;
  const phrase = pick(WRONG_PHRASES[lines[at]!.slice(9, 12)]!, next)!;
  return replaceAt(lines, at, 13, lines[at]!.trimEnd().length - 13, phrase);
};

/** A later example request (the third or after) named as a random earlier one. */
const laterDuplicateName: Kind['mutate'] = (lines, _file, next) => {
  const named = blocks(lines, 'request').flatMap(({ open }) => {
    const start = Math.max(0, open - 12);
    const at = lines.slice(start, open).findIndex((l) => /^\s*"name"\s*:\s*"[^"]+"\s*,?\s*$/.test(l));
    return at < 0 || !annotationOf(lines, open).includes('"name"') ? [] : [start + at];
  });
  if (named.length < 3) return undefined;
  const at = named[2 + Math.floor(next() * (named.length - 2))]!;
  const nameOf = (i: number) => /"name"\s*:\s*("[^"]+")/.exec(lines[i]!)![1]!;
  const earlier = named.filter((i) => i < at);
  const first = nameOf(pick(earlier, next)!);
  // Not a page where the later request already has an earlier one's name.
  if (earlier.some((i) => nameOf(i) === nameOf(at))) return undefined;
  const line = lines[at]!;
  const quote = line.indexOf('"', line.indexOf(':'));
  return replaceAt(lines, at, quote, line.indexOf('"', quote + 1) + 1 - quote, first);
};

/** A relative link to an existing page of `folder` (with a `#anchor` when `anchor`), its file name misspelt into one the input lacks. */
function misspeltLinkTo(folder: 'api' | 'resources', anchor: boolean): Kind['mutate'] {
  return (lines, file, next) => {
    const links = lines.flatMap((line, at) =>
      [...line.matchAll(/\]\(((?:\.\.\/(?:api|resources)\/)?([a-z][\w-]{3,})\.md)(#[\w-]+)?\)/g)].flatMap((match) => {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!));
        return target.split('/')[1] === folder && Boolean(match[3]) === anchor && inCorpus(target) ? [{ at, match, target }] : [];
      }),
    );
    const link = pick(links, next);
    const name = link?.match[2];
    const misspelt = name && misspell(name, next);
    if (!link || !misspelt || inCorpus(`${path.posix.dirname(link.target)}/${misspelt}.md`)) return undefined;
    const href = link.match[1]!;
    return { ...replaceAt(lines, link.at, link.match.index! + 2, href.length, href.slice(0, href.length - name.length - 3) + misspelt + '.md'), others: [link.target] };
  };
}

/** The first row of a table after `heading` (within its section): its line, and the name cell's start and text. */
function firstRow(lines: string[], heading: number) {
  const separator = index(lines, /^\|?\s*:?-{3,}/, heading);
  if (heading < 0 || separator < 0 || separator > sectionEnd(lines, heading)) return undefined;
  return { separator, rows: lines.slice(separator + 1).findIndex((l) => !l.includes('|')) };
}

/** A request-body table row duplicated at the table's end, its name re-cased (`displayName` → `DisplayName`, `displayname`). */
const duplicateRowRecased: Kind['mutate'] = (lines, _file, next) => {
  const table = firstRow(lines, index(lines, /^## Request body\s*$/));
  if (!table || table.rows < 1) return undefined;
  const source = table.separator + 1 + Math.floor(next() * (table.rows < 0 ? 1 : table.rows));
  const cell = /^(\|?\s*)([a-z][A-Za-z]{2,})(\s*\|)/.exec(lines[source]!);
  if (!cell) return undefined;
  const name = cell[2]!;
  const recased = next() < 0.5 || name === name.toLowerCase() ? name[0]!.toUpperCase() + name.slice(1) : name.toLowerCase();
  const last = table.separator + (table.rows < 0 ? lines.length - table.separator - 1 : table.rows);
  const row = cell[1] + recased + lines[source]!.slice(cell[1]!.length + name.length);
  return { text: join([...lines.slice(0, last + 1), row, ...lines.slice(last + 1)]), line: last + 2, column: cell[1]!.length + 1 };
};

/** A row of a resource page's Properties table renamed (one edit) while the JSON representation keeps the key. */
const resourceRowRenamed: Kind['mutate'] = (lines, _file, next) => {
  const table = firstRow(lines, index(lines, /^## Properties\s*$/i));
  const json = index(lines, /^## JSON representation\s*$/i);
  if (!table || table.rows < 1 || json < 0) return undefined;
  const at = table.separator + 1 + Math.floor(next() * table.rows);
  const cell = /^(\|?\s*)([a-z][A-Za-z]{3,})(\s*\|)/.exec(lines[at]!);
  const name = cell?.[2];
  const misspelt = name && misspell(name, next);
  const keys = lines.slice(json);
  if (!cell || !name || !misspelt || !keys.some((l) => l.includes(`"${name}"`)) || keys.some((l) => l.includes(`"${misspelt}"`))) return undefined;
  return replaceAt(lines, at, cell[1]!.length, name.length, misspelt);
};

/** A random segment (not the version) of a random example request's path misspelt (one edit), expected at that segment. */
const pathSegmentMisspelt: Kind['mutate'] = (lines, _file, next) => {
  const requests = blocks(lines, 'request').flatMap(({ open, close }) => {
    const at = lines.findIndex((l, j) => j > open && j < close && /^(GET|POST|PATCH|PUT|DELETE) https:\/\/graph\.microsoft\.com\/(v1\.0|beta)\//.test(l));
    return at < 0 ? [] : [at];
  });
  const at = pick(requests, next);
  if (at === undefined) return undefined;
  const line = lines[at]!;
  const start = line.indexOf('/', line.indexOf('.com/') + 5) + 1;
  const path = line.slice(start).split(/[?\s]/)[0]!;
  // A literal segment of the HTTP request section's paths (not a key value such as `City` or `provisioning` for
  // `{publishingType}`, a GUID, a function call or a placeholder), four letters or more.
  const heading = index(lines, /^## HTTP request\s*$/i);
  const section = heading < 0 ? '' : lines.slice(heading, sectionEnd(lines, heading)).join('\n');
  const segments = [...path.matchAll(/[^/]+/g)].filter((m) => /^[a-zA-Z]{4,}$/.test(m[0]) && new RegExp(`/${m[0]}(/|\\s|$)`, 'm').test(section));
  const segment = pick(segments, next);
  const misspelt = segment && misspell(segment[0], next);
  return segment && misspelt ? replaceAt(lines, at, start + segment.index!, segment[0].length, misspelt) : undefined;
};

export const VARIANTS: Kind[] = [
  { name: 'request JSON body cut at a random point', rule: 'example-json-invalid', mutate: cutBody('request') },
  { name: 'response JSON body cut at a random point', rule: 'example-json-invalid', mutate: cutBody('response') },
  { name: 'date/time out of range for its type (Date, TimeOfDay, DateTimeOffset, Duration), response example', rule: 'example-type-mismatch', with: versionResources, mutate: dateOutOfRange('response') },
  { name: 'date/time out of range for its Request body table type, request example', rule: 'example-type-mismatch', with: versionResources, mutate: dateOutOfRange('request') },
  { name: 'required heading misspelt (one edit: `## Permisions`, `## Reqeust body`)', rule: 'section-missing', mutate: rewriteHeading((text, next) => misspell(text, next)) },
  {
    name: 'required heading re-cased (`## Request Headers`, `## permissions`)',
    rule: 'section-missing',
    // Not `## HTTP Request`: the generated pages' spelling (3,512 corpus pages), accepted.
    mutate: rewriteHeading((text, next) => (next() < 0.5 ? text.replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/^HTTP Request$/, text) : text.toLowerCase())),
  },
  { name: '`## Request body` above `## Request headers`, or `## Permissions` below `## HTTP request` (neighbours swapped)', rule: 'section-missing', mutate: swapNeighbours },
  { name: '`## Response` moved above `## HTTP request`', rule: 'section-missing', mutate: responseMovedUp },
  {
    name: '`## Response` removed (no `### Response` in the examples)',
    rule: 'section-missing',
    mutate(lines) {
      const at = index(lines, /^## Response\s*$/);
      // Nor a second `## Response` (an example's, at section depth: it would stand for the section).
      if (at < 0 || index(lines, /^#{3,6}\s*Response\b/i) >= 0 || index(lines, /^## Response\s*$/, at + 1) >= 0) return undefined;
      const out = [...lines.slice(0, at), ...lines.slice(at + 1)];
      const next = index(out, /^## /, at);
      return next < 0 ? undefined : { text: join(out), line: next + 1, column: 1 };
    },
  },
  { name: 'permission misspelt into a name no page uses (swapped letters, `.All` dropped, lower case), any row', rule: 'permission-unknown', mutate: misspeltPermissionAnywhere },
  { name: 'reason phrase of another status (`201 OK`, `204 Created`, `200 No Content`)', rule: 'response-status-mismatch', mutate: wrongPhrase },
  { name: 'a later example (third or after) named as an earlier one', rule: 'example-name-duplicate', mutate: laterDuplicateName },
  { name: 'link to an API page misspelt (one edit)', rule: 'link-broken', mutate: misspeltLinkTo('api', false) },
  { name: 'link to a resource page with `#anchor` misspelt (one edit)', rule: 'link-broken', mutate: misspeltLinkTo('resources', true) },
  { name: 'example request path: a random segment misspelt (one edit)', rule: 'http-request-mismatch', mutate: pathSegmentMisspelt },
  { name: 'resource JSON representation cut at a random point', rule: 'json-invalid', folder: 'resources', mutate: cutBody('resource', 'json-invalid') },
  { name: 'request-body row duplicated with its name re-cased', rule: 'request-body-mismatch', mutate: duplicateRowRecased },
  { name: 'resource Properties row renamed (the JSON representation keeps the key)', rule: 'table-json-mismatch', folder: 'resources', with: versionResources, mutate: resourceRowRenamed },
];

