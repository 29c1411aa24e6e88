/**
 * The top-level keys of a parsed example body, each with its value and the
 * page position of its opening quote (the body's `source` gives the first
 * character, the page text the indentation of the lines after it).
 */
import type { SourceRef } from '../model/diagnostic.js';
import type { BodyFacts } from './facts.js';
import type { PageContext } from './context.js';
import { pageLine } from './code-position.js';
import { parseJsonTree, scanJson } from './json-text.js';

export interface BodyKey {
  name: string;
  value: unknown;
  source: SourceRef;
}

export function bodyKeys(ctx: PageContext, body: BodyFacts): BodyKey[] {
  const json = body.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return [];
  const root = parseJsonTree(scanJson(body.raw).blanked, [], { allowTrailingComma: true, disallowComments: false });
  const out: BodyKey[] = [];
  for (const property of root?.type === 'object' ? (root.children ?? []) : []) {
    const key = property.children?.[0];
    if (typeof key?.value !== 'string' || !Object.hasOwn(json, key.value)) continue;
    out.push({ name: key.value, value: (json as Record<string, unknown>)[key.value], source: positionIn(ctx, body, key.offset) });
  }
  return out;
}

function positionIn(ctx: PageContext, body: BodyFacts, offset: number): SourceRef {
  const before = body.raw.slice(0, offset).split('\n');
  const k = before.length - 1;
  const column = before[k]!.length;
  if (k === 0) return { ...body.source, column: body.source.column + column };
  const line = body.source.line + k;
  const rawLine = body.raw.split('\n')[k] ?? '';
  const page = body.source.file === ctx.file ? pageLine(ctx, line) : rawLine;
  const prefix = rawLine !== '' && page.endsWith(rawLine) ? page.length - rawLine.length : 0;
  return { file: body.source.file, line, column: prefix + column + 1 };
}
