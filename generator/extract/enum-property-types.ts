/**
 * The page's property types by lower-cased property name, read from its
 * Properties / Relationships tables (quietly: the resource extractor reports
 * their problems), so an embedded `### x values` table can be told apart from
 * the documented values of a String property.
 */
import type { PageContext } from './context.js';
import type { TypeRefFacts } from './facts.js';
import { propertyColumns, propertyName } from './property-table.js';
import { PROPERTIES_SECTION, RELATIONSHIPS_SECTION } from './resource-tables.js';
import { sectionContent, type Section } from './sections.js';
import { readTable, tablesIn } from './table.js';
import { readTypeNode } from './type-cell.js';

export function propertyTypes(ctx: PageContext): Map<string, TypeRefFacts> {
  const types = new Map<string, TypeRefFacts>();
  const sections = ctx.sections.filter(
    (section: Section) =>
      section.depth >= 2 && (PROPERTIES_SECTION.test(section.title) || RELATIONSHIPS_SECTION.test(section.title)),
  );
  for (const section of sections) {
    for (const node of tablesIn(sectionContent(ctx.sections, section))) {
      const table = readTable(node);
      const { name, type } = propertyColumns(table.header);
      if (name < 0 || type < 0) continue;
      for (const row of table.rows) {
        const key = propertyName(row[name]?.text ?? '').toLowerCase();
        const cell = row[type]?.node;
        if (key && cell && !types.has(key)) types.set(key, readTypeNode(cell, ctx.definitions).type);
      }
    }
  }
  return types;
}
