/**
 * Example request or response blocks without the annotation comment the docs
 * tooling reads (`<!-- { "blockType": "request", "name": "..." } -->`): one
 * finding per page, at the first such block, saying how many lack it. Off by
 * default: only repositories that test their examples (ApiDoctor) need the
 * annotations; such a repository turns the rule on in its config.
 *
 * ok:     <!-- { "blockType": "request", "name": "get_user" } --> before ```http GET ...
 * not ok: ```http GET ... alone → Unexpected 2 of 2 example blocks without an annotation comment, expected `<!-- { "blockType": "request", "name": "..." } -->` before each request and `<!-- { "blockType": "response" } -->` before each response
 */
import { exampleMessages, type ExampleMessage } from '../examples.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const exampleAnnotationMissing = defineRule({
  id: 'example-annotation-missing',
  description: 'Example request and response blocks carry a blockType annotation comment (one finding per page).',
  defaultLevel: 'off',
  levelReason: 'Only repositories that test their examples need the annotations (about 7,000 legacy blocks of the corpus lack them); such a repository sets the rule to warn or error.',
  check: (ctx) => {
    const byPage = new Map<string, ExampleMessage[]>();
    for (const item of exampleMessages(ctx)) byPage.set(item.page.file, [...(byPage.get(item.page.file) ?? []), item]);
    const out: RuleFinding[] = [];
    for (const items of byPage.values()) {
      const missing = items.filter((item) => item.message.annotation === null);
      if (missing.length === 0) continue;
      out.push({
        at: missing[0]!.message.source,
        message: `Unexpected ${missing.length} of ${items.length} example blocks without an annotation comment, expected \`<!-- { "blockType": "request", "name": "..." } -->\` before each request and \`<!-- { "blockType": "response" } -->\` before each response`,
        key: 'annotations',
      });
    }
    return out;
  },
});
