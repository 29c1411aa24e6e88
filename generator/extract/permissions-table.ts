/**
 * The permissions table: one row per permission type. Cells list permission
 * names, usually comma-separated; "Not supported." is an empty list. Pages with
 * several tables (per resource, per workflow, acting on self / others) give
 * one entry per row of each. "Least privileged" and "Higher privileged" columns
 * are kept apart; other permission columns are merged, least privileged first
 * (a "most to least privileged" list is reversed). A per-resource table gives
 * one entry per resource and type. A table the
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
import { faultyRow } from './recovered-table.js';
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
      report(ctx, 'table-malformed', 'warning', 'Unexpected pipe-separated lines that do not form a table, expected a table whose delimiter row has one cell per column', faultyRow(ctx, node));
      out.push(...readGrid(grid));
    }
  }
  return out;
}

function readGrid(grid: Grid): PermissionFacts[] {
  if (grid.header.slice(1).some((cell) => /^(delegated|application)\b/.test(cell))) return readTransposed(grid);
  if (!/^permission\s*type/.test(grid.header[0] ?? '')) return [];
  const columns = listColumns(grid.header);
  const out: PermissionFacts[] = [];
  grid.rows.forEach((row, r) => {
    const written = row[0] ?? '';
    const permissions = ordered(columns.least.flatMap((i) => splitPermissions(row[i] ?? '')), columns.mostFirst);
    const higher = columns.higher.flatMap((i) => splitPermissions(row[i] ?? ''));
    const type = permissionType(written);
    const previous = out[out.length - 1];
    if (type === undefined && previous) {
      // Intune pages group rows under a type: `| &nbsp; **Policy Set** | A.ReadWrite.All |`.
      previous.permissions = [...new Set([...previous.permissions, ...permissions])];
      if (previous.higherPrivileged) previous.higherPrivileged = [...new Set([...previous.higherPrivileged, ...higher])];
    } else if (written !== '') {
      out.push({ type: type ?? written, permissions: [...new Set(permissions)], ...(columns.higher.length > 0 ? { higherPrivileged: [...new Set(higher)] } : {}), source: grid.sources[r]! });
    }
  });
  return out;
}

/**
 * The permission columns of a `Permission type | ...` table: "Least privileged
 * permissions" and "Higher privileged permissions" apart; otherwise every
 * column naming permissions, read as one list, least privileged first unless
 * the header says "(from most to least privileged)".
 */
function listColumns(header: string[]): { least: number[]; higher: number[]; mostFirst: boolean } {
  const columns = header.map((_, i) => i).filter((i) => i > 0);
  const least = columns.filter((i) => /\bleast\s+privileged\b/.test(header[i] ?? '') && !/\bmost\b/.test(header[i] ?? ''));
  const higher = columns.filter((i) => /\bhigher\s+privileged\b/.test(header[i] ?? ''));
  if (least.length > 0) return { least, higher, mostFirst: false };
  const lists = columns.filter((i) => /permission/.test(header[i] ?? ''));
  const read = lists.length > 0 ? lists : [1];
  return { least: read, higher: [], mostFirst: read.some((i) => /\bmost\s+to\s+least\b/.test(header[i] ?? '')) };
}

function ordered(permissions: string[], mostFirst: boolean): string[] {
  return mostFirst ? [...permissions].reverse() : permissions;
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
 * `| Supported resource | Delegated (work or school account) | ... | Application |`:
 * one column per permission type, one row per resource; each cell is an entry
 * of its own, with the resource as the row names it (`subscription-get`).
 */
function readTransposed(grid: Grid): PermissionFacts[] {
  return grid.rows.flatMap((row, r) =>
    grid.header.flatMap((cell, i): PermissionFacts[] => {
      if (i === 0 || !/^(delegated|application)\b/.test(cell)) return [];
      const resource = (row[0] ?? '').replace(/\s+/g, ' ').trim();
      const permissions = [...new Set(splitPermissions(row[i] ?? ''))];
      return [{ type: permissionType(grid.headerText[i] ?? cell) ?? grid.headerText[i] ?? cell, permissions, ...(resource ? { resource } : {}), source: grid.sources[r]! }];
    }),
  );
}

/** The lines of a paragraph the parser left as text, as a header and rows. */
function gridOfLines(ctx: PageContext, paragraph: Paragraph): Grid {
  const { file, line: start } = at(ctx, paragraph);
  const lines = toString(paragraph).split('\n').map((text, i) => ({ text: text.trim(), line: start + i }));
  const rows = lines
    .filter(({ text }) => text.startsWith('|') && !/^[|:\s-]+$/.test(text))
    .map(({ text, line }) => ({ cells: text.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()), line }));
  const [head, ...body] = rows;
  return {
    header: (head?.cells ?? []).map((cell) => cell.toLowerCase()),
    headerText: head?.cells ?? [],
    headerSource: { file, line: head?.line ?? start, column: 1 },
    rows: body.map((row) => row.cells),
    sources: body.map((row) => ({ file, line: row.line, column: 1 })),
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
