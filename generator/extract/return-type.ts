/**
 * The return type where the Response prose names none: from the example
 * responses (the annotation's `@odata.type` or `@type`, plain or
 * `Collection(...)`, unless it names only `entity` and the body says more; the
 * body's `@odata.context`, a `value` array's `@odata.type`, the body's own
 * `@odata.type`), or a primitive
 * the prose states in words ("a `true` value is returned" → Edm.Boolean, "a
 * base-64 string" → Edm.String). Each says where it came from.
 */
import type { SourceRef } from '../model/diagnostic.js';
import type { ExampleFacts, HttpMessageFacts, TypeRefFacts } from './facts.js';
import { typeRefOf } from './type-cell.js';

export interface FoundType {
  type: TypeRefFacts;
  source: SourceRef;
}

/** The type the first successful example response with a body shows, or null. */
export function typeFromExamples(examples: readonly ExampleFacts[]): FoundType | null {
  for (const example of examples) {
    const response = example.response;
    if (!response || !isSuccess(response)) continue;
    const annotated = annotatedType(response);
    const type = bodyType(response);
    // An annotation naming only the root `entity` says less than the body's own type.
    if (annotated && !(type && annotated.name === 'microsoft.graph.entity')) return { type: annotated, source: response.annotation!.source };
    if (type) return { type, source: response.body?.source ?? response.source };
  }
  return null;
}

/** A response with no status line or a 2xx one that may carry a body (not 204). */
export function isSuccess(response: HttpMessageFacts): boolean {
  return response.status === undefined || (response.status >= 200 && response.status <= 299 && response.status !== 204);
}

/** The annotation's `@odata.type` (or `@type`, as some pages write it): `microsoft.graph.site`, `Collection(microsoft.graph.site)`. */
function annotatedType(response: HttpMessageFacts): TypeRefFacts | null {
  const value = response.annotation?.value;
  const written = value?.['@odata.type'] ?? value?.['@type'];
  if (typeof written !== 'string') return null;
  const collection = /^Collection\((.*)\)$/.exec(written.trim());
  const name = (collection?.[1] ?? written).trim();
  if (!/^[A-Za-z][\w.]*$/.test(name)) return null;
  const isCollection = collection !== null || value?.['isCollection'] === true || value?.['isCollection'] === 'true';
  return typeRefOf(name, isCollection);
}

/** The type a response body names: its `@odata.context`, a `value` array's items' or its own `@odata.type` (a `value` array is a collection). */
export function bodyType(response: HttpMessageFacts): TypeRefFacts | null {
  const body = response.body?.json;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  const context = typeof record['@odata.context'] === 'string' ? /\$metadata#(.+)$/.exec(record['@odata.context'])?.[1] : undefined;
  const fromContext = context ? contextType(context) : null;
  if (fromContext) return fromContext;
  const items = record['value'];
  if (Array.isArray(items)) {
    const first = items.find((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && typeof (item as Record<string, unknown>)['@odata.type'] === 'string');
    return first ? odataType(first['@odata.type'] as string, true) : null;
  }
  if (typeof items === 'boolean' && Object.keys(record).every((key) => key === 'value' || key.startsWith('@odata.'))) return typeRefOf('Edm.Boolean', false);
  return typeof record['@odata.type'] === 'string' ? odataType(record['@odata.type'], false) : null;
}

/** `Collection(microsoft.graph.user)`, `microsoft.graph.user`, `Edm.Boolean`: a type; entity-set paths (`users/$entity`) name none. */
function contextType(context: string): TypeRefFacts | null {
  const collection = /^Collection\(([A-Za-z][\w.]*)\)$/.exec(context);
  if (collection) return typeRefOf(collection[1]!, true);
  return /^(microsoft\.graph\.[\w.]+|Edm\.\w+)$/.test(context) ? typeRefOf(context, false) : null;
}

function odataType(written: string, isCollection: boolean): TypeRefFacts | null {
  const name = written.replace(/^#/, '');
  return /^[A-Za-z][\w.]*\.[A-Za-z]\w*$/.test(name) ? typeRefOf(name, isCollection) : null;
}

/**
 * A primitive a sentence of the Response prose states in words, or null. Only
 * sentences about what a success returns count: not those about errors or
 * malformed input ("Invalid base64 string for MIME content").
 */
export function primitiveInProse(sentences: readonly string[]): TypeRefFacts | null {
  for (const text of sentences) {
    if (/\b(error|invalid|malformed|fails?)\b/i.test(text)) continue;
    if (/\b(a|the)\s+`?(true|false)`?\s+value\b|\breturns?\s+`?(true|false)`?(?!\w)|\bboolean value\b/i.test(text)) return typeRefOf('Edm.Boolean', false);
    if (/\b(returns?|response body)\b/i.test(text) && /\bbase-?64(-encoded)?\s+(encoded\s+)?string\b/i.test(text)) return typeRefOf('Edm.String', false);
  }
  return null;
}
