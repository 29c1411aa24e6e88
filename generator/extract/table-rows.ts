/**
 * The rows of a table as the author meant them, before they are read as
 * properties, parameters or headers: group labels (Intune's
 * `|**Device configuration**|`) skipped, rows split by a line break inside a
 * cell (a line with no leading `|`) joined again.
 */
import type { TableRow } from 'mdast';
import { report, type PageContext } from './context.js';
import { markedText } from './marked-text.js';
import type { Cell, TableData } from './table.js';

export interface LogicalRow {
  cells: Cell[];
  node: TableRow;
  /** Description text, plain and with inline code marked; more than one part when the row was split. */
  description: string[];
  marked: string[];
}

/**
 * Rows as the author meant them: group labels (`|**Onboarding**|`) dropped, and a
 * line without a leading pipe (a description that went on to a new line) joined to
 * the row before.
 */
export function logicalRows(ctx: PageContext, table: TableData, descriptionColumn: number): LogicalRow[] {
  const out: LogicalRow[] = [];
  table.rows.forEach((cells, index) => {
    const node = table.rowNodes[index]!;
    const filled = cells.filter((cell) => cell.text !== '');
    if (filled.length === 0) return;
    const lone = filled.length === 1 && (!NAME_LIKE.test(filled[0]!.text) || isEmphasized(filled[0]!));
    const previous = out[out.length - 1];
    if (filled.length === 1 && table.header.length > 1 && previous && !startsWithPipe(ctx, node)) {
      report(ctx, 'table-row-split', 'warning', 'Unexpected line without a leading `|` inside a table, expected each row on one line (use `<br>` for line breaks)', node);
      previous.description.push(filled[0]!.text);
      previous.marked.push(markedText(filled[0]!.node));
      return;
    }
    if (lone) return;
    const description = descriptionColumn >= 0 ? cells[descriptionColumn] : undefined;
    out.push({
      cells,
      node,
      description: description ? [description.text] : [],
      marked: description ? [markedText(description.node)] : [],
    });
  });
  return out;
}

/** What a property name cell can hold: one token, maybe qualified or an annotation (`@odata.type`). */
const NAME_LIKE = /^[@#]?[A-Za-z_][\w.@-]*$/;

/** A cell that is all bold or italic: a group label such as `|**Onboarding**|`. */
function isEmphasized(cell: Cell): boolean {
  const children = cell.node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return children.length === 1 && (children[0]!.type === 'strong' || children[0]!.type === 'emphasis');
}

function startsWithPipe(ctx: PageContext, node: TableRow): boolean {
  const offset = node.position?.start.offset;
  return offset === undefined || ctx.text[offset] === '|';
}
