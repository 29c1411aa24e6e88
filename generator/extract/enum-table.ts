/**
 * One members table (`|Member|Value|Description|`, `|Member|`, `|Value|Description|`,
 * ...) read into members. Works on parsed tables and on rows recovered from a
 * broken table alike.
 */
import type { SourceRef } from '../model/diagnostic.js';
import { at, report, type PageContext } from './context.js';
import type { EnumMemberFacts } from './facts.js';
import { cleanMemberName, isIdentifier } from './enum-name.js';
import { readMemberValue } from './enum-value.js';
import type { TableData } from './table.js';

export interface EnumColumns {
  name: number;
  /** -1 when the table has no value column. */
  value: number;
  /** -1 when the table has no description column. */
  description: number;
}

export interface EnumRow {
  cells: string[];
  source: SourceRef;
}

const NAME_HEADER = /^(?:enum(?:eration)?\s+)?members?(?:\s+name)?$|^(?:enum\s+)?name$/;
const VALUE_FIRST_HEADER = /^(?:enum(?:eration)?\s+)?(?:possible\s+)?values?$/;
const VALUE_HEADER = /^(?:(?:int|integer|numeric|number|enum)\s+)?values?$|^(?:int|integer)$/;
const DESCRIPTION_HEADER = /description|meaning|remarks|notes?$/;

/**
 * Which columns hold name, value and description, or null when the header is
 * not an enum header: the first cell must read Member, Name or Value, and no
 * cell may read Type (a property table) or Required (a parameter table).
 */
export function enumColumns(header: string[]): EnumColumns | null {
  if (header.some((cell) => /^(?:data\s+)?type$|^required$|^optional$/.test(cell))) return null;
  const first = header[0] ?? '';
  if (!NAME_HEADER.test(first) && !VALUE_FIRST_HEADER.test(first)) return null;
  let value = -1;
  for (let i = 1; i < header.length; i++) {
    const cell = header[i]!;
    // `|Member|Member|Description|`: the second Member column holds the values.
    if (VALUE_HEADER.test(cell) || (NAME_HEADER.test(cell) && NAME_HEADER.test(first))) {
      value = i;
      break;
    }
  }
  const description = header.findIndex((cell, i) => i > 0 && DESCRIPTION_HEADER.test(cell));
  return { name: 0, value, description };
}

/** Rows of a parsed table, each placed at its row node. */
export function tableRows(ctx: PageContext, table: TableData): EnumRow[] {
  return table.rows.map((cells, index) => ({
    cells: cells.map((cell) => cell.text),
    source: at(ctx, table.rowNodes[index]),
  }));
}

/**
 * Members from rows. Reports and skips rows whose name cell is empty or not an
 * identifier, and repeated names (the first one wins).
 */
export function readMembers(ctx: PageContext, rows: EnumRow[], columns: EnumColumns): EnumMemberFacts[] {
  const members: EnumMemberFacts[] = [];
  const seen = new Map<string, SourceRef>();
  for (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const written = row.cells[columns.name] ?? '';
    const name = cleanMemberName(written);
    if (!isIdentifier(name)) {
      report(
        ctx,
        'enum-member-invalid',
        'warning',
        name === ''
          ? 'Unexpected empty member cell, expected a member name'
          : `Unexpected member name \`${written}\`, expected an identifier`,
        row.source,
      );
      continue;
    }
    const first = seen.get(name);
    if (first) {
      report(
        ctx,
        'enum-member-duplicate',
        'warning',
        `Unexpected second member \`${name}\`, expected each member once (first at line ${first.line})`,
        row.source,
      );
      continue;
    }
    seen.set(name, row.source);
    members.push({
      name,
      value: columns.value >= 0 ? readMemberValue(row.cells[columns.value]) : null,
      description: columns.description >= 0 ? (row.cells[columns.description] ?? '') : '',
      source: row.source,
    });
  }
  return members;
}
