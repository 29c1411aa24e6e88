/**
 * Example request URLs against the paths of a page's HTTP request section:
 * host, API version, query and fragment removed; `{param}` segments match
 * anything (also OData key syntax `('...')`); `microsoft.graph.` qualifiers,
 * function argument lists `(...)` and case are ignored (pages often write a
 * function's path without its arguments and the example with them).
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

/** A documented path as a matcher for example paths. */
export function pathMatcher(documented: string): RegExp {
  const normal = normalize(documented);
  let pattern = '';
  let last = 0;
  for (const match of normal.matchAll(/\/?\{[^{}]*\}/g)) {
    pattern += escape(normal.slice(last, match.index));
    pattern += match[0].startsWith('/') ? '(?:/.+?|\\(.+?\\))' : '.+?';
    last = match.index + match[0].length;
  }
  pattern += escape(normal.slice(last));
  return new RegExp(`^${pattern}$`);
}

function normalize(path: string): string {
  let out = stripQuery(path);
  try {
    out = decodeURI(out);
  } catch {
    // keep as written
  }
  return out.replace(/microsoft\.graph\./gi, '').replace(/\([^()]*\)/g, '').replace(/\/+$/, '').replace(/\s+/g, '').toLowerCase() || '/';
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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
