/** The Methods section's `|Method|Return type|Description|` tables. */
import type { Link, LinkReference, Nodes } from 'mdast';
import { at, type PageContext } from './context.js';
import type { MethodFacts, TypeRefFacts } from './facts.js';
import { findSections, sectionContent } from './sections.js';
import { column, readTable, tablesIn } from './table.js';
import { readTypeNode } from './type-cell.js';

const METHODS_SECTION = /^methods$/i;
/** Return-type cells that say "nothing": no type, not a type named None. */
const NO_RETURN = /^(?:none|no content|n\/?a|void|nothing|-+|—|empty|204(?: no content)?)\.?$/i;

export function readMethods(ctx: PageContext): MethodFacts[] {
  const out: MethodFacts[] = [];
  for (const section of findSections(ctx.sections, METHODS_SECTION)) {
    for (const node of tablesIn(sectionContent(ctx.sections, section))) {
      const table = readTable(node);
      const returns = column(table.header, /\breturn/, /^(?:response|result)(?: type)?$/, /^type$/);
      const title = column(table.header, /^(?:method|operation|api|action|function)s?(?: name)?$/);
      if (returns < 0 || title < 0 || returns === title) continue;
      const description = column(table.header, /\bdescription\b/);
      table.rows.forEach((cells, index) => {
        const titleCell = cells[title];
        // `|**Onboarding**|` groups the rows below it; it is no method.
        if (!titleCell || titleCell.text === '' || cells.filter((cell) => cell.text !== '').length < 2) return;
        const method: MethodFacts = {
          title: titleCell.text,
          returnType: returnType(ctx, cells[returns]?.node),
          description: description >= 0 ? (cells[description]?.text ?? '') : '',
          source: at(ctx, table.rowNodes[index]),
        };
        const href = linkTarget(ctx, titleCell.node);
        if (href !== undefined) method.href = href;
        out.push(method);
      });
    }
  }
  return out;
}

function returnType(ctx: PageContext, cell: Nodes | undefined): TypeRefFacts | null {
  if (!cell) return null;
  const { type, problem } = readTypeNode(cell, ctx.definitions);
  if (problem || NO_RETURN.test(type.raw)) return null;
  return type;
}

function linkTarget(ctx: PageContext, node: Nodes): string | undefined {
  const link = firstLink(node);
  if (!link) return undefined;
  return link.type === 'link' ? link.url : ctx.definitions.get(link.identifier.toLowerCase());
}

function firstLink(node: Nodes): Link | LinkReference | undefined {
  if (node.type === 'link' || node.type === 'linkReference') return node;
  if (!('children' in node)) return undefined;
  for (const child of node.children) {
    const found = firstLink(child as Nodes);
    if (found) return found;
  }
  return undefined;
}
