/**
 * A resource page's Properties/Relationships tables and its JSON
 * representation disagree: a JSON key no table row (nor a base type) defines
 * (on an open type, only a near-miss of a row the JSON lacks), or a Properties row the JSON representation lacks;
 * a key one or two edits from a row the JSON lacks (`fileName` vs row `filename`) is one finding, at the key (at the row
 * when it is the misspelt one: the version's examples or other types write the key and never the row's name, or the
 * row has a word no other property uses, or breaks camelCase where the key does not); a collection
 * response (`"value": [...]`) in its place is one finding, at `value`. A key no row lists that the examples of the type
 * carry too (`example-keys.ts`) is a row the Properties table lacks: reported after its last row, the key related. Relationships may be
 * left out of the JSON (the docs leave navigation properties out by design).
 *
 * ok:     table `id`, `displayName`; JSON `{"id": ..., "displayName": ...}`
 * not ok: JSON `{"displayNme": ...}` → Unexpected `displayNme` in the JSON representation, expected a property the tables list (did you mean `displayName`?)
 */
import { printParseErrorCode } from 'jsonc-parser';
import type { PageFacts, ResourceFacts } from '../../extract/facts.js';
import { cellStart, type CheckContext } from '../context.js';
import { didYouMean, editDistance } from '../did-you-mean.js';
import { exampleKeysOf } from '../example-keys.js';
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
    // A near-miss of a row the JSON lacks (`fileName` vs `filename`) is one problem, reported at the key only; at the row
    // when the row is the misspelt one (`rowMisspelt`: `printerID` where the examples write `printerId`).
    const row = !open || (type && declared.size > 0) ? nearMiss(name) : undefined;
    if (open && row === undefined) continue;
    if (row !== undefined) paired.add(row);
    const misspelt = row !== undefined && rowMisspelt(ctx, page.apiVersion, name, row) ? resource.properties.find((p) => p.name === row) : undefined;
    if (misspelt) {
      out.push({
        at: cellStart(ctx, misspelt.source, 0),
        message: `Unexpected property name \`${row}\` in the table, expected \`${name}\` as the JSON representation writes it`,
        key: `${resource.name}.table.${row}`,
        related: [json.at(member.offset)],
      });
      continue;
    }
    // A key the examples of the type carry too is a property the Properties table lacks: reported after its last row.
    const last = resource.properties.at(-1);
    if (row === undefined && last && didYouMean(name, declared) === '' && exampleKeysOf(ctx, page.apiVersion, `${resource.namespace}.${resource.name}`).has(name)) {
      out.push({
        at: { file: last.source.file, line: last.source.line + 1, column: 1 },
        message: `Unexpected Properties table without \`${name}\`, expected a row for it as the JSON representation and the examples have it`,
        key: `${resource.name}.json.${name}`,
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

/**
 * Whether row `row`, not JSON key `key`, is the misspelt one of a near-miss pair: the version writes the key elsewhere
 * (an example body's key, another type's property) and never the row's name, or the row's name has a word (`useer` of
 * `useerIds`) no other property of the version uses while each word of the key it does not share is used. Apart in case only, the row
 * when it breaks camelCase (`printerID`, `Kind`) and the key does not, else as the examples write it (`filename`, `fileName`).
 */
function rowMisspelt(ctx: CheckContext, apiVersion: string, key: string, row: string): boolean {
  const keys = exampleValues(ctx, apiVersion);
  const { names, words } = ctx.memo(`written-names:${apiVersion}`, () => {
    const names = new Map<string, number>();
    const words = new Map<string, number>();
    for (const type of ctx.types(apiVersion).all()) {
      for (const { name } of type.properties) {
        names.set(name, (names.get(name) ?? 0) + 1);
        for (const word of wordsOf(name)) words.set(word, (words.get(word) ?? 0) + 1);
      }
    }
    return { names, words };
  });
  // Names apart in case only (`printerID`, `printerId`): Graph's camelCase decides when one breaks it; else the examples do.
  const unconventional = (name: string) => /^[A-Z]|[A-Z]{2}/.test(name);
  if (key.toLowerCase() === row.toLowerCase() && unconventional(row) !== unconventional(key)) return unconventional(row);
  // The row's own type counts once for the row's name and words.
  const written = (name: string, own: number) => keys.has(name) || (names.get(name) ?? 0) > own;
  if (written(key, 0) && !written(row, 1)) return true;
  // The words the two do not share decide (`grouup` vs `group` of `pfsGrouup`, `pfsGroup`).
  const rowWords = wordsOf(row);
  const keyWords = wordsOf(key);
  const used = (word: string) => (words.get(word) ?? 0) - (rowWords.includes(word) ? 1 : 0);
  return rowWords.some((word) => !keyWords.includes(word) && used(word) === 0) && keyWords.every((word) => rowWords.includes(word) || used(word) > 0);
}

/** The words of a camelCase name, lower case (`userIds` → `user`, `ids`). */
function wordsOf(name: string): string[] {
  return name.split(/(?=[A-Z][a-z])|_/).map((word) => word.toLowerCase()).filter(Boolean);
}
