/**
 * Example request URLs against the paths of a page's HTTP request section:
 * host, API version, query and fragment removed; compared segment by segment,
 * a `{param}` standing for one or more characters within its segment;
 * `microsoft.graph.` qualifiers, key and function argument lists `(...)` and
 * case are ignored (pages often write a function's path without its arguments
 * and the example with them). Example URLs are untrusted text of any length:
 * nothing here backtracks.
 */

export interface ExampleUrl {
  /** `v1.0`, `beta`, ... when the URL names a version. */
  version?: string;
  /** Index of the version segment in the URL as written. */
  versionIndex: number;
  /** Normalized path for matching. */
  path: string;
  /** The same without OData type-cast segments (`/microsoft.graph.user`), which filter a documented path. */
  withoutCasts: string;
  /** The path as written (for messages). */
  written: string;
}

const VERSION = /^(v\d+(\.\d+)?|beta)$/i;

/** Hosts of Microsoft Graph (global and national clouds); example URLs elsewhere are not Graph calls. */
const GRAPH_HOST = /^https?:\/\/(graph\.microsoft\.(com|us|de)|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn|canary\.graph\.microsoft\.com)(:\d+)?$/i;

/** True when the URL has no host or a Graph host. */
export function isGraphUrl(url: string): boolean {
  const host = /^https?:\/\/[^/\s]+/i.exec(url);
  return !host || GRAPH_HOST.test(host[0]);
}

