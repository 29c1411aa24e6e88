/**
 * A page whose examples write `@odata.type` both with `#` (OData's form) and
 * without it: one finding per page, at the first value without `#`. Both forms
 * are accepted by Graph, so this is a style point, off by default.
 *
 * ok:     every `@odata.type` on the page written `#microsoft.graph.x`
 * not ok: `"@odata.type": "microsoft.graph.x"` beside `"#microsoft.graph.y"` → Unexpected `@odata.type` `microsoft.graph.x` without `#` (1 of 2 values on this page), expected `#microsoft.graph.x` as OData and the page's other examples write it
 */
import type { CheckContext } from '../context.js';
import { walkExamples } from '../example-walk.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const exampleOdataTypeHash = defineRule({
  id: 'example-odata-type-hash',
  description: 'Example @odata.type values on a page are written the same way, with `#` (one finding per page).',
  defaultLevel: 'off',
  levelReason: 'Graph accepts both forms; about 1,400 corpus pages mix them. A style point a repository can turn on.',
  check: (ctx) => hashConsistency(ctx),
});

/** One finding per page that writes `@odata.type` both ways, at the first value without `#`. */
function hashConsistency(ctx: CheckContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const values of walkExamples(ctx).odataTypes.values()) {
    const withHash = values.filter((v) => v.value.startsWith('#')).length;
    const without = values.filter((v) => !v.value.startsWith('#') && v.value.trim() !== '');
    if (withHash === 0 || without.length === 0) continue;
    const first = without[0]!;
    out.push({
      at: first.at,
      message: `Unexpected \`@odata.type\` \`${first.value}\` without \`#\` (${without.length} of ${without.length + withHash} values on this page), expected \`#${first.value}\` as OData and the page's other examples write it`,
      key: 'hash-consistency',
    });
  }
  return out;
}

