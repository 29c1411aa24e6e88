/**
 * The tables of a page that list properties: those of the Properties (or
 * Relationships) sections and of their subsections, broken ones recovered, and
 * |Property|Type|Description| tables under other headings ("Page Content") or
 * after the JSON representation.
 */
import type { RootContent } from 'mdast';
import { report, type PageContext } from './context.js';
import { findSections, subsections, type Section } from './sections.js';
import { isBrokenTable, readTable, type TableData } from './table.js';
import { recoverTable } from './recovered-table.js';
import { isPropertyTable } from './property-table.js';

export const PROPERTIES_SECTION = /^(?:[\w.]+\s+)?propert(?:y|ies)$/i;
export const RELATIONSHIPS_SECTION = /^(?:[\w.]+\s+)?(?:relationships?|navigation properties)$/i;

/** Subsections whose tables describe something other than this type's properties. */
const OTHER_SUBSECTION = /\bdefinitions?\b|\bexamples?\b|\binstance attributes?\b|\bvalues?$|\bderived types?\b|\bdata types?\b|\bjson\b|\bmethods?\b/i;

const DEFAULT_HEADER = ['property', 'type', 'description'];

/**
 * Sections (or their parents) whose tables are not this type's properties, wherever
 * a property-shaped table sits in them. JSON representation is not one: a table
 * after its code block has no heading of its own (package.md).
 */
const NOT_PROPERTIES = /\brelationships?\b|\bnavigation properties\b|\bmethods?\b|\bexamples?\b|\bvalues?$|\bmembers$|\benum|\bdefinitions?\b|\binstance attributes?\b|\bderived types?\b|\bdata types?\b|\bpermissions?\b|\brequest\b|\bresponse\b|\bparameters?\b|\bheaders?\b|\berrors?$|\bdeprecat/i;
const JSON_SECTION = /\bjson\b/i;

/** Property tables of every section titled like `title`, in page order. */
export function sectionPropertyTables(ctx: PageContext, title: RegExp): TableData[] {
  const seen = new Set<number>();
  const out: TableData[] = [];
  for (const section of findSections(ctx.sections, title)) {
    if (section.depth < 2 || seen.has(section.index)) continue;
    seen.add(section.index);
    out.push(...tablesOf(ctx, section.nodes, true));
    for (const sub of subsections(ctx.sections, section)) {
      if (seen.has(sub.index) || OTHER_SUBSECTION.test(sub.title) || title.test(sub.title)) continue;
      seen.add(sub.index);
      out.push(...tablesOf(ctx, sub.nodes, false));
    }
  }
  return out;
}

/**
 * |Property|Type|Description| tables outside the Properties and Relationships
 * sections: in sibling sections such as "Page Content" / "Authoring Metadata"
 * (sitePage), or after the JSON representation's code block (package). Only a
 * header that names both the property and the type column counts.
 */
export function otherPropertyTables(ctx: PageContext): TableData[] {
  const claimed = new Set<number>();
  for (const section of findSections(ctx.sections, new RegExp(`${PROPERTIES_SECTION.source}|${RELATIONSHIPS_SECTION.source}`, 'i'))) {
    if (section.depth < 2) continue;
    claimed.add(section.index);
    for (const sub of subsections(ctx.sections, section)) claimed.add(sub.index);
  }
  const out: TableData[] = [];
  const path: string[] = [];
  for (const section of ctx.sections) {
    if (section.depth < 2) continue;
    path.length = section.depth - 2;
    path.push(section.title);
    if (claimed.has(section.index) || path.some((title) => NOT_PROPERTIES.test(title))) continue;
    const afterCode = JSON_SECTION.test(section.title);
    let code = false;
    for (const node of section.nodes) {
      if (node.type === 'code') code = true;
      if (node.type !== 'table' || (afterCode && !code)) continue;
      const table = readTable(node);
      if (hasPropertyHeader(table.header)) out.push(table);
    }
  }
  return out;
}

/** A header with a property-name column and a type column, as |Property name|Type|Description|. */
function hasPropertyHeader(header: string[]): boolean {
  return (
    header.some((cell) => /^(?:property|name)(?: name)?$/.test(cell)) &&
    header.some((cell) => /^(?:data )?type$/.test(cell)) &&
    isPropertyTable(header, 'strict')
  );
}

/** Property tables written under the title when the page has no Properties section. */
export function leadPropertyTables(ctx: PageContext): TableData[] {
  const lead = ctx.sections.filter((section: Section) => section.depth <= 1);
  return lead.flatMap((section) => tablesOf(ctx, section.nodes, false));
}

function tablesOf(ctx: PageContext, nodes: RootContent[], loose: boolean): TableData[] {
  const where = loose ? 'loose' : 'strict';
  const out: TableData[] = [];
  let header: string[] | undefined;
  for (const node of nodes) {
    if (node.type === 'table') {
      const table = readTable(node);
      header = table.header;
      if (isPropertyTable(table.header, where)) out.push(table);
    } else if (isBrokenTable(node)) {
      const table = recoverTable(ctx, node, header ?? DEFAULT_HEADER, looksLikeHeader);
      const headed = table.header !== DEFAULT_HEADER;
      if (!(loose || headed) || !isPropertyTable(table.header, where) || table.rows.length === 0) continue;
      report(
        ctx,
        'table-malformed',
        'warning',
        'Unexpected paragraph of pipe-separated lines, expected a table (is the delimiter row missing, or a blank line inside the table?)',
        node,
      );
      out.push(table);
    }
  }
  return out;
}

function looksLikeHeader(cells: string[]): boolean {
  return (
    cells.some((cell) => /^(?:property|relationship|name)(?: name)?$/.test(cell)) &&
    cells.some((cell) => /^(?:data |return )?type$/.test(cell))
  );
}
