/**
 * The "Request body" section and the parameter sections of functions and
 * actions ("Function parameters", "Parameters"): their tables as rows.
 */
import type { PropertyFacts } from './facts.js';
import { report, type PageContext } from './context.js';
import { isBrokenTable, readTable } from './table.js';
import { contentOf, flattenBlocks, textOf } from './api-sections.js';
import { isPropertyTable, propertyColumns, readPropertyTable } from './property-table.js';
import type { Section } from './sections.js';

export interface RequestBodyFacts {
  /** Rows of the request-body tables; null when the section has no table. */
  rows: PropertyFacts[] | null;
  /** The tables name their first column "Parameter" (an action's parameters). */
  parameterTable: boolean;
  /** The section says there is no body ("Do not supply a request body"). */
  none: boolean;
}

const NO_BODY = /\b(do not|don't|doesn't|does not|must not|should not|no need to) (supply|provide|specify|send|include|use)\b[^.]*\bbody\b|\bno request body\b|\brequest body is (not required|empty|not supported)\b|\bnot (supply|provide) a body\b/i;

export function readRequestBody(ctx: PageContext, sections: Section[]): RequestBodyFacts {
  const nodes = flattenBlocks(contentOf(sections, /^request body\b/i));
  const none = nodes.some((node) => node.type === 'paragraph' && NO_BODY.test(textOf(node)));
  const tables = readTables(ctx, nodes);
  return {
    rows: tables.rows,
    parameterTable: tables.parameterTable,
    none: none && tables.rows === null,
  };
}

/** Rows of "Function parameters" / "Parameters" / "Action parameters" sections. */
export function readParameterSections(ctx: PageContext, sections: Section[]): PropertyFacts[] {
  const nodes = flattenBlocks(contentOf(sections, /^((function|action|method|request|body) )?parameters$/i));
  return readTables(ctx, nodes).rows ?? [];
}

function readTables(ctx: PageContext, nodes: ReturnType<typeof flattenBlocks>): { rows: PropertyFacts[] | null; parameterTable: boolean } {
  let rows: PropertyFacts[] | null = null;
  let parameterTable = false;
  for (const node of nodes) {
    if (isBrokenTable(node)) {
      report(ctx, 'table-malformed', 'warning', 'Unexpected pipe-separated lines that do not form a table, expected a property table with a delimiter row', node);
    }
    if (node.type !== 'table') continue;
    const table = readTable(node);
    if (!isPropertyTable(table.header, 'request')) continue;
    if (/^parameter/.test(table.header[propertyColumns(table.header).name] ?? '')) parameterTable = true;
    rows = [...(rows ?? []), ...readPropertyTable(ctx, table, { annotations: 'keep' })];
  }
  return { rows, parameterTable };
}
