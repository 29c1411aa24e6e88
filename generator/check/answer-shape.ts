/**
 * Where a response body's shape (one object, or a `value` array) at odds with what its annotation or the Response
 * prose says is fixed: at the side the request shows is wrong. A `$filter` or a list asks for a collection, a get of
 * one item for one object; the body is then right and the annotation (or the prose) is reported, where it is edited.
 */
import type { HttpMessageFacts } from '../extract/facts.js';
import type { SourceRef } from '../model/diagnostic.js';
import { findForward, type CheckContext } from './context.js';
import type { ExampleMessage } from './examples.js';
import type { Target } from './example-target.js';

/**
 * A response annotation that says single (no `"isCollection": true`) for a body that is a `value` array: the fix is
 * the annotation, at its `@odata.type` value, unless the Response prose says single too on a page that lists nothing
 * and the example's request has no `$filter` (then the body is at odds with both, and the finding stays at the body's
 * `value`). The body's `value` array is related.
 */
export function collectionAnnotationSpot(ctx: CheckContext, item: ExampleMessage, target: Target, label: string): { at: SourceRef; message: string } | undefined {
  const annotation = item.message.annotation;
  const written = annotation?.value?.['@odata.type'];
  const prose = item.linked?.response;
  if (item.role !== 'response' || target.from !== 'annotation' || !annotation || typeof written !== 'string') return undefined;
  // A `$filter` asks for a collection (onlinemeeting-get's JoinWebUrl example): the body is right, whatever the prose says.
  if (prose?.typeFrom === 'prose' && prose.type && !prose.type.isCollection && item.linked?.kind !== 'list' && !filtered(item)) return undefined;
  return { at: findForward(ctx, annotation.source, `"${written}"`), message: `Unexpected single \`${label}\` in the response annotation, expected \`"isCollection": true\` (the body is a \`value\` array)` };
}

/**
 * A body of one object answering a get of one item (a get page's request, no `$filter`), while the annotation says
 * `"isCollection": true` (beta group-get's `$select` example) or, with no annotation type, the Response prose says a
 * collection (itemanalytics-get's "a collection of [itemAnalytics]"): the body is right, so the one finding is at the
 * annotation's `isCollection` (or its `Collection(...)` type), or at the prose's type link. Undefined otherwise (the
 * finding stays at the body).
 */
export function singleAnswerSpot(ctx: CheckContext, item: ExampleMessage, target: Target): { at: SourceRef; said: string } | undefined {
  if (item.role !== 'response' || item.linked?.kind !== 'get' || filtered(item)) return undefined;
  const annotation = item.message.annotation;
  const written = annotation?.value?.['@odata.type'];
  if (target.from === 'annotation' && annotation && typeof written === 'string') {
    const listed = /^Collection\(/.test(written);
    return { at: findForward(ctx, annotation.source, listed ? `"${written}"` : '"isCollection"'), said: listed ? `\`${written}\` in the response annotation` : '`"isCollection": true` in the response annotation' };
  }
  const link = item.operation.response?.typeSource;
  if (target.from === 'response section' && item.operation.response?.typeFrom === 'prose' && link) return { at: link, said: 'collection in the Response prose' };
  return undefined;
}

/** The example's request (or the one answered before it) has a `$filter`, which asks for a collection. */
function filtered(item: ExampleMessage): boolean {
  return /[?&]\$filter\s*=/i.test(requestOf(item)?.url ?? '');
}

/** The example's request, or for a response alone the request alone before it (answered after an ignored variant of it: onlinemeeting-get's user-token and app-token requests). */
function requestOf(item: ExampleMessage): HttpMessageFacts | null {
  const examples = item.operation.examples;
  const before = examples[examples.indexOf(item.example) - 1];
  return item.example.request ?? (before?.request && !before.response ? before.request : null);
}
