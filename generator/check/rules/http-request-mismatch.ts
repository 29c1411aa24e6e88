/**
 * An example request whose method and path match none of the page's HTTP
 * request lines (`{param}` matches any segment, query strings are ignored),
 * or whose URL names another API version than the page's folder. `/me` is
 * read as `/users/{id}` and `/me/drive` as `/drives/{id}` (their documented
 * aliases), and a key in parentheses as a key segment. A wrong path is reported at its first segment no documented path
 * has there. URLs on
 * other hosts (upload URLs, embed endpoints) are not Graph calls and pass. A GUID
 * the HTTP request section writes where a `{placeholder}` belongs is reported
 * there, once; examples are compared with `{id}` in its place. So is a placeholder
 * segment written quoted or in parentheses (`/recoveryKeys/'{id}'`, `/teams/(team-id)`), compared as `{id}`.
 * An example path that lacks only the `/$ref` a section path ends in, or on a page about one item only its key, is reported at its end.
 * A section path that lacks the key every example adds (get, update, delete) or, on a create page, ends in a key
 * the example's POST to the collection lacks, is reported at the section path, once. So is a path the section lacks beside
 * one it has, when the examples add names to it (`.../getM365AppUserDetail(period='D7')/content`) and none uses it as it
 * is, or leave out its trailing `{property name}` (`/organization/{id}/branding`), or address by path (`root:/book.xlsx:`)
 * a drive item it lists by id only, or add `/$value` or a Stream property (`/bannerLogo`) to it; a section path without the `/me` root the examples give it,
 * or with `/$value` right after a collection, or a value or bare name where the examples write a `{placeholder}`
 * (`/domains/contoso.com/...`, `/sites/id/...`), is reported at that spot; so is a path of another API than the one the
 * page's file and the examples name (`.../names/add` on nameditem-addformulalocal.md), and a method HTTP semantics put
 * at fault (PATCH where the Request body replaces the item and the examples PUT; GET for a body the section's other
 * line for the action POSTs); a path the section lacks that another page's section documents, method and path alike,
 * when the example addresses what the page is about (`request-elsewhere.ts`), at the section. A drive item's path (`root:/a/b.txt:`) matches `{parent-id}:/{filename}:`.
 *
 * ok:     HTTP request `GET /users/{id}`, example `GET https://graph.microsoft.com/v1.0/users/48d31887`
 * not ok: example `GET https://graph.microsoft.com/v1.0/groups/1` → Unexpected request path `/groups/1`, expected one of the page's HTTP request paths: `/users/{id}`
 */
import type { HttpRequestFacts, PageFacts } from '../../extract/facts.js';
import { editDistance } from '../did-you-mean.js';
import { placeOn, type CheckContext } from '../context.js';
import { exampleMessages, firstLineOf, type ExampleMessage } from '../examples.js';
import { isGraphUrl, matchedPrefix, pathAliases, readExampleUrl, requestsMatching, segmentStarts } from '../request-path.js';
import { documentedElsewhere } from '../request-elsewhere.js';
import { anotherApi, byItemPath, keyAdded, keyMissing, miswrittenPath, sectionLacks, streamOf } from '../request-section.js';
import { defineRule, oncePerKey, type RuleFinding } from '../rule.js';

export const httpRequestMismatch = defineRule({
  id: 'http-request-mismatch',
  description: 'Example requests use a method and path of the HTTP request section, under the page’s API version.',
  defaultLevel: 'error',
  check: (ctx) => oncePerKey([...ctx.pages.flatMap((page) => literalIds(ctx, page)), ...exampleMessages(ctx).flatMap((item) => (item.role === 'request' ? checkRequest(ctx, item) : []))], (key) => key.startsWith('section:')),
});

/** A GUID written as a path segment of the HTTP request section, where a `{placeholder}` belongs. */
const LITERAL_ID = /(?<=\/)(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})(?=\/|$)/gi;
/**
 * A whole path segment that is a placeholder written otherwise: quoted (`/recoveryKeys/'{id}'`) or in parentheses
 * (`/teams/(team-id)/channels`) or angle brackets (`/resources/<resourceId>`), not a function argument.
 */
const MISWRITTEN_PLACEHOLDER = /(?<=\/)(?:'(\{[^{}/']*\})'|\(([A-Za-z][\w-]*)\)|<([A-Za-z][\w-]*)>)(?=\/|$)/g;

/** `{id}` for `'{id}'`, `{team-id}` for `(team-id)` or `<team-id>`. */
function plainOf(segment: string): string {
  return segment.startsWith("'") ? segment.slice(1, -1) : `{${segment.slice(1, -1)}}`;
}

