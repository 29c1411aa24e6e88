/** GFM tables as rows of cells, with helpers to find columns by header text. */
import type { Paragraph, RootContent, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';

export interface Cell {
  /** Cell text, whitespace folded, `<br>` as a space. */
  text: string;
  node: TableCell;
}

export interface TableData {
  node: Table;
  /** Header cells, lower-cased and trimmed. */
  header: string[];
  /** Data rows (header excluded). Missing cells are absent: check `row[i]`. */
  rows: Cell[][];
  rowNodes: TableRow[];
}

export function readTable(table: Table): TableData {
  const [head, ...body] = table.children;
  return {
    node: table,
    header: (head?.children ?? []).map((cell) => cellText(cell).toLowerCase()),
    rows: body.map((row) => row.children.map((cell) => ({ text: cellText(cell), node: cell }))),
    rowNodes: body,
  };
}

export function cellText(cell: TableCell): string {
  return toString(cell)
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Index of the first header cell matching any pattern, or -1. */
export function column(header: string[], ...patterns: RegExp[]): number {
  for (const pattern of patterns) {
    const index = header.findIndex((text) => pattern.test(text));
    if (index >= 0) return index;
  }
  return -1;
}

/** Tables among the given nodes, in order. */
export function tablesIn(nodes: RootContent[]): Table[] {
  return nodes.filter((node): node is Table => node.type === 'table');
}

/**
 * A paragraph that holds pipe-separated lines: a table the parser could not read
 * (missing delimiter row, blank line inside, unbalanced backticks).
 */
export function isBrokenTable(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph') return false;
  const lines = toString(node).split('\n');
  return lines.length >= 2 && lines.filter((line) => /^\s*\|.*\|/.test(line)).length >= 2;
}
