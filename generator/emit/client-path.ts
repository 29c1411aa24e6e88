/**
 * HTTP request paths as the docs write them (`/users/{id | userPrincipalName}/messages`)
 * → a path template for the `path` tag of the runtime: literal text percent-encoded
 * at generation time, each `{param}` a substitution of a safe identifier.
 */
import { claimKey, placeholderKey } from './client-path-keys.js';

export interface PathParameter {
  /** The name between the braces, as written (`id | userPrincipalName`). */
  wire: string;
  /** Key in the generated params object (`userId` for `/users/{id | userPrincipalName}`: `client-path-keys.ts`). */
  key: string;
}

export interface PathTemplate {
  /** The path as written, normalised (no host, no version), for docs. */
  display: string;
  /** Literal chunks around the substitutions: `chunks.length === slots.length + 1`. */
  chunks: string[];
  /** Key of each substitution, in order. */
  slots: string[];
  /** One per substitution, in order: no two share a key (a name written twice gets two keys). */
  parameters: PathParameter[];
}

/** `{name}`, or `<name>` as some pages write it (a literal `<` cannot be in a URL anyway). */
const PLACEHOLDER = /\{([^{}]*[^{}\s][^{}]*)\}|<([A-Za-z][^<>{}/]*)>/g;

/** Null when nothing usable is left of the path. */
export function parsePath(raw: string, apiVersion: string): PathTemplate | null {
  const display = normalise(raw, apiVersion);
  if (display === null) return null;
  const parameters: PathParameter[] = [];
  const used = new Set<string>();
  const chunks: string[] = [];
  const slots: string[] = [];
  let last = 0;
  for (const match of display.matchAll(PLACEHOLDER)) {
    const wire = (match[1] ?? match[2] ?? '').trim();
    const parameter = { wire, key: claimKey(placeholderKey(wire, display.slice(0, match.index)), used) };
    parameters.push(parameter);
    chunks.push(encodeLiteral(display.slice(last, match.index)));
    slots.push(parameter.key);
    last = match.index + match[0].length;
  }
  chunks.push(encodeLiteral(display.slice(last)));
  return { display, chunks, slots, parameters };
}

/** The body of the tagged template, substituting `<object>.<key>`. */
export function templateText(template: PathTemplate, object: string): string {
  let out = template.chunks[0] ?? '';
  template.slots.forEach((key, index) => {
    out += '${' + `${object}.${key}` + '}' + (template.chunks[index + 1] ?? '');
  });
  return out;
}

/** Drops scheme, host and a leading `/<apiVersion>`; encodes whole `.` / `..` literal segments. */
function normalise(raw: string, apiVersion: string): string | null {
  if (raw.trim() === '') return null;
  let text = raw.trim().replace(/^https?:\/\/[^/?#]*/i, '');
  const version = `/${apiVersion}`;
  if (text === version || text.startsWith(`${version}/`) || text.startsWith(`${version}?`)) text = text.slice(version.length);
  if (!text.startsWith('/')) text = `/${text}`;
  const queryAt = text.indexOf('?');
  const pathPart = queryAt === -1 ? text : text.slice(0, queryAt);
  const rest = queryAt === -1 ? '' : text.slice(queryAt);
  const segments = pathPart.split('/').map((segment) => (/^\.+$/.test(segment) ? '%2E'.repeat(segment.length) : segment));
  return segments.join('/') + rest;
}

/**
 * Literal path text: keeps RFC 3986 path and query characters and existing
 * `%XX` escapes, encodes everything else (spaces, `#`, backticks, braces,
 * backslashes), so the text is also safe inside a template literal.
 */
function encodeLiteral(text: string): string {
  return text.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/gu, (char) =>
    [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** Lower case, letters and digits only: how parameter tables and paths are matched. */
export function looseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
