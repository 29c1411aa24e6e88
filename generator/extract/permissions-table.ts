/**
 * The permissions table: one row per permission type. Cells list permission
 * names split on commas; "Not supported." is an empty list. Pages with
 * several tables (per resource, per workflow, acting on self / others) give
 * one entry per row of each; columns beyond the type are merged. A table the
 * parser could not read (a delimiter row with a cell too many) is reported
 * and read from its lines.
 */
import type { Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SourceRef } from '../model/diagnostic.js';
import type { PermissionFacts } from './facts.js';
import { at, report, type PageContext } from './context.js';
import { isBrokenTable, readTable } from './table.js';
import { contentOf, flattenBlocks } from './api-sections.js';
import type { Section } from './sections.js';

interface Grid {
  header: string[];
  rows: string[][];
  sources: SourceRef[];
}

const NOT_SUPPORTED = /^(not (supported|applicable|available)|none|n\/a|-+)\.?$/i;

export function readPermissions(ctx: PageContext, sections: Section[]): PermissionFacts[] {
  const out: PermissionFacts[] = [];
  for (const node of flattenBlocks(contentOf(sections, /^(permissions?|prerequisites)\b/i))) {
    if (node.type === 'table') {
      const table = readTable(node);
      out.push(...readGrid({ header: table.header, rows: table.rows.map((row) => row.map((cell) => cell.text)), sources: table.rowNodes.map((row) => at(ctx, row)) }));
    } else if (isBrokenTable(node)) {
      const grid = gridOfLines(ctx, node);
      report(ctx, 'table-malformed', 'warning', 'Unexpected pipe-separated lines that do not form a table, expected a table whose delimiter row has one cell per column', node);
      out.push(...readGrid(grid));
    }
  }
  return out;
}

function readGrid(grid: Grid): PermissionFacts[] {
  if (!/^permission\s*type/.test(grid.header[0] ?? '')) return [];
  const listColumns = grid.header.map((_, i) => i).filter((i) => i > 0 && /permission/.test(grid.header[i] ?? ''));
  if (listColumns.length === 0) listColumns.push(1);
  return grid.rows.flatMap((row, r): PermissionFacts[] => {
    const type = row[0] ?? '';
    if (type === '') return [];
    const permissions = listColumns.flatMap((i) => splitPermissions(row[i] ?? ''));
    return [{ type, permissions: [...new Set(permissions)], source: grid.sources[r]! }];
  });
}

/** The lines of a paragraph the parser left as text, as a header and rows. */
function gridOfLines(ctx: PageContext, paragraph: Paragraph): Grid {
  const start = paragraph.position?.start.line ?? 1;
  const lines = toString(paragraph).split('\n').map((text, i) => ({ text: text.trim(), line: start + i }));
  const rows = lines
    .filter(({ text }) => text.startsWith('|') && !/^[|:\s-]+$/.test(text))
    .map(({ text, line }) => ({ cells: text.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()), line }));
  const [head, ...body] = rows;
  return {
    header: (head?.cells ?? []).map((cell) => cell.toLowerCase()),
    rows: body.map((row) => row.cells),
    sources: body.map((row) => ({ file: ctx.file, line: row.line, column: 1 })),
  };
}

/** `A.Read, B.ReadWrite.All` → names; notes in parentheses and "Not supported." dropped. */
export function splitPermissions(cell: string): string[] {
  return cell
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s*[,;]\s*|\s+(?:and|or)\s+/i)
    .map((part) => part.trim().replace(/[.*]+$/, '').trim())
    .filter((part) => part !== '' && !NOT_SUPPORTED.test(part) && !NOT_SUPPORTED.test(`${part}.`));
}