/** The section path with its literal ids and miswritten placeholders as plain placeholders. */
function plainPlaceholders(path: string): string {
  return path.replace(LITERAL_ID, '{id}').replace(MISWRITTEN_PLACEHOLDER, plainOf);
}

/** Section lines with literal ids or miswritten placeholders, reported once each at the first (examples are then compared with the plain placeholder there). */
function literalIds(ctx: CheckContext, page: PageFacts): RuleFinding[] {
  return page.operations.flatMap((operation) =>
    operation.httpRequests.flatMap((request) => {
      const ids = request.path.match(LITERAL_ID) ?? [];
      const miswritten = request.path.match(MISWRITTEN_PLACEHOLDER) ?? [];
      const key = `section:${request.method} ${request.path}`;
      if (ids.length > 0) {
        const more = ids.length > 1 ? ` (and ${ids.length - 1} more)` : '';
        return [{ at: placeOn(ctx, request.source, ids[0]!), message: `Unexpected id \`${ids[0]}\`${more} in the HTTP request path, expected a placeholder such as \`{id}\``, key }];
      }
      if (miswritten.length === 0) return [];
      const how = miswritten[0]!.startsWith("'") ? 'quoted placeholder' : miswritten[0]!.startsWith('<') ? 'placeholder in angle brackets' : 'placeholder in parentheses';
      return [{ at: placeOn(ctx, request.source, miswritten[0]!), message: `Unexpected ${how} \`${miswritten[0]}\` in the HTTP request path, expected \`${plainOf(miswritten[0]!)}\` (a key segment is written in braces)`, key }];
    }),
  );
}

