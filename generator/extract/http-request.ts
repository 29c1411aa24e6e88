/**
 * The "HTTP request" section(s): every `METHOD /path` line of their code blocks,
 * with host and version removed and `{param}` names collected.
 */
import type { Code, RootContent } from 'mdast';
import type { HttpRequestFacts } from './facts.js';
import { report, type PageContext } from './context.js';
import { contentOf, flattenBlocks } from './api-sections.js';
import { codeLineSource } from './code-position.js';
import type { Section } from './sections.js';

const METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b\s*(.*)$/i;
/** Languages a request-syntax block is written in; other blocks (C#, JSON) are prose samples. */
const HTTP_LANGS = new Set(['', 'http', 'https', 'msgraph-interactive', 'text', 'rest', 'console']);

export function readHttpRequests(ctx: PageContext, sections: Section[]): HttpRequestFacts[] {
  const declared = readBlocks(ctx, httpBlocks(contentOf(sections, /^http request/i)));
  return declared.length > 0 ? declared : readBlocks(ctx, syntaxBlocksElsewhere(sections));
}

function httpBlocks(nodes: RootContent[]): Code[] {
  return flattenBlocks(nodes).filter((node): node is Code => node.type === 'code' && HTTP_LANGS.has((node.lang ?? '').toLowerCase()));
}

/**
 * Pages without an "HTTP request" heading (`site-get`) write the syntax under
 * other headings: blocks before the examples whose every line is `METHOD /path`.
 */
function syntaxBlocksElsewhere(sections: Section[]): Code[] {
  const firstExample = sections.findIndex((s) => s.heading !== null && /^(examples?|requests?)\b/i.test(s.title));
  const before = firstExample < 0 ? sections : sections.slice(0, firstExample);
  return httpBlocks(before.flatMap((s) => s.nodes)).filter((code) => {
    const lines = code.value.split('\n').filter((line) => line.trim() !== '');
    return lines.length > 0 && lines.every((line) => /^\s*(GET|POST|PUT|PATCH|DELETE)\s+~?\/\S/i.test(line));
  });
}

function readBlocks(ctx: PageContext, blocks: Code[]): HttpRequestFacts[] {
  const out: HttpRequestFacts[] = [];
  const seen = new Set<string>();
  for (const code of blocks) {
    code.value.split('\n').forEach((rawLine, index) => {
      const request = readRequestLine(ctx, code, rawLine, index);
      if (!request) return;
      const key = `${request.method} ${request.path}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(request);
    });
  }
  return out;
}

function readRequestLine(ctx: PageContext, code: Code, rawLine: string, index: number): HttpRequestFacts | null {
  const line = rawLine.trim();
  if (line === '' || /^(\/\/|#|<!--|or$)/i.test(line)) return null;
  const source = codeLineSource(ctx, code, index);
  const match = METHOD.exec(line);
  if (!match) {
    if (/^(https?:|~?\/)/i.test(line)) {
      report(ctx, 'http-request-method-missing', 'warning', `Unexpected \`${line}\` without an HTTP method, expected \`METHOD /path\``, source);
    }
    return null;
  }
  const method = (match[1] ?? '').toUpperCase();
  const path = normalizePath(match[2] ?? '');
  if (path === null) {
    report(ctx, 'http-request-path-invalid', 'warning', `Unexpected \`${line}\`, expected \`${method} /path\` with a resource path`, source);
    return null;
  }
  return { method, path, pathParameters: pathParameters(path), source };
}

/**
 * `https://graph.microsoft.com/v1.0/users/{id}?$select=x HTTP/1.1` → `/users/{id}`.
 * Null when what follows the method is not a path.
 */
export function normalizePath(written: string): string | null {
  let path = written
    .trim()
    .replace(/(?<!\s)\s+HTTP\/\d(\.\d)?$/i, '')
    .replace(/^https?:\/\/[^/\s]+/i, '')
    .replace(/^~/, '');
  path = stripQuery(path).trim();
  if (!path.startsWith('/')) path = `/${path}`;
  path = path.replace(/^\/(v1\.0|beta)(?=\/|$)/i, '');
  if (path === '') path = '/';
  if (!/^\/[\w{$.@(~:'-]|^\/$/.test(path) || /\*\*/.test(path)) return null;
  return path;
}

/** Drops `?query`, keeping a `?` that sits inside `{}` or `()`. */
function stripQuery(path: string): string {
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '{' || ch === '(') depth++;
    else if (ch === '}' || ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === '?' && depth === 0) return path.slice(0, i);
  }
  return path;
}

/** Names inside `{}` in order: `{id | userPrincipalName}` → `id|userPrincipalName`. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^{}]*)\}/g)].map((match) => (match[1] ?? '').trim().replace(/(?:(?<!\s)\s+)?\|\s*/g, '|'));
}
