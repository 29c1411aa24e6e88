import { describe, expect, it } from 'vitest';
import type { ResourceFacts } from '../../generator/extract/facts.js';
import { at, extract, md } from './resource-fixture.js';

type Base = ResourceFacts['baseType'];

describe('base type sentences', () => {
  it.each<[string, { given: string; want: Base; description?: string; diagnostics?: string[] }]>([
    [
      '"Inherited from [x](x.md) entity." at the end of the description (domainDnsCnameRecord)',
      {
        given: md('# domainDnsCnameRecord resource type', '', 'Represents a CNAME record. Inherited from [DomainDnsRecord](domaindnsrecord.md) entity.'),
        want: { name: 'DomainDnsRecord', href: 'domaindnsrecord.md', source: at(3, 43) },
        description: 'Represents a CNAME record. Inherited from DomainDnsRecord entity.',
      },
    ],
    [
      'the annotation spells the name the sentence links capitalised',
      {
        given: md(
          '# domainDnsMxRecord resource type',
          '',
          'An MX record. Inherited from [DomainDnsRecord](domaindnsrecord.md) entity.',
          '',
          '<!-- { "blockType": "resource", "baseType": "microsoft.graph.domainDnsRecord", "@odata.type": "microsoft.graph.domainDnsMxRecord" } -->',
          '```json',
          '{}',
          '```',
        ),
        want: { name: 'domainDnsRecord', href: 'domaindnsrecord.md', source: at(3, 30) },
      },
    ],
    [
      '"properties are inherited from **[x][]**" in the Properties section (list)',
      {
        given: md('# list resource type', '## Properties', '', 'The following properties are inherited from **[baseItem][]**.', '', '[baseItem]: baseitem.md'),
        want: { name: 'baseItem', href: 'baseitem.md', source: at(4, 47) },
      },
    ],
    [
      '"It is derived from microsoft.graph.x." in plain text mid-paragraph (unifiedRoleManagementPolicy)',
      {
        given: md('# x resource type', '', 'A policy for a scope and role definition. It is derived from microsoft.graph.policyBase.'),
        want: { name: 'policyBase', source: at(3) },
      },
    ],
    [
      '"This resource is a subtype of [x](x.md)." (educationSchool)',
      {
        given: md('# educationSchool resource type', '', 'A school.', '', 'This resource is a subtype of [educationOrganization](educationorganization.md).'),
        want: { name: 'educationOrganization', href: 'educationorganization.md', source: at(5, 31) },
      },
    ],
    [
      '"This creates a subclass from [x](x.md)" (educationAssignmentPointsGrade)',
      {
        given: md('# educationAssignmentPointsGrade resource type', '', 'A grade. This creates a subclass from [educationAssignmentGrade](educationassignmentgrade.md),', 'which adds the who.'),
        want: { name: 'educationAssignmentGrade', href: 'educationassignmentgrade.md', source: at(3, 39) },
      },
    ],
    [
      '"A subclass of" at the start of the paragraph (educationLinkResource)',
      {
        given: md('# educationLinkResource resource type', '', 'A subclass of [educationResource](educationresource.md). A link.'),
        want: { name: 'educationResource', href: 'educationresource.md', source: at(3, 15) },
      },
    ],
    [
      '"Inherits from" at a line end, "the [x](x.md) type" on the next (clientUserAgent)',
      {
        given: md('# x resource type', '', 'Represents a client user agent. Inherits from', 'the [userAgent](callrecords-useragent.md) type.'),
        want: { name: 'userAgent', href: 'callrecords-useragent.md', source: at(4, 5) },
      },
    ],
    [
      'a plain "derived from" that names no type',
      { given: md('# x resource type', '', 'A score. Its value is derived from the sign-in logs.'), want: null },
    ],
    [
      'a plain "inherits from" with a description of the base, not its name (authorizationPolicy)',
      { given: md('# x resource type', '', "It's a singleton that inherits from base policy type, and always exists."), want: null },
    ],
    [
      'a subtype of this type, not this type a subtype (accessPackageAnswer)',
      { given: md('# x resource type', '', 'The actual answer will be a subtype of this complex type, either [a](a.md) or [b](b.md).'), want: null },
    ],
    [
      'types that inherit from this one (callRecords endpoint)',
      { given: md('# x resource type', '', '[serviceEndpoint](callrecords-serviceendpoint.md) types inherit from this type.'), want: null },
    ],
    [
      'a license inherited from a group is no base type',
      { given: md('# x resource type', '', 'Whether the license was assigned directly or inherited from a group.'), want: null },
    ],
  ])('%s', (_name, { given, want, description, diagnostics = [] }) => {
    const { resources, diagnostics: found } = extract(given);
    expect(resources[0]!.baseType).toEqual(want);
    if (description !== undefined) expect(resources[0]!.description).toBe(description);
    expect(found).toEqual(diagnostics);
  });
});
