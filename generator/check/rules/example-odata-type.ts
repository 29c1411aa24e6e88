/**
 * `@odata.type` in examples: a value naming a type no page documents, naming a
 * type that is neither the expected one nor derived from it, spelled with other
 * casing than its page. Also a response annotation's `@odata.type` that no
 * page documents. A value written without `#` beside ones with it is
 * `example-odata-type-hash`'s (a style point, off by default).
 *
 * ok:     `"@odata.type": "#microsoft.graph.fileAttachment"` where an attachment is expected
 * not ok: `"@odata.type": "#microsoft.graph.user"` there → Unexpected `@odata.type` `#microsoft.graph.user`, expected `microsoft.graph.attachment` or a type derived from it
 */
import type { CheckContext } from '../context.js';
import { didYouMean } from '../did-you-mean.js';
import { exampleMessages } from '../examples.js';
import { unwrapCollection } from '../type-index.js';
import { defineRule, type RuleFinding } from '../rule.js';
import { walkFindings } from './walk-findings.js';

const id = 'example-odata-type';

export const exampleOdataType = defineRule({
  id,
  description: 'Example @odata.type values name documented types derived from the expected one.',
  defaultLevel: 'error',
  check: (ctx) => [...walkFindings(ctx, id), ...annotationTypes(ctx)],
});

function annotationTypes(ctx: CheckContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const item of exampleMessages(ctx)) {
    const annotation = item.message.annotation;
    const written = annotation?.value?.['@odata.type'];
    if (item.role !== 'response' || typeof written !== 'string' || written.trim() === '') continue;
    const { name } = unwrapCollection(written.replace(/^#/, ''));
    if (/^(edm\.)?(string|boolean|int16|int32|int64|double|single|decimal|guid|datetimeoffset|date|timeofday|duration|binary|stream|byte|sbyte)$/i.test(name)) continue;
    const index = ctx.types(item.page.apiVersion);
    if (index.lookup(name)) continue;
    const line = findLine(ctx, annotation!.source.file, annotation!.source.line, written);
    const names = [...index.all()].filter((t) => t.origin === 'documented').map((t) => t.fullName);
    out.push({
      at: line,
      message: `Unexpected annotation \`@odata.type\` \`${written}\` that no page documents, expected a documented type${didYouMean(name, names)}`,
      key: `${item.example.name}/annotation`,
    });
  }
  return out;
}

function findLine(ctx: CheckContext, file: string, from: number, needle: string) {
  for (let line = from; line < from + 10; line++) {
    const index = ctx.line(file, line).indexOf(needle);
    if (index >= 0) return { file, line, column: index + 1 };
  }
  return { file, line: from, column: 1 };
}
