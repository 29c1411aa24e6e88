/**
 * What a table row is, beyond its cells: a line break inside a cell makes the
 * rest of the cell a row of its own (a line with no leading `|`), and Intune
 * pages put group labels (`|**Device configuration**|`) between rows.
 */
import type { TableRow } from 'mdast';
import { report, at, type PageContext } from './context.js';
import type { Cell } from './table.js';

export type RowShape = 'row' | 'continuation' | 'label' | 'empty';

export function rowShape(ctx: PageContext, node: TableRow | undefined, cells: Cell[], columns: number): RowShape {
  if (cells.every((cell) => cell.text === '')) return 'empty';
  const offset = node?.position?.start.offset;
  const startsWithPipe = offset === undefined || ctx.text[offset] === '|';
  const filled = cells.filter((cell) => cell.text !== '').length;
  if (!startsWithPipe && filled === 1 && columns > 1) return 'continuation';
  if (filled === 1 && columns > 2 && cells.length === 1 && /^\*\*.*\*\*$|^&nbsp;/.test(sourceOf(ctx, node))) return 'label';
  return 'row';
}

/** Reports a row that continues the previous row's last cell. */
export function reportContinuation(ctx: PageContext, node: TableRow | undefined): void {
  report(ctx, 'table-malformed', 'warning', 'Unexpected table line without a leading `|` (a line break inside a cell), expected each row on one line', at(ctx, node));
}

function sourceOf(ctx: PageContext, node: TableRow | undefined): string {
  const start = node?.position?.start.offset;
  const end = node?.position?.end.offset;
  if (start === undefined || end === undefined) return '';
  return ctx.text.slice(start, end).replace(/^\|\s*|(?:(?<!\s)\s+)?\|$/g, '').trim();
}
