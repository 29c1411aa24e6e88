/**
 * The page's property types by lower-cased property name, read from its
 * Properties / Relationships tables, so an embedded `### x values` table can be
 * told apart from the documented values of a String property.
 */
import type { PageContext } from './context.js';
import type { TypeRefFacts } from './facts.js';
import { findSections, sectionContent } from './sections.js';
import { column, readTable, tablesIn } from './table.js';
import { readTypeNode } from './type-cell.js';

export function propertyTypes(ctx: PageContext): Map<string, TypeRefFacts> {
  const types = new Map<string, TypeRefFacts>();
  for (const section of findSections(ctx.sections, /^(?:properties|relationships)$/i)) {
    for (const node of tablesIn(sectionContent(ctx.sections, section))) {
      const table = readTable(node);
      const name = column(table.header, /^(?:property|name)$/, /property|name/);
      const type = column(table.header, /^type$/, /type/);
      if (name < 0 || type < 0) continue;
      for (const row of table.rows) {
        const key = row[name]?.text.replace(/[`*]/g, '').trim().toLowerCase();
        const cell = row[type]?.node;
        if (key && cell && !types.has(key)) types.set(key, readTypeNode(cell, ctx.definitions).type);
      }
    }
  }
  return types;
}
