import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../generator/parse/processor.js';
import { readTypeNode, readTypeText } from '../../generator/extract/type-cell.js';
import type { Table } from 'mdast';

/** The type cell (second column) of a one-row property table. */
function cellOf(typeCell: string) {
  const tree = parseMarkdown(`|Property|Type|Description|\n|:--|:--|:--|\n|p|${typeCell}|d|\n\n[ref]: ../resources/ref-target.md\n`);
  const table = tree.children.find((n): n is Table => n.type === 'table')!;
  return table.children[1]!.children[1]!;
}

describe('readTypeNode', () => {
  it.each([
    ['String', { name: 'Edm.String', isCollection: false, isPrimitive: true }],
    ['Int32', { name: 'Edm.Int32', isCollection: false, isPrimitive: true }],
    ['DateTimeOffset', { name: 'Edm.DateTimeOffset', isCollection: false, isPrimitive: true }],
    ['String collection', { name: 'Edm.String', isCollection: true, isPrimitive: true }],
    ['Collection(String)', { name: 'Edm.String', isCollection: true, isPrimitive: true }],
    ['`Edm.Guid`', { name: 'Edm.Guid', isCollection: false, isPrimitive: true }],
    ['GUID', { name: 'Edm.Guid', isCollection: false, isPrimitive: true }],
    ['**boolean**', { name: 'Edm.Boolean', isCollection: false, isPrimitive: true }],
    ['Int64', { name: 'Edm.Int64', isCollection: false, isPrimitive: true }],
    ['Binary', { name: 'Edm.Binary', isCollection: false, isPrimitive: true }],
    ['TimeOfDay', { name: 'Edm.TimeOfDay', isCollection: false, isPrimitive: true }],
    ['String (identifier)', { name: 'Edm.String', isCollection: false, isPrimitive: true }],
    ['riskLevel enum', { name: 'riskLevel', isCollection: false, isPrimitive: false }],
    ['microsoft.graph.windowsUpdates.updateCategory', { name: 'microsoft.graph.windowsUpdates.updateCategory', isCollection: false, isPrimitive: false }],
    ['[recipient](../resources/recipient.md) collection', { name: 'recipient', isCollection: true, isPrimitive: false, href: '../resources/recipient.md' }],
    ['Collection([x](x.md))', { name: 'x', isCollection: true, isPrimitive: false, href: 'x.md' }],
    ['[driveItem][ref]', { name: 'driveItem', isCollection: false, isPrimitive: false, href: '../resources/ref-target.md' }],
  ])('reads %s', (cell, want) => {
    const { type, problem } = readTypeNode(cellOf(cell), new Map([['ref', '../resources/ref-target.md']]));
    expect(problem).toBeUndefined();
    expect(type).toMatchObject(want);
  });

  it.each([
    ['Filters results (rows).', '"Filters results (rows)." is not a type'],
    [' ', 'empty type cell'],
  ])('reports %j as unreadable', (cell, problem) => {
    const result = readTypeText(cell);
    expect(result.problem).toBe(problem);
    expect(result.type.name).toBe('Edm.Untyped');
  });
});

describe('cells naming several types', () => {
  it.each([
    [
      '[appHostedMediaConfig](apphostedmediaconfig.md) or [serviceHostedMediaConfig](servicehostedmediaconfig.md)',
      { name: 'appHostedMediaConfig', href: 'apphostedmediaconfig.md', alternatives: [{ name: 'appHostedMediaConfig', href: 'apphostedmediaconfig.md' }, { name: 'serviceHostedMediaConfig', href: 'servicehostedmediaconfig.md' }] },
    ],
    ['[a](a.md), [b](b.md), or [c](c.md) collection', { name: 'a', isCollection: true, alternatives: [{ name: 'a', href: 'a.md' }, { name: 'b', href: 'b.md' }, { name: 'c', href: 'c.md' }] }],
    ['One of [a](a.md), [b][ref]', { name: 'a', alternatives: [{ name: 'a', href: 'a.md' }, { name: 'b', href: '../resources/ref-target.md' }] }],
    ['organizerMeetingInfo or tokenMeetingInfo', { name: 'organizerMeetingInfo', alternatives: [{ name: 'organizerMeetingInfo' }, { name: 'tokenMeetingInfo' }] }],
    ['a, b, or microsoft.graph.c', { name: 'a', alternatives: [{ name: 'a' }, { name: 'b' }, { name: 'microsoft.graph.c' }] }],
    ['one of: a, b', { name: 'a', alternatives: [{ name: 'a' }, { name: 'b' }] }],
  ])('reads %s as alternatives', (cell, want) => {
    const { type, problem } = readTypeNode(cellOf(cell), new Map([['ref', '../resources/ref-target.md']]));
    expect(problem).toBeUndefined();
    expect(type).toMatchObject({ isPrimitive: false, ...want });
  });

  it.each([
    ['String or Int32', 'Edm.String'],
    ['riskLevel or null', 'riskLevel'],
    ['colorbox', 'colorbox'],
    ['A supported resource instance: [message](message.md), or [event](event.md).', 'message'],
    ['[message](message.md) that contains one or more [mention](mention.md) objects', 'message'],
  ])('reads %s as one type', (cell, name) => {
    const { type } = readTypeNode(cellOf(cell));
    expect(type.name).toBe(name);
    expect(type.alternatives).toBeUndefined();
  });
});