function checkRequest(ctx: CheckContext, item: ExampleMessage): RuleFinding[] {
  const { method, url } = item.message;
  if (!method || !url || !isGraphUrl(url)) return [];
  const out: RuleFinding[] = [];
  const line = firstLineOf(ctx, item.message);
  const text = ctx.line(item.page.file, line);
  const urlColumn = Math.max(0, text.indexOf(url)) + 1;
  const parsed = readExampleUrl(url);
  const at = (index: number) => ({ file: item.page.file, line, column: urlColumn + index });
  if (parsed.version && parsed.version.toLowerCase() !== item.page.apiVersion.toLowerCase()) {
    out.push({
      at: at(parsed.versionIndex),
      message: `Unexpected API version \`${parsed.version}\` in the request URL, expected \`${item.page.apiVersion}\` (the page is under ${item.page.apiVersion}/)`,
      key: `${item.example.name}:version`,
    });
  }
  const requests = item.operation.httpRequests;
  // Without an HTTP request section of the page's own (`drive-list`: one section per path, the first with a
  // `### HTTP request`), the paths read are not the page's full list; section-missing reports the missing section.
  if (requests.length === 0 || !hasRequestSection(item.page)) return out;
  const aliases = pathAliases(parsed.path);
  const samePath = requestsMatching(requests, url);
  const withPlaceholders = requests.map((request) => ({ ...request, path: plainPlaceholders(request.path) }));
  if (samePath.length === 0 && requestsMatching(withPlaceholders, url).length > 0) return out;
  const miswritten = samePath.length === 0 ? miswrittenPath(item, withPlaceholders, url) : undefined;
  if (miswritten) {
    const { request, index, message } = miswritten;
    const start = placeOn(ctx, request.source, request.path);
    return [...out, { at: { ...start, column: start.column + index }, message, key: `section:${request.method} ${request.path}:miswritten`, related: [at(0)] }];
  }
  const keyless = samePath.length === 0 ? keyMissing(item, withPlaceholders, url) : undefined;
  const keyed = samePath.length === 0 && !keyless ? keyAdded(item, withPlaceholders, url) : undefined;
  const lacked = samePath.length === 0 && !keyless && !keyed ? (sectionLacks(item, withPlaceholders, url, streamOf(ctx, item)) ?? byItemPath(item, withPlaceholders, url)) : undefined;
  const typo = samePath.length === 0 && !keyless && !keyed && !lacked ? sectionTypo(ctx, item, requests, parsed.written) : undefined;
  const copied = samePath.length === 0 && !keyless && !keyed && !lacked && !typo ? anotherApi(item, requests, url) : undefined;
  const elsewhere = samePath.length === 0 && !keyless && !keyed && !lacked && !typo && !copied ? documentedElsewhere(ctx, item, withPlaceholders, url) : undefined;
  if (typo) {
    out.push({ ...typo, related: [at(0)] });
  } else if (copied) {
    const start = placeOn(ctx, copied.request.source, copied.request.path);
    out.push({ at: { ...start, column: start.column + copied.index }, message: copied.message, key: `section:${copied.request.method} ${copied.request.path}:another`, related: [at(0)] });
  } else if (elsewhere) {
    const { request, line: missing, documented, file } = elsewhere;
    const path = request.path.replace(/\?.*$/, '');
    const as = missing === `${documented.method} ${documented.path}` ? 'as' : `beside \`${documented.method} ${documented.path}\` as`;
    out.push({
      at: { ...request.source, column: placeOn(ctx, request.source, path).column + path.length },
      message: `Unexpected request path \`${clip(parsed.written)}\` that the HTTP request section lacks, expected a line \`${missing}\` ${as} ${file} documents it`,
      key: `section:${missing}:elsewhere`,
      related: [at(0)],
    });
  } else if (lacked) {
    const path = lacked.request.path.replace(/\?.*$/, '');
    out.push({
      at: { ...lacked.request.source, column: placeOn(ctx, lacked.request.source, path).column + path.length },
      message: `Unexpected request path \`${clip(parsed.written)}\` that the HTTP request section lacks, expected a line \`${lacked.request.method} ${lacked.path}\` beside \`${path}\``,
      key: `section:${lacked.request.method} ${lacked.path}:lacks`,
      related: [at(0)],
    });
  } else if (keyed) {
    const path = keyed.path.replace(/\?.*$/, '');
    const key = path.slice(path.lastIndexOf('/') + 1);
    out.push({
      at: { ...keyed.source, column: placeOn(ctx, keyed.source, path).column + path.length - key.length },
      message: `Unexpected key \`${key}\` at the end of the HTTP request path on a page that creates an item, expected \`${path.slice(0, -key.length - 1)}\` (the collection) as the examples use`,
      key: `section:${keyed.method} ${keyed.path}:key`,
      related: [at(0)],
    });
  } else if (keyless) {
    const path = keyless.path.replace(/\?.*$/, '');
    out.push({
      at: { ...keyless.source, column: placeOn(ctx, keyless.source, path).column + path.length },
      message: `Unexpected HTTP request path \`${path}\` without a key on a page that ${item.operation.kind}s one item, expected \`${path}/{id}\` as the examples use`,
      key: `section:${keyless.method} ${keyless.path}:key`,
      related: [at(0)],
    });
  } else if (samePath.length === 0) {
    const paths = [...new Set(requests.map((r) => r.path))];
    const listed = paths.slice(0, 3).map((p) => `\`${p}\``).join(', ') + (paths.length > 3 ? `, +${paths.length - 3} more` : '');
    const wrong = matchedPrefix(paths, aliases);
    const starts = segmentStarts(parsed.written);
    // A path the section has with `/$ref` after it, or (on a page about one item) with its key after it, lacks only
    // that: reported at its end, where the `/$ref` or the key goes.
    const endLacks = requests.some((r) => lacking(item, r.path) !== '' && requestsMatching([{ path: lacking(item, r.path) }], url).length > 0);
    const segment = endLacks ? parsed.written.length : (starts[Math.min(wrong, starts.length - 1)] ?? 0);
    out.push({
      at: at(Math.max(0, url.indexOf(parsed.written)) + segment),
      message: `Unexpected request path \`${clip(parsed.written)}\`, expected one of the page's HTTP request paths: ${listed}`,
      key: `${item.example.name}:path`,
    });
  } else if (!samePath.some((request) => request.method === method.toUpperCase())) {
    const section = methodAtFault(ctx, item, samePath, requests);
    if (section) {
      const { request, because } = section;
      const related = [{ file: item.page.file, line, column: Math.max(0, text.indexOf(method)) + 1 }];
      const message = `Unexpected method \`${request.method}\` in the HTTP request section, expected \`${method.toUpperCase()}\` as the examples use and ${because}`;
      return [...out, { at: placeOn(ctx, request.source, request.method), message, key: `section:${request.method} ${request.path}:method`, related }];
    }
    const methods = [...new Set(samePath.map((r) => r.method))].join(' or ');
    out.push({
      at: { file: item.page.file, line, column: Math.max(0, text.indexOf(method)) + 1 },
      message: `Unexpected method \`${method}\` for this path, expected \`${methods}\` as the HTTP request section says`,
      key: `${item.example.name}:method`,
    });
  }
  return out;
}

/**
 * The section's method, not the example's, is wrong when HTTP says so: a PATCH line for a request the examples PUT while
 * the Request body section says the body replaces the item (`Missing properties will be erased`), or a GET or DELETE
 * line for a request the examples send a body with, while another line of the section has the examples' method for
 * the same action (`POST /riskyUsers/dismiss` beside `GET /identityProtection/riskyUsers/dismiss`).
 */
