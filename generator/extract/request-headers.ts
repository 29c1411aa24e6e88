/** The "Request headers" table(s): header name and the value or description column. */
import type { HeaderFacts } from './facts.js';
import { at, report, type PageContext } from './context.js';
import { column, isBrokenTable, readTable } from './table.js';
import { contentOf, flattenBlocks } from './api-sections.js';
import type { Section } from './sections.js';

export function readRequestHeaders(ctx: PageContext, sections: Section[]): HeaderFacts[] {
  const out: HeaderFacts[] = [];
  for (const node of flattenBlocks(contentOf(sections, /^(optional )?request headers?\b/i))) {
    if (isBrokenTable(node)) {
      report(ctx, 'table-malformed', 'warning', 'Unexpected pipe-separated lines that do not form a table, expected a request headers table with a delimiter row', node);
    }
    if (node.type !== 'table') continue;
    const table = readTable(node);
    const name = Math.max(0, column(table.header, /^(header|name)/));
    const value = column(table.header, /^value/, /^description/, /^(?!header|name)/);
    table.rows.forEach((row, r) => {
      const header = (row[name]?.text ?? '').replace(/[`*]/g, '').trim();
      if (header === '') return;
      out.push({ name: header, value: value >= 0 ? (row[value]?.text ?? '') : '', source: at(ctx, table.rowNodes[r]) });
    });
  }
  return out;
}
