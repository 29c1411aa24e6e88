import { describe, expect, it } from 'vitest';
import type { Table } from 'mdast';
import { parseMarkdown } from '../../generator/parse/processor.js';
import { readTypeNode } from '../../generator/extract/type-cell.js';

/** Type cell spellings met on resource pages of the corpus. */
function cellOf(typeCell: string) {
  const tree = parseMarkdown(`|Property|Type|Description|\n|:--|:--|:--|\n|p|${typeCell}|d|\n`);
  const table = tree.children.find((n): n is Table => n.type === 'table')!;
  return table.children[1]!.children[1]!;
}

describe('readTypeNode: corpus spellings', () => {
  it.each([
    ['string (url)', { name: 'Edm.String', isCollection: false, isPrimitive: true }],
    ['String (enum)', { name: 'Edm.String', isCollection: false, isPrimitive: true }],
    ['string, maximum size 20', { name: 'Edm.String', isCollection: false, isPrimitive: true }],
    ['Collection of String', { name: 'Edm.String', isCollection: true, isPrimitive: true }],
    ['Untyped JSON object', { name: 'Edm.Untyped', isCollection: false, isPrimitive: true }],
    ['[invitedUserMessageInfo](invitedusermessageinfo.md', { name: 'invitedUserMessageInfo', isCollection: false, isPrimitive: false, href: 'invitedusermessageinfo.md' }],
    ['[item ](item.md) collection', { name: 'item', isCollection: true, isPrimitive: false, href: 'item.md' }],
    ['microsoft.graph.callRecords.modality collection', { name: 'microsoft.graph.callRecords.modality', isCollection: true, isPrimitive: false }],
  ])('reads %s', (cell, want) => {
    const { type, problem } = readTypeNode(cellOf(cell));
    expect(problem).toBeUndefined();
    expect(type).toMatchObject(want);
  });

  it.each(['Moment in time when the resource was created. DateTimeOffset', 'Filters results (rows).'])('still refuses %j', (cell) => {
    expect(readTypeNode(cellOf(cell)).problem).toBeDefined();
  });
});
