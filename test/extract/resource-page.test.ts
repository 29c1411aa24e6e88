import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../generator/extract/page.js';
import type { ResourceFacts } from '../../generator/extract/facts.js';
import { extractResourcePage } from '../../generator/extract/resource-page.js';
import { at, contextOf, extract, md } from './resource-fixture.js';

const FULL_PAGE = md(
  '# widget resource type', // 1
  '',
  'Namespace: microsoft.graph',
  '',
  '> **Note:** Preview only.', // 5
  '',
  '[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]',
  '',
  'A widget on a dashboard.',
  '', // 10
  'Inherits from [entity](entity.md).',
  '',
  '## Methods',
  '|Method|Return type|Description|',
  '|:--|:--|:--|', // 15
  '|[List widgets](../api/widget-list.md)|[widget](widget.md) collection|List them.|',
  '|[Delete widget](../api/widget-delete.md)|None|Delete one.|',
  '',
  '## Properties',
  '|Property|Type|Description|', // 20
  '|:--|:--|:--|',
  '|id|String|Identifier. Read-only.|',
  '|size|Int32|Size.|',
  '',
  '## Relationships', // 25
  '|Relationship|Type|Description|',
  '|:--|:--|:--|',
  '|parts|[part](part.md) collection|Parts. Nullable.|',
  '',
  '## JSON representation', // 30
  '<!-- {',
  '  "blockType": "resource",',
  '  "keyProperty": "id",',
  '  "openType": true,',
  '  "optionalProperties": ["size"],', // 35
  '  "@odata.type": "microsoft.graph.widget"',
  '} -->',
  '```json',
  '{ "id": "String (identifier)", "size": 1 }',
  '```', // 40
);

describe('extractResourcePage: a whole page', () => {
  it('reads every part of a well-formed page', () => {
    const { resources, diagnostics } = extract(FULL_PAGE);
    expect(diagnostics).toEqual([]);
    expect(resources).toEqual<ResourceFacts[]>([
      {
        name: 'widget',
        namespace: 'microsoft.graph',
        description: 'A widget on a dashboard.',
        source: at(1),
        baseType: { name: 'entity', href: 'entity.md', source: at(11, 15) },
        properties: [
          { name: 'id', type: { raw: 'String', name: 'Edm.String', isCollection: false, isPrimitive: true }, description: 'Identifier. Read-only.', readOnly: true, source: at(22), typeSource: at(22, 5) },
          { name: 'size', type: { raw: 'Int32', name: 'Edm.Int32', isCollection: false, isPrimitive: true }, description: 'Size.', source: at(23), typeSource: at(23, 7) },
        ],
        navigationProperties: [
          { name: 'parts', type: { raw: 'part collection', name: 'part', isCollection: true, isPrimitive: false, href: 'part.md' }, description: 'Parts. Nullable.', nullable: true, source: at(28), typeSource: at(28, 8) },
        ],
        methods: [
          { title: 'List widgets', href: '../api/widget-list.md', returnType: { raw: 'widget collection', name: 'widget', isCollection: true, isPrimitive: false, href: 'widget.md' }, description: 'List them.', source: at(16) },
          { title: 'Delete widget', href: '../api/widget-delete.md', returnType: null, description: 'Delete one.', source: at(17) },
        ],
        json: {
          annotation: {
            value: { blockType: 'resource', keyProperty: 'id', openType: true, optionalProperties: ['size'], '@odata.type': 'microsoft.graph.widget' },
            raw: expect.any(String) as string,
            source: at(31),
          },
          body: { raw: '{ "id": "String (identifier)", "size": 1 }', json: { id: 'String (identifier)', size: 1 }, parsed: true, source: at(39) },
          source: at(38),
        },
        keyProperty: 'id',
        openType: true,
        optionalProperties: ['size'],
      },
    ]);
  });
});

type Want = Partial<Omit<ResourceFacts, 'properties' | 'navigationProperties'>> & {
  properties?: string[];
  navigationProperties?: string[];
};

/** Names of properties are enough here; property-table.test.ts checks rows in detail. */
function summary(resource: ResourceFacts | undefined): Want | undefined {
  if (!resource) return undefined;
  return { ...resource, properties: resource.properties.map((p) => p.name), navigationProperties: resource.navigationProperties.map((p) => p.name) };
}

