import { describe, expect, it } from 'vitest';
import { isPropertyTable, propertyColumns, propertyName } from '../../generator/extract/property-table.js';
import type { PropertyFacts } from '../../generator/extract/facts.js';
import { at, extract, md } from './resource-fixture.js';

describe('propertyColumns', () => {
  it.each<[string, { given: string[]; want: Partial<ReturnType<typeof propertyColumns>> }]>([
    ['property | type | description', { given: ['property', 'type', 'description'], want: { name: 0, named: true, type: 1, description: 2, required: -1 } }],
    ['property name', { given: ['property name', 'type', 'description'], want: { name: 0, type: 1, description: 2 } }],
    ['relationship', { given: ['relationship', 'type', 'description'], want: { name: 0, named: true, type: 1 } }],
    ['name | type', { given: ['name', 'type'], want: { name: 0, type: 1, description: -1 } }],
    ['extra Required column', { given: ['property', 'type', 'required', 'description'], want: { name: 0, type: 1, required: 2, description: 3 } }],
    ['supports $filter column', { given: ['property', 'type', 'description', 'supports $filter'], want: { type: 1, description: 2 } }],
    ['unnamed first column', { given: ['method', 'return type', 'description'], want: { name: 0, named: false, type: 1 } }],
    ['type first', { given: ['type', 'description'], want: { name: -1, type: 0 } }],
  ])('%s', (_name, { given, want }) => {
    expect(propertyColumns(given)).toMatchObject(want);
  });
});

describe('isPropertyTable', () => {
  it.each<[string, { given: string[]; loose: 'loose' | 'strict' | 'request'; want: boolean }]>([
    ['property table, strict', { given: ['property', 'type', 'description'], loose: 'strict', want: true }],
    ['no type column, loose', { given: ['property', 'description'], loose: 'loose', want: true }],
    ['no type column, strict', { given: ['property', 'description'], loose: 'strict', want: false }],
    ['enum members', { given: ['member', 'value', 'description'], loose: 'loose', want: false }],
    ['values', { given: ['value', 'description'], loose: 'loose', want: false }],
    ['derived types', { given: ['type', 'description'], loose: 'loose', want: false }],
    ['mislabelled header in a Properties section', { given: ['method', 'return type', 'description'], loose: 'loose', want: true }],
    ['mislabelled header elsewhere', { given: ['method', 'return type', 'description'], loose: 'strict', want: false }],
  ])('%s', (_name, { given, loose, want }) => {
    expect(isPropertyTable(given, loose)).toBe(want);
  });
});

describe('propertyName', () => {
  it.each([
    ['id', 'id'],
    ['id (inherited from entity)', 'id'],
    ['displayName*', 'displayName'],
    ['  spaced  ', 'spaced'],
  ])('%j → %j', (given, want) => {
    expect(propertyName(given)).toBe(want);
  });
});

/** A Properties section holding `rows` under a `|Property|Type|Description|` header (table at line 3). */
const table = (...rows: string[]) => md('# x resource type', '## Properties', '|Property|Type|Description|', '|:--|:--|:--|', ...rows);

