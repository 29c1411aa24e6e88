/**
 * An example request body leaves out a property its request-body table marks
 * required row by row: a Required column, or a "Required." description. A
 * sentence introducing the table ("the properties that are required") does not
 * make every row required: pages use it above tables of optional rows. Never
 * required: read-only properties (by the row or the resource type's table),
 * the key property, and the server-set `id`, `createdDateTime` and
 * `lastModifiedDateTime`. `x@odata.bind` satisfies `x`. Truncated bodies and
 * update (PATCH) requests, which send only what changes, are not checked.
 *
 * ok:     table `displayName` Required; body `{"displayName": "x"}`
 * not ok: body `{}` → Unexpected request body without required property `displayName`, expected it as the request-body table says (line 20)
 */
import type { PropertyFacts } from '../../extract/facts.js';
import type { CheckContext } from '../context.js';
import { exampleMessages, type ExampleMessage } from '../examples.js';
import { keyOf, locateJson } from '../json-locate.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const exampleRequiredMissing = defineRule({
  id: 'example-required-missing',
  description: 'Example request bodies include every property the request-body table marks required.',
  defaultLevel: 'error',
  check: (ctx) => exampleMessages(ctx).flatMap((item) => (item.role === 'request' ? checkRequest(ctx, item) : [])),
});

const SERVER_SET = new Set(['id', 'createddatetime', 'lastmodifieddatetime']);

function checkRequest(ctx: CheckContext, item: ExampleMessage): RuleFinding[] {
  const rows = item.operation.requestBody;
  const body = item.message.body;
  // An update sends only what changes: rows marked required describe the resource, not the PATCH body.
  const isUpdate = item.operation.kind === 'update' || item.message.method === 'PATCH';
  if (!rows?.length || !body?.parsed || item.message.truncated || isUpdate) return [];
  const required = rows.filter((row) => row.required === true && !serverSet(ctx, item, row));
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

/** Read-only, key or server-set: a client never has to send it. */
function serverSet(ctx: CheckContext, item: ExampleMessage, row: PropertyFacts): boolean {
  if (row.readOnly || SERVER_SET.has(row.name.toLowerCase())) return true;
  const resource = item.linked?.resource;
  const index = ctx.types(item.page.apiVersion);
  const type = resource ? index.get(resource) : undefined;
  if (!type) return false;
  if (type.keyProperty === row.name) return true;
  return index.properties(type).get(row.name)?.readOnly === true;
}
