/**
 * Annotation comments (`<!-- { "blockType": ... } -->`) that are not a JSON
 * object (even after the slips the docs tooling forgives: trailing commas,
 * single quotes), or whose `blockType` is none the docs tooling knows.
 * Known block types: the ones API Doctor reads (resource, request, response,
 * ignored, example, simulatedResponse, testParams, and today's permissions).
 *
 * ok:     <!-- { "blockType": "ignored" } -->
 * not ok: <!-- { "blockType": "samples" } --> → Unexpected blockType `samples`, expected one of request, response, resource, ignored, example
 */
import type { ParseError } from 'jsonc-parser';
import { commaSpot, describeError, parseJsonTree, parseLooseJson } from '../../extract/json-text.js';
import { annotationComments, innerPosition, type AnnotationComment } from '../annotations.js';
import type { CheckContext } from '../context.js';
import { didYouMean } from '../did-you-mean.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const KNOWN_BLOCK_TYPES = ['request', 'response', 'resource', 'ignored', 'example', 'simulatedResponse', 'testParams', 'permissions'];

export const annotationInvalid = defineRule({
  id: 'annotation-invalid',
  description: 'Annotation comments are JSON objects with a known blockType.',
  defaultLevel: 'error',
  supersedes: ['annotation-invalid'],
  check: (ctx) => ctx.pages.flatMap((page) => annotationComments(ctx, page.file).flatMap((comment) => checkComment(ctx, comment))),
});

function checkComment(ctx: CheckContext, comment: AnnotationComment): RuleFinding[] {
  const value = parseLooseJson(comment.inner);
  if (value === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) {
    const errors: ParseError[] = [];
    parseJsonTree(comment.inner, errors, { allowTrailingComma: true });
    const error = errors[0];
    const offset = error ? commaSpot(comment.inner, error) : 0;
    const found = error ? describeError(comment.inner, error).replace('end of JSON', 'end of comment') : 'value that is not an object';
    return [{ at: innerPosition(ctx, comment, offset), message: `Unexpected ${found} in annotation comment, expected a JSON object such as \`{ "blockType": "request" }\``, key: comment.inner.replace(/\s+/g, ' ') }];
  }
  const blockType = (value as Record<string, unknown>)['blockType'];
  if (blockType === undefined) return [];
  const known = typeof blockType === 'string' && KNOWN_BLOCK_TYPES.some((k) => k.toLowerCase() === blockType.trim().toLowerCase());
  if (known) return [];
  const written = typeof blockType === 'string' ? blockType : JSON.stringify(blockType);
  const index = comment.inner.indexOf(typeof blockType === 'string' ? `"${blockType}"` : 'blockType');
  return [
    {
      at: innerPosition(ctx, comment, Math.max(0, index)),
      message: `Unexpected blockType \`${written}\`, expected one of ${KNOWN_BLOCK_TYPES.slice(0, 5).join(', ')}${didYouMean(written, KNOWN_BLOCK_TYPES)}`,
      key: `blockType=${written}`,
    },
  ];
}
