/**
 * One reader for every property table: the same rows, faults included, read
 * from a resource page's Properties section and from an API page's Request
 * body give the same properties and the same diagnostics at the same places.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../generator/extract/page.js';
import type { PropertyFacts } from '../../generator/extract/facts.js';

/** The table, header at line 12. */
const TABLE = [
  '|Property|Type|Required|Description|', // 12
  '|:--|:--|:--|:--|',
  '|name|String|Yes|The name. Read-only.|', // 14
  '||String|No|Orphan.|', // 15: no name
  '|file/path|String|No|A path, not a name.|', // 16: not an identifier
  '|size||No|The size.|', // 17: empty type cell
  '|page|string/number|No|The page.|', // 18: no type
  '|state|String||Possible values are: `on`, `off`. Optional.|', // 19
  '|mode|String||The mode.', // 20
  'Applies to LAN only.|', // 21: the rest of row 20's cell
  '|**Group**|', // 22: a group label
  '|@odata.type|String|No|The type.|', // 23: an annotation
];

const RESOURCE = ['# widget resource type', '', 'A widget.', '', '', '', '', '', '', '## Properties', '', ...TABLE];
const API = ['# Update widget', '', 'Update one.', '', '## HTTP request', '```http', 'PATCH /widgets/{id}', '```', '', '## Request body', '', ...TABLE];

function read(file: string, lines: string[]): { rows: string[]; diagnostics: string[] } {
  const facts = extractPage({ file, apiVersion: 'v1.0', text: `${lines.join('\n')}\n` });
  const properties: PropertyFacts[] = facts.resources[0]?.properties ?? facts.operations[0]?.requestBody ?? [];
  const rows = properties.map(
    (p) =>
      `${p.source.line}:${p.source.column} ${p.name}: ${p.type.name}${p.typeUnknown ? '?' : ''}` +
      `${p.required === undefined ? '' : p.required ? ' required' : ' optional'}${p.readOnly ? ' readOnly' : ''}` +
      `${p.possibleValues ? ` values=${p.possibleValues.join('|')}` : ''} "${p.description}"`,
  );
  const diagnostics = facts.diagnostics.filter((d) => d.line >= 12).map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);
  return { rows, diagnostics };
}

const ROWS = [
  '14:1 name: Edm.String required readOnly "The name. Read-only."',
  '17:1 size: Edm.Untyped? optional "The size."',
  '18:1 page: Edm.Untyped? optional "The page."',
  '19:1 state: Edm.String optional values=on|off "Possible values are: on, off. Optional."',
  '20:1 mode: Edm.String "The mode. Applies to LAN only."',
];

/** Rows are grouped (split rows joined) before they are read, so the split is reported first; a cell starts at its `|`. */
const DIAGNOSTICS = [
  '21:1 warning table-row-split',
  '15:1 warning property-name-missing',
  '16:1 warning property-name-invalid',
  '17:6 warning property-type-missing',
  '18:6 warning property-type-invalid',
];

describe('one property-table reader', () => {
  it('reads a resource Properties table', () => {
    const { rows, diagnostics } = read('v1.0/resources/widget.md', RESOURCE);
    expect(rows).toEqual(ROWS);
    expect(diagnostics).toEqual([...DIAGNOSTICS, '23:1 info property-annotation-row']);
  });

  it('reads a Request body table the same way, keeping the annotation a request sends', () => {
    const { rows, diagnostics } = read('v1.0/api/widget-update.md', API);
    expect(rows).toEqual([...ROWS, '23:1 @odata.type: Edm.String optional "The type."']);
    expect(diagnostics).toEqual(DIAGNOSTICS);
  });
});
