/**
 * Rows recovered from a table the parser read as a paragraph (missing delimiter
 * row, blank line inside the table). Each pipe line of the paragraph's source is
 * parsed on its own as a one-row table, so cells keep their links and code, and
 * positions are moved back to where the line sits in the page.
 */
import type { Nodes, Paragraph, Table, TableCell, TableRow } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../parse/processor.js';
import type { PageContext } from './context.js';
import { cellText, type Cell, type TableData } from './table.js';
import type { SourceRef } from '../model/diagnostic.js';

const DELIMITER_ROW = /^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)*(?:\|\s*)?$/;

/**
 * The table a broken paragraph meant. Its first line is the header when `looksLikeHeader`
 * says so; otherwise `header` (the previous table's, or a default) is used.
 */
export function recoverTable(
  ctx: PageContext,
  paragraph: Paragraph,
  header: string[],
  looksLikeHeader: (cells: string[]) => boolean,
): TableData {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end;
  const table: Table = { type: 'table', children: [], position: paragraph.position };
  const data: TableData = { node: table, header, rows: [], rowNodes: [] };
  if (start?.offset === undefined || end?.offset === undefined) return data;
  const lines = ctx.text.slice(start.offset, end.offset).split('\n');
  lines.forEach((line, index) => {
    if (!line.includes('|') || DELIMITER_ROW.test(line)) return;
    const row = parseRow(line, start.line + index, index === 0 ? start.column : 1);
    const cells: Cell[] = row.children.map((node) => ({ text: cellText(node), node }));
    if (data.rows.length === 0 && data.header === header && looksLikeHeader(cells.map((c) => c.text.toLowerCase()))) {
      data.header = cells.map((cell) => cell.text.toLowerCase());
      return;
    }
    table.children.push(row);
    data.rows.push(cells);
    data.rowNodes.push(row);
  });
  return data;
}

/** One pipe line as a table row, positioned at `line`. */
function parseRow(text: string, line: number, column: number): TableRow {
  const source = text.replace(/^\s+/, '');
  const indent = text.length - source.length;
  const count = splitCells(source).length;
  const tree = parseMarkdown(`${source}\n${Array.from({ length: count }, () => '|-').join('')}|\n`);
  const parsed = tree.children[0];
  const row: TableRow =
    parsed?.type === 'table' && parsed.children[0]
      ? parsed.children[0]
      : { type: 'tableRow', children: splitCells(source).map(plainCell) };
  visit(row as Nodes, (node) => {
    const position = node.position;
    if (!position) return;
    for (const point of [position.start, position.end]) {
      point.column += (point.line === 1 ? column - 1 : 0) + indent;
      point.line += line - 1;
      point.offset = undefined;
    }
  });
  row.position ??= { start: { line, column: column + indent }, end: { line, column: column + indent + source.length } };
  return row;
}

/** Cell texts between unescaped pipes, outer pipes dropped. */
function splitCells(line: string): string[] {
  const cells = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/);
  return cells.map((cell) => cell.trim());
}

function plainCell(text: string): TableCell {
  return { type: 'tableCell', children: text ? [{ type: 'text', value: text }] : [] };
}

/**
 * Where a broken table is fixed: its delimiter row when that row has another number of cells than the header (or the
 * header, when the row after it agrees with the delimiter row); else the paragraph.
 */
export function faultyRow(ctx: PageContext, paragraph: Paragraph): Paragraph | SourceRef {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return paragraph;
  const lines = ctx.text.slice(start.offset, end.offset).split('\n');
  const cells = (line: string) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').length;
  const [header, delimiter, first] = lines;
  if (header === undefined || delimiter === undefined || !DELIMITER_ROW.test(delimiter) || cells(header) === cells(delimiter)) return paragraph;
  const index = first !== undefined && cells(first) === cells(delimiter) ? 0 : 1;
  const line = lines[index]!;
  return { file: ctx.file, line: start.line + index, column: (index === 0 ? start.column : 1) + line.length - line.trimStart().length };
}
