import { describe, expect, it } from 'vitest';
import { extract, md } from './resource-fixture.js';

const TABLE = (...rows: string[]) => ['| Property name | Type | Description', '|:--|:--|:--', ...rows];

describe('property tables outside the Properties section', () => {
  it.each<[string, { given: string; properties: string[]; navigationProperties?: string[]; diagnostics?: string[] }]>([
    [
      'sibling sections "Page Content" and "Authoring Metadata" (sitePage)',
      {
        given: md(
          '# sitePage resource',
          '## Properties',
          ...TABLE('| contentType | [contentTypeInfo](contenttypeinfo.md) | The content type.'),
          '## Page Content',
          'The **sitePage** resource has the following content fields.',
          ...TABLE('| title | string | The title.', '| webParts | [webPart](webpart.md) collection | The web parts.'),
          '## Authoring Metadata',
          ...TABLE('| publishingState | [publicationFacet](publicationfacet.md) | The publishing status.'),
          '## Relationships',
          '| Relationship | Type | Description |',
          '|:--|:--|:--|',
          '| site | [site](site.md) | The site. |',
        ),
        properties: ['contentType', 'title', 'webParts', 'publishingState'],
        navigationProperties: ['site'],
      },
    ],
    [
      'a table after the JSON representation, no Properties section (package)',
      {
        given: md(
          '# Package resource type',
          '## JSON representation',
          '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.package" } -->',
          '```json',
          '{ "type": "oneNote" }',
          '```',
          ...TABLE('| **type** | string | A string indicating the type of package.'),
          '## Remarks',
          'See driveItem.',
        ),
        properties: ['type'],
      },
    ],
    [
      'tables under Methods, Relationships subsections, examples, enum values, instance attributes and definitions are not',
      {
        given: md(
          '# x resource type',
          '## Properties',
          ...TABLE('| a | String | A.'),
          '## Methods',
          ...TABLE('| m | String | Not a property.'),
          '## Relationships',
          ...TABLE('| r | [r](r.md) | R.'),
          '### More relationships',
          ...TABLE('| s | [s](s.md) | S.'),
          '## Instance Attributes',
          ...TABLE('| @microsoft.graph.downloadUrl | string | A URL.'),
          '## Example',
          ...TABLE('| e | String | E.'),
          '## status values',
          '| Name | Type | Description',
          '|:--|:--|:--',
          '| on | Int32 | On.',
          '## Properties of a policy definition',
          ...TABLE('| Version | Integer | V.'),
          '## JSON representation',
          ...TABLE('| j | String | Before the code block: no property table.'),
          '```json',
          '{}',
          '```',
        ),
        properties: ['a'],
        navigationProperties: ['r', 's'],
      },
    ],
    [
      'a header that only mentions a property is not enough (search schema changes)',
      {
        given: md(
          '# x resource type',
          '## Properties',
          ...TABLE('| a | String | A.'),
          '## Schema changes',
          '| Resource | Change type | Original property | Current property |',
          '|:--|:--|:--|:--|',
          '| searchRequest | Rename | stored_fields | fields |',
        ),
        properties: ['a'],
      },
    ],
    [
      'a repeated property keeps the first row in page order',
      {
        given: md('# x resource type', '## Page content', ...TABLE('| b | String | B.'), '## Properties', ...TABLE('| a | String | A.', '| b | String | Again.')),
        properties: ['b', 'a'],
        diagnostics: ['10:1 property-duplicate'],
      },
    ],
  ])('%s', (_name, { given, properties, navigationProperties = [], diagnostics = [] }) => {
    const { resources, diagnostics: found } = extract(given);
    expect(resources[0]!.properties.map((p) => p.name)).toEqual(properties);
    expect(resources[0]!.navigationProperties.map((p) => p.name)).toEqual(navigationProperties);
    expect(found).toEqual(diagnostics);
  });
});