export function readExampleUrl(url: string): ExampleUrl {
  const host = /^https?:\/\/[^/\s]+/i.exec(url);
  let rest = host ? url.slice(host[0].length) : url;
  const offset = host ? host[0].length : 0;
  const segments = rest.replace(/^\//, '').split('/');
  let version: string | undefined;
  let versionIndex = -1;
  if (segments[0] && VERSION.test(segments[0])) {
    version = segments[0];
    versionIndex = offset + (rest.startsWith('/') ? 1 : 0);
    rest = `/${segments.slice(1).join('/')}`;
  }
  const written = stripQuery(rest.startsWith('/') ? rest : `/${rest}`);
  const withoutCasts = normalize(written.replace(/\/microsoft\.graph\.[A-Za-z]\w*(?=\/|$)/g, ''));
  return { ...(version ? { version } : {}), versionIndex, path: normalize(written), withoutCasts, written };
}

/** A test of normalized example paths (`ExampleUrl.path`) against one documented path. */
export type PathMatcher = (path: string) => boolean;

/**
 * A documented path as a matcher for example paths: segment by segment, each
 * `{param}` standing for one or more characters within its segment. No regular
 * expression is built from the path, so the time is linear in the lengths of
 * the two paths times the number of placeholders in a segment.
 */
export function pathMatcher(documented: string): PathMatcher {
  const pattern = splitOutsideBraces(normalize(documented)).map((segment) => segment.split(PLACEHOLDER));
  return (path) => {
    const segments = splitSegments(path);
    return segments.length === pattern.length && pattern.every((pieces, i) => segmentMatches(pieces, segments[i]!));
  };
}

/** How many leading segments of a normalized example path match the documented path (where a mismatch starts). */
export function matchedSegments(documented: string, path: string): number {
  const pattern = splitOutsideBraces(normalize(documented)).map((segment) => segment.split(PLACEHOLDER));
  const segments = splitSegments(path);
  let count = 0;
  while (count < segments.length && count < pattern.length && segmentMatches(pattern[count]!, segments[count]!)) count++;
  return count;
}

/** A path under another name: `prefix` leading segments of `path` stand for `written` leading segments of the example. */
export interface PathAlias {
  path: string;
  prefix: number;
  written: number;
}

/**
 * The path under its documented aliases (itself first): `/me` is `/users/{id}`
 * for the signed-in user, `/me/drive` (`/users/{id}/drive`, or `/drive`) is `/drives/{id}`,
 * and a drive's `root` is its root item, `items/{id}` (`root:/path:` the item at that path under it).
 */
export function pathAliases(path: string): PathAlias[] {
  const out: PathAlias[] = [{ path, prefix: 0, written: 0 }];
  // `/drive` is the signed-in user's drive, `/me/drive` with `me` left out
  if (/^\/drive(?=\/|$)/.test(path)) {
    const viaMe = pathAliases(`/me${path}`).map((alias) => (alias.written > 0 ? { ...alias, written: alias.written - 1 } : { ...alias, prefix: alias.prefix + 1 }));
    return [out[0]!, ...rootItem(out[0]!), ...viaMe];
  }
  const me = /^\/me(?=\/|$)/.exec(path);
  const user = /^\/users\/[^/]+(?=\/|$)/.exec(path);
  const rest = me ? path.slice(me[0].length) : user ? path.slice(user[0].length) : undefined;
  if (rest !== undefined) {
    const written = me ? 1 : 2;
    out.push(me ? { path: `/users/me${rest}`, prefix: 2, written } : { path: `/me${rest}`, prefix: 1, written });
    const drive = /^\/drive(?=\/|$)/.exec(rest);
    if (drive) out.push({ path: `/drives/me${rest.slice(drive[0].length)}`, prefix: 2, written: written + 1 });
    // and `/me/drive` is the `/drive` a section may document
    if (drive && me) out.push({ path: rest, prefix: 0, written: 1 });
  }
  return out.flatMap((alias) => [alias, ...rootItem(alias)]);
}

/** `.../drive/root/...` (or `drives/{id}/root`, `root:/path:`) as `.../drive/items/root/...`: `root` is one segment written for two. */
function rootItem(alias: PathAlias): PathAlias[] {
  const match = /^(.*?\/(?:drive|drives\/[^/]+))\/root(?=\/|:|$)/.exec(alias.path);
  if (!match) return [];
  const before = match[1]!.split('/').length - 1;
  if (before < alias.prefix) return [];
  const path = `${match[1]}/items/root${alias.path.slice(match[0].length)}`;
  return [{ path, prefix: before + 2, written: alias.written + (before - alias.prefix) + 1 }];
}

/** OData's key in parentheses (`events('AAMk=')`, `items(42)`), which is the key segment (`events/AAMk=`). */
const KEY_IN_PARENS = /\(('[^'/]*'|\d+)\)(?=\/|\?|$)/g;

/** A documented key in parentheses that is only a placeholder (`borders(<sideIndex>)`, `items({id})`): the key segment may be written instead. */
const PLACEHOLDER_KEY_IN_PARENS = /\((?:<([^<>()/]+)>|\{([^{}()/]+)\})\)(?=\/|\?|$)/g;

const matchers = new Map<string, PathMatcher[]>();

/** The documented requests whose path an example URL is (under its aliases, without type casts, keys in parentheses as segments). */
export function requestsMatching<T extends { path: string }>(requests: readonly T[], url: string): T[] {
  const parsed = readExampleUrl(url);
  const keyed = readExampleUrl(url.replace(KEY_IN_PARENS, '/$1'));
  const candidates = [parsed.path, parsed.withoutCasts, keyed.path, keyed.withoutCasts].flatMap(pathAliases).map((alias) => alias.path);
  return requests.filter((request) => {
    let matcher = matchers.get(request.path);
    if (!matcher) {
      const keySegment = request.path.replace(PLACEHOLDER_KEY_IN_PARENS, '/{$1$2}');
      matcher = [request.path, ...(keySegment === request.path ? [] : [keySegment])].map(pathMatcher);
      matchers.set(request.path, matcher);
    }
    return candidates.some((path) => matcher.some((matches) => matches(path)));
  });
}

/** How many leading segments of the example path (under any alias) some documented path matches. */
export function matchedPrefix(documented: readonly string[], aliases: readonly PathAlias[]): number {
  let best = 0;
  for (const path of documented) {
    for (const alias of aliases) {
      const matched = matchedSegments(path, alias.path);
      if (matched >= alias.prefix) best = Math.max(best, matched - alias.prefix + alias.written);
    }
  }
  return best;
}

/** Start index of each segment of a written path (`/a/b('x/y')/c` → 3 segments), splitting outside `()`, `{}` and quotes. */
export function segmentStarts(written: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let quote = false;
  for (let i = 0; i < written.length; i++) {
    const ch = written[i];
    if (ch === "'") quote = !quote;
    else if (quote) continue;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '/' && depth === 0) starts.push(i + 1);
  }
  return starts;
}

const PLACEHOLDER = /\{[^{}]*\}/;

/** A drive item addressed by path: `:/` and the path up to the next `:`, however many segments it has. */
const ITEM_PATH = /:\/[^:]*:/g;

/**
 * Whether `text` is `pieces` with one or more characters in place of each gap
 * between them. Each middle piece is taken at its leftmost place, which leaves
 * the most room for the pieces after it, so no choice is ever revisited.
 */
function segmentMatches(pieces: readonly string[], text: string): boolean {
  const first = pieces[0]!;
  if (pieces.length === 1) return text === first;
  const last = pieces[pieces.length - 1]!;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  const end = text.length - last.length;
  let at = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    const found = text.indexOf(piece, at + 1);
    if (found < 0 || found + piece.length >= end) return false;
    at = found + piece.length;
  }
  return end - at >= 1;
}

