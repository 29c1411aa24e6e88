/**
 * A resource page's Properties/Relationships tables and its JSON
 * representation disagree: a JSON key no table row (nor a base type) defines
 * (on an open type, only a near-miss of a row the JSON lacks), or a Properties row the JSON representation lacks;
 * a key one or two edits from a row the JSON lacks (`fileName` vs row `filename`) is one finding, at the key (at the row
 * when the examples write the key's spelling and never the row's); a collection
 * response (`"value": [...]`) in its place is one finding, at `value`. Relationships may be
 * left out of the JSON (the docs leave navigation properties out by design).
 *
 * ok:     table `id`, `displayName`; JSON `{"id": ..., "displayName": ...}`
 * not ok: JSON `{"displayNme": ...}` → Unexpected `displayNme` in the JSON representation, expected a property the tables list (did you mean `displayName`?)
 */
import { printParseErrorCode } from 'jsonc-parser';
import type { PageFacts, ResourceFacts } from '../../extract/facts.js';
import { cellStart, type CheckContext } from '../context.js';
import { didYouMean, editDistance } from '../did-you-mean.js';
import { exampleValues } from '../example-values.js';
import { keyOf, locateJson } from '../json-locate.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const tableJsonMismatch = defineRule({
  id: 'table-json-mismatch',
  description: 'The properties tables and the JSON representation of a resource list the same properties.',
  defaultLevel: 'error',
  check: (ctx) => ctx.pages.flatMap((page) => page.resources.flatMap((resource) => checkResource(ctx, page, resource))),
});

function checkResource(ctx: CheckContext, page: PageFacts, resource: ResourceFacts): RuleFinding[] {
  if (!resource.json) return [];
  const json = locateJson(ctx, resource.json.body);
  const root = json.root;
  if (root?.type !== 'object' || !root.children?.length) return [];
  const index = ctx.types(page.apiVersion);
  const type = index.get(`${resource.namespace}.${resource.name}`);
  const declared = new Set([...resource.properties, ...resource.navigationProperties].map((p) => p.name));
  const inherited = type ? new Set(index.properties(type).keys()) : new Set<string>();
  // Open types take any key; a resource without any rows is section-missing's finding, not one per key.
  const open = !type || index.hasUnknownBase(type) || index.isOpen(type) || declared.size === 0;
  const out: RuleFinding[] = [];
  const keys = new Set<string>();
  const all = new Set(root.children.map(keyOf));
  // On an open type, only a near-miss (two edits or fewer) of a row the JSON lacks: `nqotificationRecipientScope`.
  const lacking = resource.properties.map((p) => p.name).filter((name) => !all.has(name));
  const nearMiss = (name: string) => lacking.find((row) => editDistance(name.toLowerCase(), row.toLowerCase(), 2) <= 2);
  /** Rows a misspelt key stands for: reported once, at the key. */
  const paired = new Set<string>();
  for (const member of root.children) {
    const name = keyOf(member);
    if (name === undefined) continue;
    keys.add(name);
    if (name.includes('@') || declared.has(name) || inherited.has(name)) continue;
    // A near-miss of a row the JSON lacks (`fileName` vs `filename`) is one problem, reported at the key only.
    const row = !open || (type && declared.size > 0) ? nearMiss(name) : undefined;
    if (open && row === undefined) continue;
    if (row !== undefined) paired.add(row);
    // The row is the side to fix when the examples write the key's spelling and never the row's (`printerId`, `printerID`).
    const written = exampleValues(ctx, page.apiVersion);
    const misspeltRow = row !== undefined && written.has(name) && !written.has(row) ? resource.properties.find((p) => p.name === row) : undefined;
    if (misspeltRow) {
      out.push({
        at: cellStart(ctx, misspeltRow.source, 0),
        message: `Unexpected property name \`${row}\` in the table, expected \`${name}\` as the JSON representation and the examples write it`,
        key: `${resource.name}.table.${row}`,
        related: [json.at(member.offset)],
      });
      continue;
    }
    out.push({
      at: json.at(member.offset),
      message: `Unexpected \`${name}\` in the JSON representation, expected a property the tables list${didYouMean(name, declared)}`,
      key: `${resource.name}.json.${name}`,
    });
  }
  const clean = json.errors.every((e) => printParseErrorCode(e.error) === 'InvalidCommentToken') && json.elisions.length === 0;
  // A collection response (`@odata.context` and a `value` array) in place of the resource is one problem, reported at
  // `value` above; each row is not reported again.
  const response = keys.has('value') && [...keys].every((key) => key === 'value' || key.startsWith('@odata.'));
  if (!clean || response) return out;
  for (const property of resource.properties) {
    if (keys.has(property.name) || paired.has(property.name)) continue;
    out.push({
      at: cellStart(ctx, property.source, 0),
      message: `Unexpected property \`${property.name}\` that the JSON representation (line ${resource.json.source.line}) lacks, expected a \`"${property.name}"\` key there too${didYouMean(property.name, [...keys].filter((k) => !declared.has(k)))}`,
      key: `${resource.name}.table.${property.name}`,
    });
  }
  return out;
}
