/**
 * The JSON representation block: the code block annotated `blockType: resource`
 * (preferably in the "JSON representation" section), its annotation and its body.
 */
import type { Code } from 'mdast';
import { parseTree, type ParseError } from 'jsonc-parser';
import type { SourceRef } from '../model/diagnostic.js';
import { at, report, type PageContext } from './context.js';
import type { AnnotationFacts, BodyFacts, JsonRepresentationFacts } from './facts.js';
import { annotatedCodeBlocks, annotationString, type AnnotatedCode } from './annotation.js';
import { findSection, sectionContent } from './sections.js';
import { commaSpot, parseLooseJson, placeError, tooDeepAt } from './json-text.js';
import { tooDeepMessage } from './example-body.js';
import { codeLineSource } from './code-position.js';

const JSON_SECTION = /^json representation$/i;

export function readJsonRepresentation(ctx: PageContext): JsonRepresentationFacts | null {
  const block = findResourceBlock(ctx);
  if (!block) return null;
  return { annotation: block.annotation, body: readBody(ctx, block.code), source: at(ctx, block.code) };
}

/**
 * The resource block: the first `blockType: resource` block of the JSON
 * representation section, else of the page, else the section's first code block.
 */
function findResourceBlock(ctx: PageContext): AnnotatedCode | undefined {
  const blocks = annotatedCodeBlocks(ctx, ctx.tree.children);
  const section = findSection(ctx.sections, JSON_SECTION);
  const inSection = new Set(section ? sectionContent(ctx.sections, section) : []);
  const isResource = (block: AnnotatedCode) => annotationString(block.annotation, 'blockType')?.toLowerCase() === 'resource';
  return (
    blocks.find((block) => inSection.has(block.code) && isResource(block)) ??
    blocks.find(isResource) ??
    blocks.find((block) => inSection.has(block.code))
  );
}

function readBody(ctx: PageContext, code: Code): BodyFacts {
  const raw = code.value;
  const deep = tooDeepAt(raw);
  const json = raw.trim() === '' ? undefined : parseLooseJson(raw);
  const body: BodyFacts = { raw, parsed: json !== undefined, source: bodyStart(ctx, code) };
  if (deep !== undefined) {
    const before = raw.slice(0, deep).split('\n');
    report(ctx, 'json-too-deep', 'error', tooDeepMessage('JSON representation'), codeLineSource(ctx, code, before.length - 1, before.at(-1)!.length));
  } else if (json === undefined) {
    report(
      ctx,
      'json-invalid',
      'warning',
      'Unexpected JSON representation that does not parse as JSON, expected a JSON object (comments, `...` and bare words are not JSON)',
      errorAt(ctx, code, raw),
    );
  } else {
    body.json = json;
  }
  return body;
}

/** Where the first JSON error of the block is (trailing commas allowed, as the loose reading allows them; placed by `placeError`), else the block. */
function errorAt(ctx: PageContext, code: Code, raw: string): SourceRef | Code {
  const errors: ParseError[] = [];
  parseTree(raw, errors, { allowTrailingComma: true, disallowComments: true });
  const first = errors[0];
  if (!first) return code;
  // Placed as every JSON reader places it: a missing comma after the value before, a body cut short at its end.
  const before = raw.slice(0, commaSpot(raw, placeError(raw, first))).split('\n');
  return codeLineSource(ctx, code, before.length - 1, before.at(-1)!.length);
}

/** Where the body text starts: the line after the opening fence, or the block itself when indented. */
function bodyStart(ctx: PageContext, code: Code): BodyFacts['source'] {
  const start = code.position?.start;
  if (!start) return at(ctx, code);
  const fenced = /^(`{3,}|~{3,})/.test(ctx.text.slice(start.offset ?? 0, (start.offset ?? 0) + 3));
  return fenced ? at(ctx, { line: start.line + 1, column: start.column }) : at(ctx, start);
}

/** The annotation facts a resource records: key, base type, open, abstract, optional properties. */
export interface ResourceAnnotation {
  odataType?: string;
  keyProperty?: string;
  baseType?: string;
  openType?: boolean;
  isAbstract?: boolean;
  optionalProperties?: string[];
}

export function readResourceAnnotation(annotation: AnnotationFacts | null): ResourceAnnotation {
  const value = annotation?.value ?? {};
  const out: ResourceAnnotation = {};
  const odataType = annotationString(annotation, '@odata.type') ?? annotationString(annotation, '@type');
  if (odataType?.trim()) out.odataType = odataType.trim();
  const keyProperty = annotationString(annotation, 'keyProperty');
  if (keyProperty?.trim()) out.keyProperty = keyProperty.trim();
  const baseType = annotationString(annotation, 'baseType');
  if (baseType?.trim()) out.baseType = baseType.trim();
  const openType = bool(value['openType']);
  if (openType !== undefined) out.openType = openType;
  const isAbstract = bool(value['isAbstract'] ?? value['abstract']);
  if (isAbstract !== undefined) out.isAbstract = isAbstract;
  const optional = value['optionalProperties'];
  if (Array.isArray(optional)) out.optionalProperties = optional.filter((x): x is string => typeof x === 'string');
  return out;
}

function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return undefined;
}
