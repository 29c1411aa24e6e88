/**
 * The permissions table: one row per permission type. Cells list permission
 * names, usually comma-separated; "Not supported." is an empty list. Pages with
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
import { cellText, isBrokenTable, readTable } from './table.js';
import { contentOf, flattenBlocks } from './api-sections.js';
import type { Section } from './sections.js';

interface Grid {
  /** Header cells lower-cased; `headerText` as written. */
  header: string[];
  headerText: string[];
  headerSource: SourceRef;
  rows: string[][];
  sources: SourceRef[];
}

export function readPermissions(ctx: PageContext, sections: Section[]): PermissionFacts[] {
  const out: PermissionFacts[] = [];
  for (const node of flattenBlocks(contentOf(sections, /^(permissions?|prerequisites)\b/i))) {
    if (node.type === 'table') {
      const table = readTable(node);
      const headerText = (node.children[0]?.children ?? []).map(cellText);
      const rows = table.rows.map((row) => row.map((cell) => cell.text));
      out.push(...readGrid({ header: table.header, headerText, headerSource: at(ctx, node), rows, sources: table.rowNodes.map((row) => at(ctx, row)) }));
    } else if (isBrokenTable(node)) {
      const grid = gridOfLines(ctx, node);
      report(ctx, 'table-malformed', 'warning', 'Unexpected pipe-separated lines that do not form a table, expected a table whose delimiter row has one cell per column', node);
      out.push(...readGrid(grid));
    }
  }
  return out;
}

function readGrid(grid: Grid): PermissionFacts[] {
  if (grid.header.slice(1).some((cell) => /^(delegated|application)\b/.test(cell))) return readTransposed(grid);
  if (!/^permission\s*type/.test(grid.header[0] ?? '')) return [];
  const listColumns = grid.header.map((_, i) => i).filter((i) => i > 0 && /permission/.test(grid.header[i] ?? ''));
  if (listColumns.length === 0) listColumns.push(1);
  const out: PermissionFacts[] = [];
  grid.rows.forEach((row, r) => {
    const written = row[0] ?? '';
    const permissions = listColumns.flatMap((i) => splitPermissions(row[i] ?? ''));
    const type = permissionType(written);
    const previous = out[out.length - 1];
    if (type === undefined && previous) {
      // Intune pages group rows under a type: `| &nbsp; **Policy Set** | A.ReadWrite.All |`.
      previous.permissions = [...new Set([...previous.permissions, ...permissions])];
    } else if (written !== '') {
      out.push({ type: type ?? written, permissions: [...new Set(permissions)], source: grid.sources[r]! });
    }
  });
  return out;
}

/** The three permission types, spelled canonically; undefined for other row labels. */
function permissionType(written: string): string | undefined {
  if (/^delegated\b.*\b(work|school)\b/i.test(written)) return 'Delegated (work or school account)';
  if (/^delegated\b.*\b(personal|microsoft account)\b/i.test(written)) return 'Delegated (personal Microsoft account)';
  if (/^delegated\b/i.test(written)) return written;
  if (/^application\b/i.test(written)) return 'Application';
  return undefined;
}

/**
 * `| Resource | Delegated (work or school account) | ... | Application |`: one
 * column per permission type, one row per resource; the rows are merged.
 */
function readTransposed(grid: Grid): PermissionFacts[] {
  return grid.header.flatMap((cell, i): PermissionFacts[] => {
    if (i === 0 || !/^(delegated|application)\b/.test(cell)) return [];
    const permissions = grid.rows.flatMap((row) => splitPermissions(row[i] ?? ''));
    return [{ type: grid.headerText[i] ?? cell, permissions: [...new Set(permissions)], source: grid.headerSource }];
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
    headerText: head?.cells ?? [],
    headerSource: { file: ctx.file, line: head?.line ?? start, column: 1 },
    rows: body.map((row) => row.cells),
    sources: body.map((row) => ({ file: ctx.file, line: row.line, column: 1 })),
  };
}

/**
 * Permission names in a cell: `A.Read, B.ReadWrite.All` → both. Names are
 * picked out as dotted identifiers, so separators other than commas (spaces,
 * `<br>`, "plus", "or") and prose around them ("For user resource:",
 * "Not supported.") fall away.
 */
export function splitPermissions(cell: string): string[] {
  return [...cell.matchAll(/(?<![\w.-])[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)+(?![\w-])/g)]
    .map((match) => match[0])
    .filter((name) => !/\.(md|com|html?)$/i.test(name));
}