describe('property rows', () => {
  it.each<[string, { given: string; want: Partial<PropertyFacts>[]; diagnostics?: string[] }]>([
    [
      'primitive, linked and collection types',
      {
        given: table(
          '|id|String|Read-only.|',
          '|owner|[identitySet](identityset.md)|Who owns it.|',
          '|tags|String collection|Tags. Not nullable.|',
          '|items|[item ](item.md) collection|Items.|',
          '|sessions|Collection(microsoft.graph.callRecords.session)|Sessions.|',
        ),
        want: [
          { name: 'id', type: { raw: 'String', name: 'Edm.String', isCollection: false, isPrimitive: true }, description: 'Read-only.', readOnly: true, source: at(5) },
          { name: 'owner', type: { raw: 'identitySet', name: 'identitySet', isCollection: false, isPrimitive: false, href: 'identityset.md' }, source: at(6) },
          { name: 'tags', type: { raw: 'String collection', name: 'Edm.String', isCollection: true, isPrimitive: true }, nullable: false, source: at(7) },
          { name: 'items', type: { raw: 'item collection', name: 'item', isCollection: true, isPrimitive: false, href: 'item.md' }, source: at(8) },
          { name: 'sessions', type: { raw: 'Collection(microsoft.graph.callRecords.session)', name: 'microsoft.graph.callRecords.session', isCollection: true, isPrimitive: false }, source: at(9) },
        ],
      },
    ],
    [
      'decorated names',
      {
        given: table('|`displayName`|String|Name.|', '|**isEnabled**|Boolean|Flag.|', '|on\\_premises\\_id|String|Id.|'),
        want: [{ name: 'displayName' }, { name: 'isEnabled' }, { name: 'on_premises_id' }],
      },
    ],
    [
      'possible values and hints',
      {
        given: table('|state|[state](state.md)|The state. Possible values are: `on`, `off`. Required.|'),
        want: [{ name: 'state', possibleValues: ['on', 'off'], required: true, description: 'The state. Possible values are: on, off. Required.' }],
      },
    ],
    [
      'empty type cell',
      {
        given: table('|id||The id.|'),
        want: [{ name: 'id', type: { raw: '', name: 'Edm.Untyped', isCollection: false, isPrimitive: true }, typeUnknown: true }],
        diagnostics: ['5:4 property-type-missing'],
      },
    ],
    [
      'row with fewer cells',
      {
        given: table('|id|'),
        want: [{ name: 'id', type: { raw: '', name: 'Edm.Untyped', isCollection: false, isPrimitive: true }, typeUnknown: true, description: '' }],
        diagnostics: ['5:1 property-type-missing'],
      },
    ],
    [
      'unreadable type',
      {
        given: table('|id|The identifier of it|x|'),
        want: [{ name: 'id', typeUnknown: true }],
        diagnostics: ['5:4 property-type-invalid'],
      },
    ],
    [
      'row without a name',
      { given: table('||String|Orphan.|', '|b|String|B.|'), want: [{ name: 'b' }], diagnostics: ['5:1 property-name-missing'] },
    ],
    [
      'group label rows',
      {
        given: table('|**Onboarding**|', '|a|String|A.|', '|**Device management**|', '|b|Int32|B.|'),
        want: [{ name: 'a', source: at(6) }, { name: 'b', source: at(8) }],
      },
    ],
    [
      'description split over two lines',
      {
        given: table('|size|Int64|The size. Valid values 0 to 10', 'The value 0 means unlimited. Read-only.|', '|next|String|Next.|'),
        want: [
          { name: 'size', description: 'The size. Valid values 0 to 10 The value 0 means unlimited. Read-only.', readOnly: true },
          { name: 'next' },
        ],
        diagnostics: ['6:1 table-row-split'],
      },
    ],
    [
      'rows recovered from a table the parser could not read keep links and positions',
      {
        given: md('# x resource type', '## Properties', '|Property|Type|Description|', '|a|String|A.|', '  |b|[b](b.md) collection|B. Read-only.|'),
        want: [
          { name: 'a', type: { raw: 'String', name: 'Edm.String', isCollection: false, isPrimitive: true }, description: 'A.', source: at(4) },
          { name: 'b', type: { raw: 'b collection', name: 'b', isCollection: true, isPrimitive: false, href: 'b.md' }, readOnly: true, source: at(5, 3) },
        ],
        diagnostics: ['3:1 table-malformed'],
      },
    ],
    [
      'a broken table in a subsection needs a header',
      {
        given: md('# x resource type', '## Properties', '|Property|Type|Description|', '|-|-|-|', '|a|String|A.|', '### More', 'on | On.', '|off | Off.|', '|x|y|'),
        want: [{ name: 'a' }],
      },
    ],
    [
      'Required column',
      {
        given: md('# x resource type', '## Properties', '|Property|Type|Required|Description|', '|-|-|-|-|', '|a|String|Yes|A.|', '|b|String|No|B.|'),
        want: [{ name: 'a', required: true, description: 'A.' }, { name: 'b', required: false }],
      },
    ],
  ])('%s', (_name, { given, want, diagnostics = [] }) => {
    const result = extract(given);
    expect(result.resources[0]!.properties).toMatchObject(want);
    expect(result.resources[0]!.properties).toHaveLength(want.length);
    expect(result.diagnostics).toEqual(diagnostics);
  });
});

describe('row names: annotation rows and invalid names', () => {
  it.each<[string, { given: string; properties: string[]; navigationProperties?: string[]; diagnostics?: string[] }]>([
    [
      '@odata.type, @odata.id and @odata.etag rows are annotations (resourceData)',
      {
        given: table('| @odata.type | string | The OData entity type. |', '| @odata.id | string | The OData identifier. |', '| @odata.etag | string | The entity tag. |', '| id | string | The identifier. |'),
        properties: ['id'],
        diagnostics: ['5:1 property-annotation-row', '6:1 property-annotation-row', '7:1 property-annotation-row'],
      },
    ],
    [
      'an annotation row among code-spanned types (shiftPreferences)',
      {
        given: table('| id | `Edm.String` | The identifier. |', '| @odata.etag | `Edm.String` | The change key. |', '| availability | [shiftAvailability](shiftavailability.md) collection | Availability. |'),
        properties: ['id', 'availability'],
        diagnostics: ['6:1 property-annotation-row'],
      },
    ],
    [
      'a property annotation such as content@odata.mediaReadLink',
      { given: table('|content@odata.mediaReadLink|String|Link.|', '|size|Int64|Size.|'), properties: ['size'], diagnostics: ['5:1 property-annotation-row'] },
    ],
    [
      'paths in a Relationships table are no property names (agreement)',
      {
        given: md(
          '# x resource type',
          '## Relationships',
          '| Relationship | Type | Description |',
          '|:--|:--|:--|',
          '|file|[agreementFile](agreementfile.md) | Default PDF.|',
          '|file/localizations|[agreementFileLocalization](agreementfilelocalization.md) collection|Localized files.|',
          '|file/localizations/{localizationId}/versions|[agreementFileVersion](agreementfileversion.md) collection|Versions.|',
        ),
        properties: [],
        navigationProperties: ['file'],
        diagnostics: ['6:1 property-name-invalid', '7:1 property-name-invalid'],
      },
    ],
    [
      'a name with a space',
      { given: table('|display name|String|Name.|'), properties: [], diagnostics: ['5:1 property-name-invalid'] },
    ],
    [
      'identifiers with digits, underscores and capitals are valid',
      { given: table('|on_premises_id|String|Id.|', '|printerID|String|Id.|', '|x509Thumbprint|String|T.|'), properties: ['on_premises_id', 'printerID', 'x509Thumbprint'] },
    ],
  ])('%s', (_name, { given, properties, navigationProperties = [], diagnostics = [] }) => {
    const result = extract(given);
    expect(result.resources[0]!.properties.map((p) => p.name)).toEqual(properties);
    expect(result.resources[0]!.navigationProperties.map((p) => p.name)).toEqual(navigationProperties);
    expect(result.diagnostics).toEqual(diagnostics);
  });
});
