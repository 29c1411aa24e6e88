/**
 * Path patterns for selective generation (`include` / `exclude` in the config),
 * in the style of Kiota's include paths:
 *
 *   /users/{id}/messages/**    every path under a user's messages, any method
 *   /me/sendMail#POST          one path, POST only
 *   /users/{id}#GET,PATCH      one path, two methods
 *
 * A `{...}` or `*` segment matches any one path segment, `**` any number of
 * them (none included); other segments match literally, ignoring case.
 * `#METHODS` restricts the HTTP methods. A doc path's query string and
 * trailing slash are ignored.
 */

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

type Segment = { kind: 'literal'; text: string } | { kind: 'one' } | { kind: 'any' };

export interface PathPattern {
  /** As written in the config. */
  text: string;
  segments: Segment[];
  /** Upper-case methods, or null for any. */
  methods: string[] | null;
}

/** A pattern, or the problem with it ("Unexpected X, expected Y"). */
export function parsePathPattern(text: string): PathPattern | { problem: string } {
  const hash = text.indexOf('#');
  const pathText = (hash < 0 ? text : text.slice(0, hash)).trim();
  const methodText = hash < 0 ? null : text.slice(hash + 1);
  if (!pathText.startsWith('/')) return { problem: `Unexpected ${JSON.stringify(pathText.slice(0, 20))}, expected a path starting with "/"` };
  let methods: string[] | null = null;
  if (methodText !== null) {
    methods = methodText.split(',').map((method) => method.trim().toUpperCase());
    const bad = methods.find((method) => !(HTTP_METHODS as readonly string[]).includes(method));
    if (bad !== undefined) return { problem: `Unexpected method ${JSON.stringify(bad)}, expected ${HTTP_METHODS.join(', ')} (comma-separated)` };
  }
  const segments: Segment[] = [];
  for (const part of splitPath(pathText)) {
    if (part === '**') segments.push({ kind: 'any' });
    else if (part === '*' || /^\{[^{}]*\}$/.test(part)) segments.push({ kind: 'one' });
    else if (/[*{}]/.test(part)) return { problem: `Unexpected segment ${JSON.stringify(part)}, expected "*", "**", "{name}" or a literal without "*", "{" and "}"` };
    else segments.push({ kind: 'literal', text: part.toLowerCase() });
  }
  return { text, segments, methods };
}

/** Whether a doc path (`/users/{id | userPrincipalName}/messages?$select=x`) with this method matches. */
export function matchesPath(pattern: PathPattern, docPath: string, method: string): boolean {
  if (pattern.methods && !pattern.methods.includes(method.toUpperCase())) return false;
  const parts = splitPath(docPath.replace(/[?#].*$/s, '')).map((part) => part.toLowerCase());
  return matchFrom(pattern.segments, 0, parts, 0);
}

function matchFrom(segments: readonly Segment[], s: number, parts: readonly string[], p: number): boolean {
  // Iterative over literals and single segments; `**` tries each split (patterns are short).
  while (s < segments.length) {
    const segment = segments[s]!;
    if (segment.kind === 'any') {
      for (let skip = p; skip <= parts.length; skip++) if (matchFrom(segments, s + 1, parts, skip)) return true;
      return false;
    }
    if (p >= parts.length) return false;
    if (segment.kind === 'literal' && segment.text !== parts[p]) return false;
    s++;
    p++;
  }
  return p === parts.length;
}

/** `/a/{b c}/d/` → `a`, `{b c}`, `d`: slashes inside braces do not split. */
function splitPath(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    if (char === '/' && depth === 0) {
      if (current !== '') parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}
