import { describe, expect, it } from 'vitest';
import type { PropertyFacts } from '../../generator/extract/facts.js';
import { readPropertyHints, readRequiredColumn } from '../../generator/extract/property-hints.js';
import { apiPage } from './api-fixture.js';

describe('required: a Required column, else the description', () => {
  it.each([
    ['Yes', '', true],
    ['false', '', false],
    ['✓', '', true],
    ['', 'The name. Required.', true],
    [undefined, 'The name. Required.', true],
    [undefined, 'Required. The name.', true],
    [undefined, 'The size. Optional.', false],
    [undefined, 'Not required.', false],
    [undefined, '(Optional) The size.', false],
    [undefined, 'Optional, default value is false.', false],
    [undefined, 'Optional description of the script.', false],
    [undefined, 'Required if approval needs a reason.', undefined],
    [undefined, 'The subnet. Required format: "/subscriptions/{id}".', undefined],
    [undefined, 'Null if reviews are not required.', undefined],
    [undefined, 'The required name of it.', undefined],
    [undefined, 'The name.', undefined],
  ] as Array<[string | undefined, string, boolean | undefined]>)('%s / %s → %s', (column, description, want) =>
    expect((column ? readRequiredColumn(column) : undefined) ?? readPropertyHints(description).required).toBe(want),
  );
});

function row(p: PropertyFacts): string {
  const flags = [p.required === undefined ? '' : p.required ? 'required' : 'optional', p.typeUnknown ? 'typeUnknown' : '', p.possibleValues ? `values=${p.possibleValues.join('|')}` : '']
    .filter(Boolean)
    .join(' ');
  return `${p.name}:${p.type.name}${p.type.isCollection ? '[]' : ''}${flags ? ` ${flags}` : ''} @${p.source.line}`;
}

const HEAD = ['# Update widget', '', 'Update one.', '', '## HTTP request', '```http', 'PATCH /widgets/{id}', '```', '', '## Request body']; // lines 4–13

const CASES: Array<[string, { given: string[]; want: string[] | null; diagnostics?: string[] }]> = [
  [
    'a Required column, possible values, a linked collection',
    {
      given: [
        '|Property|Type|Required|Description|', // 14
        '|:--|:--|:--|:--|',
        '|name|String|Yes|The name.|',
        '|state|[widgetState](../resources/widgetstate.md)|No|Possible values are: `on`, `off`.|',
        '|parts|[part](../resources/part.md) collection||Parts.|',
      ],
      want: ['name:Edm.String required @16', 'state:widgetState optional values=on|off @17', 'parts:part[] @18'],
    },
  ],
  [
    'a line break inside a cell continues the previous row; Intune group labels are skipped',
    {
      given: [
        '|Property|Type|Description|', // 14
        '|:--|:--|:--|',
        '|mode|String|The mode.',
        'Applies to LAN only.|',
        '|**Device configuration**|',
        '|size|Int32|Size.|', // 19
      ],
      want: ['mode:Edm.String @16', 'size:Edm.Int32 @19'],
      diagnostics: ['17:1 warning table-row-split'],
    },
  ],
  [
    'an unreadable type cell',
    {
      given: ['|Property|Type|Description|', '|:--|:--|:--|', '|page|string/number|The page.|'],
      want: ['page:Edm.Untyped typeUnknown @16'],
      diagnostics: ['16:6 warning property-type-invalid'],
    },
  ],
  ['no table: null', { given: ['In the request body, supply a JSON representation of a widget.'], want: null }],
  ['no body: null', { given: ['Do not supply a request body for this method.'], want: null }],
];

describe('readRequestBody', () => {
  it.each(CASES)('%s', (_name, { given, want, diagnostics = [] }) => {
    const { operation, diagnostics: reported } = apiPage(...HEAD, ...given);
    expect(operation.requestBody?.map(row) ?? null).toEqual(want);
    expect(reported).toEqual(diagnostics);
  });
});
