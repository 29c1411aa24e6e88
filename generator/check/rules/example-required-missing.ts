/**
 * An example request body leaves out a property the request-body table marks
 * required: by a Required column, a "Required." description, or a table
 * introduced as "the properties that are required" (each row then counts
 * unless it says "Optional."). Update (PATCH) pages are checked only for rows
 * marked one by one: the blanket sentence there is boilerplate about create.
 * `x@odata.bind` satisfies `x`. Truncated bodies are not checked.
 *
 * ok:     table `displayName` Required; body `{"displayName": "x"}`
 * not ok: body `{}` → Unexpected request body without required property `displayName`, expected it as the request-body table says (line 20)
 */
import type { PropertyFacts } from '../../extract/facts.js';
import type { CheckContext } from '../context.js';
import { exampleMessages, type ExampleMessage } from '../examples.js';
import { keyOf, locateJson } from '../json-locate.js';
import { tableIntroSaysRequired } from '../request-body-intro.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const exampleRequiredMissing = defineRule({
  id: 'example-required-missing',
  description: 'Example request bodies include every property the request-body table marks required.',
  defaultLevel: 'error',
  check: (ctx) => exampleMessages(ctx).flatMap((item) => (item.role === 'request' ? checkRequest(ctx, item) : [])),
});

function checkRequest(ctx: CheckContext, item: ExampleMessage): RuleFinding[] {
  const rows = item.operation.requestBody;
  const body = item.message.body;
  if (!rows?.length || !body?.parsed || item.message.truncated) return [];
  const isUpdate = item.operation.kind === 'update' || item.message.method === 'PATCH';
  const explicit = rows.filter((row) => row.required === true);
  const required = explicit.length || isUpdate ? explicit : blanket(ctx, item, rows);
  if (required.length === 0) return [];
  const json = locateJson(ctx, body);
  if (json.root?.type !== 'object') return [];
  const keys = new Set((json.root.children ?? []).map((member) => (keyOf(member) ?? '').replace(/@odata\.bind$/, '')));
  return required
    .filter((row) => !keys.has(row.name))
    .map((row) => ({
      at: json.at(json.root!.offset),
      message: `Unexpected request body without required property \`${row.name}\`, expected it as the request-body table says (line ${row.source.line})`,
      key: `${item.example.name}:${row.name}`,
    }));
}

function blanket(ctx: CheckContext, item: ExampleMessage, rows: PropertyFacts[]): PropertyFacts[] {
  return tableIntroSaysRequired(ctx, item.page.file) ? rows.filter((row) => row.required !== false) : [];
}
