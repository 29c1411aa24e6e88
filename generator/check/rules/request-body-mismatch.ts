/**
 * A create or update page's request-body table against its resource type: a
 * row naming a property the resource type (with its base types) does not have,
 * (when the response returns that type, or an update answering 204 is titled
 * "Update <resource>", so the resource is known; properties
 * of derived types count), and a property listed twice. On open types only near-misses of
 * their properties (two edits or fewer) are findings; types with an undocumented base,
 * `@odata.type` and `x@odata.bind` rows are not checked for names, nor a row the examples spell as it does while the
 * resource's row spells it otherwise (example-unknown-property reports that row). A resource page listing `id` alone
 * while three rows or more name others is reported once, at that page (the rows related).
 *
 * ok:     `|displayName|String|...|` on Create widget, widget has `displayName`
 * not ok: `|dispalyName|String|...|` → Unexpected request-body property `dispalyName` that `microsoft.graph.widget` does not have, expected a property of the resource (did you mean `displayName`?)
 */
import { walkExamples } from '../example-walk.js';
import type { PageFacts, PropertyFacts } from '../../extract/facts.js';
import type { SourceRef } from '../../model/diagnostic.js';
import type { ModelOperation } from '../../model/ir.js';
import { cellStart, type CheckContext } from '../context.js';
import { closest, didYouMean, editDistance } from '../did-you-mean.js';
import { defineRule, type RuleFinding } from '../rule.js';

/** A path ending in an action (`/tables/add`, `/createLink`): its body holds parameters. */
const ACTION = /\/(add|create|get|set|update|remove|assign|apply|send)([A-Z]\w*)?(\(.*\))?\/?$/;

export const requestBodyMismatch = defineRule({
  id: 'request-body-mismatch',
  description: 'Request-body tables of create and update pages name properties of the resource type; body and parameter tables list each name once.',
  defaultLevel: 'warn',
  levelReason: 'Of 10 corpus findings read, 7 pointed at real problems; the resource a page names is not always the type its body documents.',
  check: (ctx) =>
    ctx.pages.flatMap((page) => {
      const linked = ctx.operations(page.file);
      return page.operations.flatMap((operation, i) => [...checkRows(ctx, page, operation.requestBody ?? [], linked[i]), ...duplicates(ctx, page, operation.parameters, 'parameter')]);
    }),
});

