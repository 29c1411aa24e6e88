/**
 * An example request or response block without the annotation comment the
 * docs tooling reads (`<!-- { "blockType": "request", "name": "..." } -->`):
 * without it the example is not paired, named or tested, and its response
 * type is not declared. Found on the real corpus: about 7,000 such blocks,
 * mostly on generated Intune pages, hence `warn` by default.
 *
 * ok:     <!-- { "blockType": "request", "name": "get_user" } --> before ```http GET ...
 * not ok: ```http GET ... alone → Unexpected request block without an annotation comment, expected `<!-- { "blockType": "request", "name": "..." } -->` before it
 */
import { exampleMessages } from '../examples.js';
import { defineRule } from '../rule.js';

export const exampleAnnotationMissing = defineRule({
  id: 'example-annotation-missing',
  description: 'Example request and response blocks carry a blockType annotation comment.',
  defaultLevel: 'warn',
  levelReason: 'A convention the docs tooling relies on, missing on about 7,000 legacy example blocks of the corpus; worth fixing page by page, not blocking.',
  check: (ctx) =>
    exampleMessages(ctx)
      .filter((item) => item.message.annotation === null)
      .map((item) => ({
        at: item.message.source,
        message: `Unexpected ${item.role} block without an annotation comment, expected \`<!-- { "blockType": "${item.role}"${item.role === 'request' ? ', "name": "..."' : ''} } -->\` before it`,
        key: `${item.example.name}/${item.role}`,
      })),
});
