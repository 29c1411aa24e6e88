/**
 * Two examples of one page with the same annotation `name`: the docs build
 * and the example tests key examples by name, so the second one overwrites the
 * first. The finding points at the second one's name (the value in its
 * annotation comment).
 *
 * ok:     request `"name": "get_user"`, then request `"name": "get_user_2"`
 * not ok: request `"name": "get_user"`, then request `"name": "get_user"` → Unexpected example name `get_user` used again (first at line 33), expected a unique name
 */
import type { AnnotationFacts, ExampleFacts } from '../../extract/facts.js';
import type { SourceRef } from '../../model/diagnostic.js';
import type { CheckContext } from '../context.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const exampleNameDuplicate = defineRule({
  id: 'example-name-duplicate',
  description: 'Example names (annotation `name`) are unique per page.',
  defaultLevel: 'error',
  supersedes: ['example-name-duplicate'],
  check: (ctx) =>
    ctx.pages.flatMap((page) => {
      const out: RuleFinding[] = [];
      const named = new Map<string, SourceRef>();
      for (const example of page.operations.flatMap((operation) => operation.examples)) {
        const found = annotationName(example);
        if (!found) continue;
        const at = nameAt(ctx, found.annotation) ?? example.source;
        const first = named.get(found.name);
        if (first) out.push({ at, message: `Unexpected example name \`${found.name}\` used again (first at line ${first.line}), expected a unique name`, key: found.name });
        else named.set(found.name, at);
      }
      return out;
    }),
});

function annotationName(example: ExampleFacts): { name: string; annotation: AnnotationFacts } | undefined {
  for (const message of [example.request, example.response]) {
    const name = message?.annotation?.value?.['name'];
    if (message?.annotation && typeof name === 'string' && name.trim() !== '') return { name: name.trim(), annotation: message.annotation };
  }
  return undefined;
}

/** The opening quote of the `"name"` value in the annotation comment. */
function nameAt(ctx: CheckContext, annotation: AnnotationFacts): SourceRef | undefined {
  const { file, line } = annotation.source;
  for (let at = line; at < line + annotation.raw.split('\n').length + 1; at++) {
    const match = /"name"\s*:\s*"/.exec(ctx.line(file, at));
    if (match) return { file, line: at, column: match.index + match[0].length };
  }
  return undefined;
}