describe('extractResourcePage', () => {
  it('an api/ page read as a resource by its doc_type: no resource, and no resource-name-missing (doc-type-mismatch reports the doc_type)', () => {
    const ctx = { ...contextOf(md('# Update servicePrincipal', '', 'Update the properties.')), file: 'v1.0/api/serviceprincipal-update.md' };
    expect(extractResourcePage(ctx).resources ?? []).toEqual([]);
    expect(ctx.diagnostics).toEqual([]);
    expect(extract(md('# Update servicePrincipal', '', 'Update the properties.')).diagnostics).toEqual(['1:1 resource-name-missing']);
  });

  it.each<[string, { given: string; want: Want | undefined; diagnostics?: string[] }]>([
    [
      'name and namespace from a qualified @odata.type',
      {
        given: md('# session resource type', 'Namespace: microsoft.graph.callRecords', '', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.callRecords.session" } -->', '```json', '{}', '```'),
        want: { name: 'session', namespace: 'microsoft.graph.callRecords' },
      },
    ],
    [
      'annotation name wins over the title',
      {
        given: md('# Chart resource type', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.workbookChart" } -->', '```json', '{}', '```'),
        want: { name: 'workbookChart', namespace: 'microsoft.graph' },
      },
    ],
    [
      '@type instead of @odata.type',
      { given: md('# x resource type', '<!-- { "blockType": "resource", "@type": "microsoft.graph.accessAction" } -->', '```json', '{}', '```'), want: { name: 'accessAction' } },
    ],
    ['name from the title: complex type', { given: md('# `fileHash` complex type', '', 'A hash.'), want: { name: 'fileHash', description: 'A hash.', json: null } }],
    ['name from the title: resource (deprecated)', { given: md('# alert resource (deprecated)'), want: { name: 'alert' } }],
    ['name from the title: facet, misspelt resource type', { given: md('# FileSystemInfo facet'), want: { name: 'FileSystemInfo' } }],
    ['name from the title: "resouce type"', { given: md('# media resouce type'), want: { name: 'media' } }],
    ['page namespace for an unqualified name', { given: md('# endpoint resource type', 'Namespace: microsoft.graph.callRecords'), want: { name: 'endpoint', namespace: 'microsoft.graph.callRecords' } }],
    [
      'no name anywhere',
      { given: md('# Use the API to query data', '', 'Prose.'), want: undefined, diagnostics: ['1:1 resource-name-missing'] },
    ],
    [
      'description skips notes and includes, drops a dangling lead-in',
      {
        given: md('# x resource type', '', 'Namespace: microsoft.graph', '', '> [!NOTE]', '> Careful.', '', '**Note:** Also careful.', '', 'First paragraph.', '', 'Second **bold** paragraph.', '', 'This resource supports:', '', '- delta', '', 'After the list.'),
        want: { description: 'First paragraph.\n\nSecond bold paragraph.' },
      },
    ],
    [
      'description on the line after the namespace, in the same paragraph',
      { given: md('# mfaDetail resource type', '', 'Namespace: microsoft.graph', 'Indicates MFA details.'), want: { description: 'Indicates MFA details.' } },
    ],
    [
      'base type from "Derived from" with a reference link',
      { given: md('# x resource type', '', 'Derived from [**baseItem**][baseItem].', '', '[baseItem]: baseitem.md'), want: { baseType: { name: 'baseItem', href: 'baseitem.md', source: at(3, 14) }, description: '' } },
    ],
    [
      'base type from a sentence in the Properties section',
      {
        given: md('# x resource type', '## Properties', '', '**x** inherits all the properties of the [mediaQuality](mediaquality.md) resource.'),
        want: { baseType: { name: 'mediaQuality', href: 'mediaquality.md', source: at(4, 42) } },
      },
    ],
    [
      'base type from the annotation only',
      {
        given: md('# x resource type', '<!-- { "blockType": "resource", "baseType": "microsoft.graph.entity", "@odata.type": "microsoft.graph.x" } -->', '```json', '{}', '```'),
        want: { baseType: { name: 'entity', source: at(2) } },
      },
    ],
    [
      'annotation qualifies the base type a sentence links bare',
      {
        given: md('# clientUserAgent resource type', 'Namespace: microsoft.graph.callRecords', '', 'Inherits from [userAgent](callrecords-useragent.md).', '', '<!-- { "blockType": "resource", "baseType": "microsoft.graph.callRecords.userAgent", "@odata.type": "microsoft.graph.callRecords.clientUserAgent" } -->', '```json', '{}', '```'),
        want: { baseType: { name: 'microsoft.graph.callRecords.userAgent', href: 'callrecords-useragent.md', source: at(4, 15) } },
      },
    ],
    [
      'sentence and annotation disagree',
      {
        given: md('# orgContact resource type', '', 'Inherits from [directoryObject](directoryobject.md).', '', '<!-- { "blockType": "resource", "baseType": "microsoft.graph.entity", "@odata.type": "microsoft.graph.orgContact" } -->', '```json', '{}', '```'),
        want: { baseType: { name: 'directoryObject', href: 'directoryobject.md', source: at(3, 15) } },
        // at the annotation's baseType value, where the fix goes
        diagnostics: ['5:45 base-type-mismatch'],
      },
    ],
    [
      'sentence and a multi-line annotation disagree: reported on the baseType line',
      {
        given: md('# orgContact resource type', '', 'Inherits from [directoryObject](directoryobject.md).', '', '<!-- {', '  "blockType": "resource",', '  "baseType": "microsoft.graph.entity",', '  "@odata.type": "microsoft.graph.orgContact"', '} -->', '```json', '{}', '```'),
        want: { baseType: { name: 'directoryObject', href: 'directoryobject.md', source: at(3, 15) } },
        diagnostics: ['7:15 base-type-mismatch'],
      },
    ],
    [
      'other types inheriting from this one is no base type',
      { given: md('# x resource type', '', 'All the session controls inherit from [x](x.md).'), want: { baseType: null } },
    ],
    [
      'Relationships: None',
      { given: md('# x resource type', '## Properties', '|Property|Type|Description|', '|-|-|-|', '|a|String|A.|', '## Relationships', 'None'), want: { properties: ['a'], navigationProperties: [] } },
    ],
    [
      'properties in subsections; definition, example and instance attribute tables skipped',
      {
        given: md(
          '# x resource type',
          '## Properties',
          '|Property|Type|Description|', '|-|-|-|', '|a|String|A.|',
          '### Email observables',
          '|Property|Type|Description|', '|-|-|-|', '|emailSubject|String|Subject.|',
          '### Properties of a policy definition',
          '|Property|Type|Description|', '|-|-|-|', '|Version|Integer|Version.|',
          '### Instance attributes',
          '|Property name|Type|Description|', '|-|-|-|', '|@microsoft.graph.mode|string|Mode.|',
          '### state values',
          '|Member|Description|', '|-|-|', '|on|On.|',
          '## Relationships',
          '|Relationship|Type|Description|', '|-|-|-|', '|b|[b](b.md)|B.|',
        ),
        want: { properties: ['a', 'emailSubject'], navigationProperties: ['b'] },
      },
    ],
    [
      'a property table under the title when there is no Properties section',
      { given: md('# x resource type', '', 'About x.', '', '|Property|Type|Description|', '|-|-|-|', '|name|string|Name.|'), want: { properties: ['name'], description: 'About x.' } },
    ],
    [
      'a mislabelled header in the Properties section',
      { given: md('# x resource type', '## Properties', '| Method | Return Type | Description |', '|-|-|-|', '|data|Binary|Data.|'), want: { properties: ['data'] } },
    ],
    [
      'Properties table without a Type column: at the header cell after the name, where it belongs',
      {
        given: md('# x resource type', '## Properties', '|Property|Description|', '|-|-|', '|a|A.|'),
        want: { properties: ['a'] },
        diagnostics: ['3:11 property-type-missing'],
      },
    ],
    [
      'Type column misnamed (`Value`): at that header text',
      {
        given: md('# x resource type', '## Properties', '| Name | Value | Description |', '|-|-|-|', '|a|String|A.|'),
        want: { properties: ['a'] },
        diagnostics: ['3:10 property-type-missing'],
      },
    ],
    [
      'a two-column Name | Value table gives fixed values, not types: no Type column asked for',
      {
        given: md('# x resource type', '## Properties', '| Name | Value |', '|-|-|', '|extensionName|%unique_string%|'),
        want: { properties: ['extensionName'] },
      },
    ],
    [
      'table without a delimiter row is recovered',
      {
        given: md('# x resource type', '## Properties', '|Property|Type|Description|', '|a|String|A.|', '|b|[b](b.md) collection|B.|'),
        want: { properties: ['a', 'b'] },
        diagnostics: ['3:1 table-malformed'],
      },
    ],
    [
      'table cut by a blank line continues with its header',
      {
        given: md('# x resource type', '## Properties', '|Property|Type|Description|', '|-|-|-|', '|a|String|A.|', '', '|b|Int32|B.|', '|c|Boolean|C.|'),
        want: { properties: ['a', 'b', 'c'] },
        diagnostics: ['7:1 table-malformed'],
      },
    ],
    [
      'duplicate property, also across Properties and Relationships',
      {
        given: md('# x resource type', '## Properties', '|Property|Type|Description|', '|-|-|-|', '|a|String|A.|', '|a|String|Again.|', '|b|[b](b.md)|B.|', '## Relationships', '|Relationship|Type|Description|', '|-|-|-|', '|b|[b](b.md)|B.|'),
        want: { properties: ['a', 'b'], navigationProperties: [] },
        diagnostics: ['6:1 property-duplicate', '11:1 property-duplicate'],
      },
    ],
    [
      'a page with no properties at all',
      { given: md('# x resource type', '', 'Nothing here.', '## Properties', 'This resource type has no properties.'), want: { properties: [], navigationProperties: [], methods: [], json: null, baseType: null } },
    ],
  ])('%s', (_name, { given, want, diagnostics = [] }) => {
    const result = extract(given);
    if (want === undefined) expect(result.resources).toEqual([]);
    else expect(summary(result.resources[0])).toMatchObject(want);
    expect(result.diagnostics).toEqual(diagnostics);
  });
});

describe('JSON representation', () => {
  it.each<[string, { given: string; want: Partial<ResourceFacts>; diagnostics?: string[] }]>([
    [
      'invalid body kept raw',
      {
        given: md('# x resource type', '## JSON representation', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x" } -->', '```json', '{', '  /* comment */', '  "a": "String"', '}', '```'),
        want: { json: { annotation: expect.anything() as never, body: { raw: '{\n  /* comment */\n  "a": "String"\n}', parsed: false, source: at(5) }, source: at(4) } },
        diagnostics: ['6:3 json-invalid'],
      },
    ],
    [
      'a comment after a value: reported at the comment, not at the block start',
      {
        given: md('# x resource type', '## JSON representation', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x" } -->', '```json', '{', '  "id": "String",', '  "size": 1024 // units', '}', '```'),
        want: { json: { annotation: expect.anything() as never, body: { raw: '{\n  "id": "String",\n  "size": 1024 // units\n}', parsed: false, source: at(5) }, source: at(4) } },
        diagnostics: ['7:16 json-invalid'],
      },
    ],
    [
      'a stray `}` closing the object early: reported at that `}`, not at the comma after it',
      {
        given: md('# x resource type', '## JSON representation', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x" } -->', '```json', '{', '  "id": "String"', '},', '"size": 1024', '}', '```'),
        want: { json: { annotation: expect.anything() as never, body: { raw: '{\n  "id": "String"\n},\n"size": 1024\n}', parsed: false, source: at(5) }, source: at(4) } },
        diagnostics: ['7:1 json-invalid'],
      },
    ],
    [
      'cut short inside a string: reported at the end, where the rest goes, not at the opening quote',
      {
        given: md('# x resource type', '## JSON representation', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x" } -->', '```json', '{', '  "id": "String",', '  "displayName": "Str', '```'),
        want: { json: { annotation: expect.anything() as never, body: { raw: '{\n  "id": "String",\n  "displayName": "Str', parsed: false, source: at(5) }, source: at(4) } },
        diagnostics: ['7:22 json-invalid'],
      },
    ],
    [
      'a missing comma: right after the value before, where the comma goes',
      {
        given: md('# x resource type', '## JSON representation', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x" } -->', '```json', '{', '  "id": "String"', '  "size": 1024', '}', '```'),
        want: { json: { annotation: expect.anything() as never, body: { raw: '{\n  "id": "String"\n  "size": 1024\n}', parsed: false, source: at(5) }, source: at(4) } },
        diagnostics: ['6:17 json-invalid'],
      },
    ],
    [
      'isAbstract and abstract, strings for booleans',
      {
        given: md('# x resource type', '<!-- { "blockType": "resource", "abstract": "true", "openType": false, "@odata.type": "microsoft.graph.x" } -->', '```json', '{}', '```'),
        want: { isAbstract: true, openType: false },
      },
    ],
    [
      'the resource block wins over an earlier example block',
      {
        given: md('# x resource type', '<!-- { "blockType": "ignored" } -->', '```json', '{"definition": []}', '```', '## JSON representation', '<!-- { "blockType": "resource", "keyProperty": "key", "@odata.type": "microsoft.graph.x" } -->', '```json', '{}', '```'),
        want: { keyProperty: 'key', json: { annotation: expect.anything() as never, body: { raw: '{}', json: {}, parsed: true, source: at(9) }, source: at(8) } },
      },
    ],
    [
      'a body nested deeper than the limit kept as text, with json-too-deep at the bracket that passes it',
      {
        given: md('# x resource type', '## JSON representation', '```json', '{"a":', '  ' + '['.repeat(70) + ']'.repeat(70), '}', '```'),
        want: { json: { annotation: null, body: { raw: '{"a":\n  ' + '['.repeat(70) + ']'.repeat(70) + '\n}', parsed: false, source: at(4) }, source: at(3) } },
        // Level 65 is the 64th `[` of line 5, after two spaces of indentation.
        diagnostics: ['5:66 json-too-deep'],
      },
    ],
    [
      'an unannotated block in the JSON representation section',
      { given: md('# x resource type', '## JSON representation', '```json', '{"a": 1}', '```'), want: { json: { annotation: null, body: { raw: '{"a": 1}', json: { a: 1 }, parsed: true, source: at(4) }, source: at(3) } } },
    ],
  ])('%s', (_name, { given, want, diagnostics = [] }) => {
    const result = extract(given);
    expect(result.resources[0]).toMatchObject(want);
    expect(result.diagnostics).toEqual(diagnostics);
  });

  // mdast ends a line at a lone CR too; the fuzzer's mixed line endings found the block-relative positions counting LF only.
  it('lone CR line endings: a JSON error is placed on the line and column mdast counts', () => {
    const page = ['# x resource type', '## JSON representation', '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x" } -->', '```json', '{', '  "id": "String"', '  "size": 1024', '}', '```', ''].join('\r');
    expect(extract(page).diagnostics).toEqual(['6:17 json-invalid']);
  });

  it('an empty block the page ends in: json-invalid at its opening fence, never past the last line', () => {
    const page = '# x resource type\n## JSON representation\n<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x" } -->\n```';
    expect(extract(page).diagnostics).toEqual(['4:1 json-invalid']);
  });
});

describe('seed page', () => {
  it('reads deviceManagementPartner with its ten properties', () => {
    const file = 'v1.0/resources/intune-onboarding-devicemanagementpartner.md';
    const text = readFileSync(new URL(`../../docs-input/${file}`, import.meta.url), 'utf8');
    const facts = extractPage({ file, apiVersion: 'v1.0', text });
    const [resource] = facts.resources;
    expect(facts.resources).toHaveLength(1);
    expect(resource).toMatchObject({ name: 'deviceManagementPartner', namespace: 'microsoft.graph', keyProperty: 'id', baseType: null });
    expect(resource!.description).toBe('Entity which represents a connection to device management partner.');
    const types = Object.fromEntries(resource!.properties.map((p) => [p.name, `${p.type.name}${p.type.isCollection ? '[]' : ''}`]));
    expect(types).toEqual({
      id: 'Edm.String',
      lastHeartbeatDateTime: 'Edm.DateTimeOffset',
      partnerState: 'deviceManagementPartnerTenantState',
      partnerAppType: 'deviceManagementPartnerAppType',
      singleTenantAppId: 'Edm.String',
      displayName: 'Edm.String',
      isConfigured: 'Edm.Boolean',
      whenPartnerDevicesWillBeRemovedDateTime: 'Edm.DateTimeOffset',
      whenPartnerDevicesWillBeMarkedAsNonCompliantDateTime: 'Edm.DateTimeOffset',
      groupsRequiringPartnerEnrollment: 'deviceManagementPartnerAssignment[]',
    });
    const partnerState = resource!.properties.find((p) => p.name === 'partnerState')!;
    expect(partnerState.type.href).toBe('../resources/intune-onboarding-devicemanagementpartnertenantstate.md');
    expect(partnerState.possibleValues).toEqual(['unknown', 'unavailable', 'enabled', 'terminated', 'rejected', 'unresponsive']);
    expect(partnerState.source).toEqual({ file, line: 34, column: 1 });
    expect(resource!.navigationProperties).toEqual([]);
    expect(resource!.methods.map((m) => m.title)).toEqual([
      'List deviceManagementPartners',
      'Get deviceManagementPartner',
      'Create deviceManagementPartner',
      'Delete deviceManagementPartner',
      'Update deviceManagementPartner',
      'terminate action',
    ]);
    expect(resource!.json?.body.parsed).toBe(true);
    expect(facts.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