function methodAtFault(ctx: CheckContext, item: ExampleMessage, samePath: HttpRequestFacts[], requests: readonly HttpRequestFacts[]): { request: HttpRequestFacts; because: string } | undefined {
  const method = item.message.method!.toUpperCase();
  const patch = samePath.find((r) => r.method === 'PATCH');
  if (method === 'PUT' && patch) {
    const heading = item.page.headings.findIndex((h) => /^request body\b/i.test(h.text.trim()));
    const from = item.page.headings[heading]?.source.line;
    const to = item.page.headings[heading + 1]?.source.line ?? (from ?? 0) + 20;
    const text = from === undefined ? '' : ctx.lines(item.page.file).slice(from, to - 1).join(' ');
    if (/\breplace(s|d)?\b|\bwill be (erased|removed|deleted)\b/i.test(text)) return { request: patch, because: 'the Request body section says the body replaces the item (PUT)' };
  }
  const bodiless = samePath.find((r) => r.method === 'GET' || r.method === 'DELETE');
  const action = (path: string) => path.replace(/\?.*$/, '').split('/').pop()?.replace(/\(.*$/, '').toLowerCase();
  if (bodiless && item.message.body && requests.some((r) => r.method === method && action(r.path) === action(bodiless.path))) {
    return { request: bodiless, because: `the section's other line for \`${action(bodiless.path)}\` says (a ${bodiless.method} request has no body)` };
  }
  return undefined;
}

/** The section path without the `/$ref` it ends in, or without its trailing key on a page that gets, updates or deletes one item; '' when neither. */
function lacking(item: ExampleMessage, documented: string): string {
  const path = documented.replace(/\?.*$/, '');
  if (/\/\$ref$/.test(path)) return path.replace(/\/\$ref$/, '');
  const key = /\/\{[^{}/]+\}$/.exec(path);
  return key && ['get', 'update', 'delete'].includes(item.operation.kind) ? path.slice(0, key.index) : '';
}

/**
 * A section path one segment off the example's, where the section's spelling is a near-miss of the example's and no
 * more pages of the API version (this one included) write it in their HTTP request sections than the example's (`.../accessPackage/{id}/...` for `accessPackages`):
 * the fix is that segment of the section, reported once. A misspelt example segment is written by no other page, so it
 * stays the example's finding.
 */
function sectionTypo(ctx: CheckContext, item: ExampleMessage, requests: readonly HttpRequestFacts[], written: string): RuleFinding | undefined {
  const method = item.message.method?.toUpperCase();
  const example = written.replace(/\/+$/, '').split('/');
  const uses = segmentUses(ctx, item.page.apiVersion);
  for (const request of requests) {
    const path = request.path.replace(/\?.*$/, '');
    const segments = path.split('/');
    if (request.method !== method || segments.length !== example.length) continue;
    const differ = segments.flatMap((segment, i) => (/^\{.*\}$/.test(segment) || segment.toLowerCase() === example[i]!.toLowerCase() ? [] : [i]));
    if (differ.length !== 1) continue;
    const i = differ[0]!;
    const [ours, theirs] = [segments[i]!, example[i]!];
    if (!/^[A-Za-z]+$/.test(ours) || !/^[A-Za-z]+$/.test(theirs) || editDistance(ours.toLowerCase(), theirs.toLowerCase(), 2) > 2) continue;
    // This page's own section is one of the pages writing `ours`.
    if ((uses.get(theirs) ?? 0) < (uses.get(ours) ?? 0)) continue;
    const at = placeOn(ctx, request.source, path);
    return {
      at: { ...at, column: at.column + segments.slice(0, i).join('/').length + 1 },
      message: `Unexpected \`${ours}\` in the HTTP request path, expected \`${theirs}\` as the examples and the other pages write it`,
      key: `section:${request.method} ${request.path}:segment`,
    };
  }
  return undefined;
}

/** How many pages of an API version write each path segment in their HTTP request sections. */
function segmentUses(ctx: CheckContext, version: string): Map<string, number> {
  return ctx.memo(`section-segments:${version}`, () => {
    const uses = new Map<string, number>();
    for (const page of ctx.pages) {
      if (page.apiVersion !== version) continue;
      const segments = new Set(page.operations.flatMap((o) => o.httpRequests.flatMap((r) => r.path.replace(/\?.*$/, '').split('/'))));
      for (const segment of segments) uses.set(segment, (uses.get(segment) ?? 0) + 1);
    }
    return uses;
  });
}

/** An HTTP request heading of the page itself: under the title or Permissions (one written too deep still counts), not under a path's own section. */
function hasRequestSection(page: PageFacts): boolean {
  return page.headings.some((heading, i) => {
    if (!/^http requests?\b/i.test(heading.text.trim())) return false;
    const parent = page.headings.slice(0, i).reverse().find((h) => h.depth < heading.depth);
    return !parent || parent.depth === 1 || /^(permissions?|prerequisites)\b/i.test(parent.text.trim());
  });
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
