/**
 * The enum tables of one heading section and the enum they make: tables whose
 * header reads like a members table, tables the parser could not read
 * (recovered from raw lines), and the section's prose as description.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { at, report, type PageContext } from './context.js';
import type { EnumFacts } from './facts.js';
import { faultyRow, recoverTable } from './recovered-table.js';
import { enumColumns, readMembers, tableRows, type EnumColumns, type EnumRow } from './enum-table.js';
import { looksLikeFlags } from './enum-value.js';
import type { QualifiedName } from './enum-name.js';
import { isBrokenTable, readTable } from './table.js';

export interface EnumTable {
  node: RootContent;
  columns: EnumColumns;
  rows: EnumRow[];
  header: string[];
}

/**
 * Members tables among a section's own nodes, in order. A broken table is
 * reported as `table-malformed` and its rows recovered; one without a header
 * row that follows a members table continues that table.
 */
export function enumTablesIn(ctx: PageContext, nodes: RootContent[], guessColumns: boolean): EnumTable[] {
  const out: EnumTable[] = [];
  for (const node of nodes) {
    if (node.type === 'table') {
      const table = readTable(node);
      const columns = enumColumns(table.header);
      if (columns) out.push({ node, columns, rows: tableRows(ctx, table), header: table.header });
    } else if (isBrokenTable(node)) {
      const previous = out[out.length - 1];
      const inherited = previous?.header ?? [];
      const table = recoverTable(ctx, node, inherited, (cells) => enumColumns(cells) !== null);
      const headed = table.header !== inherited;
      const columns = headed
        ? enumColumns(table.header)
        : (previous?.columns ?? (guessColumns ? columnsByWidth(table.rows.map((row) => row.length)) : null));
      if (!columns || table.rows.length === 0) continue;
      report(
        ctx,
        'table-malformed',
        'warning',
        headed
          ? 'Unexpected table the parser could not read, expected a GFM table (rows recovered from the raw lines)'
          : 'Unexpected table rows without a header and delimiter row, expected one GFM table (rows recovered from the raw lines)',
        headed ? faultyRow(ctx, node) : node,
      );
      out.push({ node, columns, rows: tableRows(ctx, table), header: table.header });
    }
  }
  return out;
}

/** Columns of header-less rows by their width: name | value | description, name | description, name. */
function columnsByWidth(widths: number[]): EnumColumns {
  const width = Math.max(0, ...widths);
  if (width >= 3) return { name: 0, value: 1, description: 2 };
  return { name: 0, value: -1, description: width === 2 ? 1 : -1 };
}

/** Prose paragraphs before the first table, without the `Namespace:` line and include directives. */
export function descriptionOf(nodes: RootContent[]): string {
  const parts: string[] = [];
  for (const node of nodes) {
    if (node.type === 'table') break;
    if (node.type !== 'paragraph') continue;
    if (isBrokenTable(node)) break;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text === '' || /^namespace\s*:/i.test(text) || /^\[!INCLUDE/i.test(text)) continue;
    parts.push(text);
  }
  return parts.join(' ');
}

export interface EnumPlace {
  name: QualifiedName;
  namespace: string;
  description: string;
  /** The heading (or table) the enum is reported at. */
  node: RootContent;
}

/** One enum from its tables; `enum-members-empty` when they hold no rows. */
export function buildEnum(ctx: PageContext, place: EnumPlace, tables: EnumTable[]): EnumFacts {
  const rows = tables.flatMap((table) => table.rows);
  const columns = tables[0]?.columns ?? { name: 0, value: -1, description: -1 };
  const members = readMembers(ctx, rows, columns);
  if (members.length === 0) {
    report(
      ctx,
      'enum-members-empty',
      'warning',
      `Unexpected enum \`${place.name.name}\` without members, expected a members table with at least one row`,
      tables[0]?.node ?? place.node,
    );
  }
  const facts: EnumFacts = {
    name: place.name.name,
    namespace: place.name.namespace ?? place.namespace,
    description: place.description,
    source: at(ctx, place.node),
    members,
  };
  if (looksLikeFlags(place.description, members)) facts.isFlags = true;
  return facts;
}