function splitSegments(path: string): string[] {
  return (path.startsWith('/') ? path.slice(1) : path).split('/');
}

/** Segments of a documented path, keeping a `/` inside `{}` in its placeholder. */
function splitOutsideBraces(path: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let start = path.startsWith('/') ? 1 : 0;
  for (let i = start; i < path.length; i++) {
    const ch = path[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '/' && depth === 0) {
      segments.push(path.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(path.slice(start));
  return segments;
}

/**
 * The path as compared: query removed, percent-decoded, without `microsoft.graph.`
 * qualifiers, argument and key lists `(...)` (nested ones too), whitespace and
 * trailing slashes, lower case; a drive item's path (`root:/FolderA/FileB.txt:`,
 * `{parent-id}:/{filename}:`) as one segment.
 */
function normalize(path: string): string {
  let out = stripQuery(path);
  try {
    out = decodeURI(out);
  } catch {
    // keep as written
  }
  out = withoutGroups(out.replace(/microsoft\.graph\./gi, '')).replace(/\s+/g, '').replace(ITEM_PATH, ':/p:').toLowerCase();
  let end = out.length;
  while (end > 0 && out[end - 1] === '/') end--;
  return out.slice(0, end) || '/';
}

/** The text without its balanced `(...)` groups; an unclosed `(` stays. */
function withoutGroups(text: string): string {
  const out: string[] = [];
  const opens: number[] = [];
  for (const ch of text) {
    if (ch === '(') opens.push(out.length);
    else if (ch === ')' && opens.length > 0) {
      out.length = opens.pop()!;
      continue;
    }
    out.push(ch);
  }
  return out.join('');
}

/** A path's segments after its `?query` is cut off, each without function arguments and in lower case (`itemAt(index=1)`: `itemat`). */
export function bareSegments(path: string): string[] {
  return path.replace(/\?.*$/, '').split('/').map(bareSegment);
}

/** A segment without its function arguments, in lower case. */
export function bareSegment(segment: string): string {
  return segment.replace(/\(.*$/, '').toLowerCase();
}

/** Drops `?query` and `#fragment`, keeping a `?` inside `{}` or `()`. */
function stripQuery(path: string): string {
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') depth = Math.max(0, depth - 1);
    else if ((ch === '?' || ch === '#') && depth === 0) return path.slice(0, i);
  }
  return path;
}