function checkRows(ctx: CheckContext, page: PageFacts, rows: PropertyFacts[], linked: ModelOperation | undefined): RuleFinding[] {
  const out: RuleFinding[] = [];
  // Tables under sub-headings document one derived type each (`### socialIdentityProvider object`): rows repeat by design.
  const first = rows[0]?.source.line ?? 0;
  const last = rows.at(-1)?.source.line ?? 0;
  if (page.headings.some((h) => h.source.line > first && h.source.line < last)) return out;
  out.push(...duplicates(ctx, page, rows, 'request-body'));
  const byName = new Map<string, PropertyFacts>();
  // The first row of each name in any case: a second one is reported as a duplicate only.
  for (const row of rows) if (!byName.has(row.name.toLowerCase())) byName.set(row.name.toLowerCase(), row);
  // The resource only when the response returns it: an update answering 204 may name another type first.
  // Actions that answer with a resource (`driveItem: createLink` → permission) take parameters, not its properties: the title says create or update.
  if (!linked?.resource || (linked.kind !== 'create' && linked.kind !== 'update') || !/^(create|update|add)\b/i.test(linked.title)) return out;
  if (!returnsOrNames(linked) || linked.paths.some((path) => ACTION.test(path))) return out;
  const index = ctx.types(page.apiVersion);
  const type = index.get(linked.resource);
  if (!type || type.kind === 'enum' || index.hasUnknownBase(type)) return out;
  // The body says it is another type (its `@odata.type`, the Request body prose): the rows are that type's, not the resource's.
  const body = linked.requestBodyType?.type ? index.get(linked.requestBodyType.type.name) : undefined;
  if (body && body !== type && !index.isA(body, type)) return out;
  // An open type takes properties its tables do not list: only near-misses (two edits) of listed ones are findings there.
  const open = index.isOpen(type);
  // A base type's create page lists the properties of its derived types too.
  const known = new Set(index.properties(type).keys());
  for (const derived of type.derivedTypes ?? []) {
    const found = index.get(derived);
    if (found) for (const name of index.properties(found).keys()) known.add(name);
  }
  const unknown: RuleFinding[] = [];
  for (const row of byName.values()) {
    if (known.has(row.name) || row.name.includes('@') || !/^[A-Za-z_][\w.]*$/.test(row.name)) continue;
    const near = didYouMean(row.name, known.keys());
    // The resource row spells it otherwise than the examples and this row do: example-unknown-property reports that row.
    if (rowRenamed(ctx, type.fullName, row.name, closest(row.name, known.keys()))) continue;
    if (open && ![...known.keys()].some((name) => editDistance(row.name.toLowerCase(), name.toLowerCase(), 2) <= 2)) continue;
    unknown.push({
      at: cellStart(ctx, row.source, 0),
      message: `Unexpected request-body property \`${row.name}\` that \`${type.fullName}\` does not have, expected a property of the resource${near}`,
      key: `unknown:${row.name}`,
    });
  }
  // A resource page listing `id` alone while three rows or more name other properties (an Intune "shared" page whose
  // rows are on another page): the page is what a reviewer fixes, once, the rows related.
  if (known.size === 1 && known.has('id') && unknown.length >= 3) {
    // example-unknown-property already reports that page once when the examples show it: not twice at one spot.
    if (walkExamples(ctx).findings.some((f) => f.key === `baseless:${type.fullName}` && f.at.file === type.source.file)) return out;
    const names = unknown.map((f) => f.key!.slice('unknown:'.length));
    const listed = names.slice(0, 4).map((n) => `\`${n}\``).join(', ') + (names.length > 4 ? ` (+${names.length - 4} more)` : '');
    out.push({ at: type.source, message: `Unexpected request-body properties ${listed} that \`${type.fullName}\` lacks, its page listing \`id\` alone, expected the page to list them`, key: 'id-only', related: unknown.map((f) => f.at) });
  } else out.push(...unknown);
  return out;
}

/** example-unknown-property reports the resource's row `resourceRow` as misspelt, the examples writing `name` (teamworkTagMember's `userID`, the request body's and the examples' `userId`). */
function rowRenamed(ctx: CheckContext, resource: string, name: string, resourceRow: string | undefined): boolean {
  return resourceRow !== undefined && walkExamples(ctx).findings.some((f) => f.key === `renamed:${resource}.${resourceRow}` && f.message.includes(`expected \`${name}\``));
}

/**
 * The response returns the resource, or (an update answering without a body) the title names it: "Update a directory
 * setting" → directorySetting, "Update a delegated permission grant (oAuth2PermissionGrant)" → oAuth2PermissionGrant.
 */
function returnsOrNames(linked: ModelOperation): boolean {
  if (linked.response.type?.name === linked.resource) return true;
  if (linked.kind !== 'update' || linked.response.type) return false;
  const resource = linked.resource!.split('.').pop()!.toLowerCase();
  const named = linked.title.replace(/^update\s+(an?\s+|the\s+)?/i, '').replace(/\s+/g, '').toLowerCase();
  return named === resource || /\(\s*(\w+)\s*\)\s*$/.exec(linked.title)?.[1]?.toLowerCase() === resource;
}

/** A name listed twice in one table (no heading between the two rows), in any case (`DisplayName` after `displayName`). */
function duplicates(ctx: CheckContext, page: PageFacts, rows: readonly { name: string; source: SourceRef }[], what: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  const byName = new Map<string, { name: string; source: SourceRef }>();
  for (const row of rows) {
    const seen = byName.get(row.name.toLowerCase());
    if (seen && !page.headings.some((h) => h.source.line > seen.source.line && h.source.line < row.source.line)) {
      const first = seen.name === row.name ? `first at line ${seen.source.line}` : `first at line ${seen.source.line} as \`${seen.name}\``;
      out.push({ at: cellStart(ctx, row.source, 0), message: `Unexpected second ${what} row for \`${row.name}\`, expected each ${what === 'parameter' ? 'parameter' : 'property'} once (${first})`, key: `duplicate:${what}:${row.name}` });
    } else byName.set(row.name.toLowerCase(), row);
  }
  return out;
}
