/** The "Request headers" table(s): header name and the value or description column. */
import type { HeaderFacts } from './facts.js';
import { at, report, type PageContext } from './context.js';
import { column, isBrokenTable, readTable } from './table.js';
import { logicalRows } from './table-rows.js';
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
    const valueColumn = column(table.header, /^value/, /^description/, /^(?!header|name)/);
    for (const row of logicalRows(ctx, table, valueColumn)) {
      // `Prefer: outlook.timezone` names the header and its value in one cell.
      const [header = '', inline] = (row.cells[name]?.text ?? '').replace(/[`*]/g, '').split(/(?:(?<!\s)\s+)?:\s*/, 2);
      if (header.trim() === '') continue;
      out.push({ name: header.trim(), value: inline ?? row.description.join(' '), source: at(ctx, row.node) });
    }
  }
  return out;
}
