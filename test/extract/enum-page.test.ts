import { describe, expect, it } from 'vitest';
import { extractPage } from '../../generator/extract/page.js';
import type { EnumFacts, EnumMemberFacts } from '../../generator/extract/facts.js';
import { enumColumns } from '../../generator/extract/enum-table.js';
import { readEnumName, stripEnumSuffix } from '../../generator/extract/enum-name.js';
import { looksLikeFlags, readMemberValue } from '../../generator/extract/enum-value.js';

const FILE = 'v1.0/resources/x.md';

/** A page whose body starts at line 4 (after three lines of front matter). */
const page = (docType: string, ...lines: string[]) => ['---', `doc_type: ${docType}`, '---', ...lines, ''].join('\n');
const enumPage = (...lines: string[]) => page('enumPageType', ...lines);
const resourcePage = (...lines: string[]) => page('resourcePageType', ...lines);

const at = (line: number, column = 1) => ({ file: FILE, line, column });
const m = (name: string, value: number | string | null, line: number, description = ''): EnumMemberFacts => ({
  name,
  value,
  description,
  source: at(line),
});
const e = (name: string, line: number, members: EnumMemberFacts[], extra: Partial<EnumFacts> = {}): EnumFacts => ({
  name,
  namespace: 'microsoft.graph',
  description: '',
  source: at(line),
  members,
  ...extra,
});

/** The enum facts and this extractor's diagnostics (`code line:column`) for one page. */
function extract(text: string, file = FILE): { enums: EnumFacts[]; diagnostics: string[] } {
  const facts = extractPage({ file, apiVersion: 'v1.0', text });
  const diagnostics = facts.diagnostics
    .filter((d) => d.code.startsWith('enum-') || d.code === 'table-malformed' || d.code === 'internal-error')
    .map((d) => `${d.code} ${d.line}:${d.column}`);
  return { enums: facts.enums, diagnostics };
}

type Case = [string, { given: string; want: EnumFacts[]; diagnostics?: string[] }];

describe('enum pages', () => {
  it.each<Case>([
    [
      'single enum: title, intro, Members table with values',
      {
        given: enumPage(
          '# windowsStartMenuModeType enum type', // 4
          '',
          'Namespace: microsoft.graph',
          '',
          'Type of display modes for the start menu.', // 8
          '',
          '## Members', // 10
          '|Member|Value|Description|',
          '|:---|:---|:---|',
          '|userDefined|0|User defined. Default value.|', // 13
          '|fullScreen|1|Full screen.|',
        ),
        want: [
          e(
            'windowsStartMenuModeType',
            4,
            [m('userDefined', 0, 13, 'User defined. Default value.'), m('fullScreen', 1, 14, 'Full screen.')],
            {
              description: 'Type of display modes for the start menu.',
            },
          ),
        ],
      },
    ],
    [
      'multi-enum page: one enum per `### x values`, one-column tables, page namespace',
      {
        given: enumPage(
          '# Call records enum values', // 4
          '',
          'Namespace: microsoft.graph.callRecords',
          '',
          '### callType values', // 8
          '',
          '|Member|',
          '|:---|',
          '|unknown|', // 12
          '|groupCall|',
          '',
          '### modality values  ', // 15
          '',
          'How people took part.',
          '',
          '| Member', // 19: no closing pipes
          '|:-------',
          '| audio', // 21
          '| video',
        ),
        want: [
          e('callType', 8, [m('unknown', null, 12), m('groupCall', null, 13)], {
            namespace: 'microsoft.graph.callRecords',
          }),
          e('modality', 15, [m('audio', null, 21), m('video', null, 22)], {
            namespace: 'microsoft.graph.callRecords',
            description: 'How people took part.',
          }),
        ],
      },
    ],
    [
      'header variants: Value | Description, Int value, Member | Member, negative numbers',
      {
        given: enumPage(
          '# Enum values', // 4
          '### signInAudience values', // 5
          '| Value | Description |',
          '|:--|:--|',
          '|AzureADMyOrg|Single tenant.|', // 8
          '### userActionType values', // 9
          '| Member | Int value | Description |',
          '|:--|:--|:--|',
          '| None | 0 | Default. |', // 12
          '### securityType values', // 13
          '|Member|Member|Description|',
          '|:--|:--|:--|',
          '|unknown|-1|Unknown.|', // 16
          '|standard|0|Standard.|',
        ),
        want: [
          e('signInAudience', 5, [m('AzureADMyOrg', null, 8, 'Single tenant.')]),
          e('userActionType', 9, [m('None', 0, 12, 'Default.')]),
          e('securityType', 13, [m('unknown', -1, 16, 'Unknown.'), m('standard', 0, 17, 'Standard.')]),
        ],
      },
    ],
    [
      'flags: powers of two, hex values, or a description that says so',
      {
        given: enumPage(
          '# Enum values', // 4
          '### clonableTeamParts values', // 5
          '|Member|Value|Description|',
          '|:--|:--|:--|',
          '|apps|1||', // 8
          '|tabs|0x02||',
          '|settings|4||',
          '|channels|8||',
          '### delayPolicy values', // 12
          'Flag enum to decide when to delay updates.',
          '',
          '|Member|Value|',
          '|:--|:--|',
          '|none|0|', // 17
          '|delayCritical|1|',
          '|delayFeature|2|',
          '### plain values', // 20
          '|Member|Value|',
          '|:--|:--|',
          '|a|0|', // 23
          '|b|1|',
          '|c|2|',
        ),
        want: [
          e('clonableTeamParts', 5, [m('apps', 1, 8), m('tabs', 2, 9), m('settings', 4, 10), m('channels', 8, 11)], {
            isFlags: true,
          }),
          e('delayPolicy', 12, [m('none', 0, 17), m('delayCritical', 1, 18), m('delayFeature', 2, 19)], {
            description: 'Flag enum to decide when to delay updates.',
            isFlags: true,
          }),
          e('plain', 20, [m('a', 0, 23), m('b', 1, 24), m('c', 2, 25)]),
        ],
      },
    ],
    [
      'member cells: backticks, bold, (default), duplicates, spaces, empty cells',
      {
        given: enumPage(
          '# x enum type', // 4
          '## Members', // 5
          '|Member|Value|Description|',
          '|:--|:--|:--|',
          '|`none`|0|Nothing.|', // 8
          '|**low** (default)|1|Low.|',
          '|none|2|Again.|', // 10: duplicate
          '|JIS B4|3|Spaces.|', // 11: not an identifier
          '||4|No name.|', // 12: empty name
          '|high|`5`||', // 13
        ),
        want: [e('x', 4, [m('none', 0, 8, 'Nothing.'), m('low', 1, 9, 'Low.'), m('high', 5, 13)])],
        diagnostics: ['enum-member-duplicate 10:1', 'enum-member-invalid 11:1', 'enum-member-invalid 12:1'],
      },
    ],
    [
      'broken table (delimiter row one cell short): rows recovered from the raw lines',
      {
        given: enumPage(
          '# x enum type', // 4
          '## Members', // 5
          '|Member|Value|Description|', // 6
          '|:---|:---|',
          '|longEdgeFirst|0|Long edge first.|', // 8
          '|shortEdgeFirst|1|Short edge first.|',
        ),
        want: [
          e('x', 4, [m('longEdgeFirst', 0, 8, 'Long edge first.'), m('shortEdgeFirst', 1, 9, 'Short edge first.')]),
        ],
        diagnostics: ['table-malformed 7:1'], // at the delimiter row, where the fix is
      },
    ],
    [
      'rows after a blank line continue the table above',
      {
        given: enumPage(
          '# x enum type', // 4
          '## Members', // 5
          '|Member|Value|Description|',
          '|:---|:---|:---|',
          '|a|0|A.|', // 8
          '',
          '|b|1|B.|', // 10
          '|c|2|C.|',
        ),
        want: [e('x', 4, [m('a', 0, 8, 'A.'), m('b', 1, 10, 'B.'), m('c', 2, 11, 'C.')])],
        diagnostics: ['table-malformed 10:1'],
      },
    ],
    [
      'no heading: the front matter title names the enum',
      {
        given: [
          '---',
          'title: "riskLevel enum type"',
          'doc_type: enumPageType',
          '---',
          '|Member|',
          '|:--|',
          '|low|',
          '',
        ].join('\n'),
        want: [e('riskLevel', 5, [m('low', null, 7)])],
      },
    ],
    [
      'qualified heading names its own namespace; backticks and a non-breaking space are dropped',
      {
        given: enumPage(
          '# Enum values', // 4
          '### microsoft.graph.callRecords.callType values', // 5
          '|Member|',
          '|:--|',
          '|peerToPeer|', // 8
          '### `tone`\u00a0values', // 9
          '|Member|',
          '|:--|',
          '|tone0|', // 12
        ),
        want: [
          e('callType', 5, [m('peerToPeer', null, 8)], { namespace: 'microsoft.graph.callRecords' }),
          e('tone', 9, [m('tone0', null, 12)]),
        ],
      },
    ],
    [
      'empty table, unnamed heading, heading without a table, second enum of the same name',
      {
        given: enumPage(
          '# Enum values', // 4
          '### empty values', // 5
          '|Member|Value|Description|', // 6
          '|:--|:--|:--|',
          '### Group visibility values', // 8
          '|Member|',
          '|:--|',
          '|public|',
          '### orphan values', // 12
          'Nothing here.',
          '### empty values', // 14
          '|Member|',
          '|:--|',
          '|a|', // 17
        ),
        want: [e('empty', 5, [])],
        diagnostics: [
          'enum-duplicate 14:1',
          'enum-members-empty 6:1',
          'enum-name-invalid 8:1',
          'enum-table-missing 12:1',
        ],
      },
    ],
    [
      'enum page without any members table',
      {
        given: enumPage('# x enum type', '', 'Members are listed elsewhere.'),
        want: [],
        diagnostics: ['enum-table-missing 4:1'],
      },
    ],
  ])('%s', (_name, { given, want, diagnostics = [] }) => {
    const got = extract(given);
    expect(got.enums).toEqual(want);
    expect(got.diagnostics.sort()).toEqual([...diagnostics].sort());
  });

  it('reports a multi-enum page without a namespace line', () => {
    const file = 'beta/resources/enums-managedtenants.md';
    const given = enumPage(
      '# Multi-tenant management enumeration values',
      '### status values',
      '|Member|',
      '|:--|',
      '|none|',
    );
    const got = extractPage({ file, apiVersion: 'beta', text: given });
    expect(got.enums.map((facts) => `${facts.namespace}.${facts.name}`)).toEqual(['microsoft.graph.status']);
    expect(got.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['enum-namespace-missing 4:1']);
  });
});

describe('enum tables in resource pages', () => {
  const properties = [
    '# chat resource type', // 4
    '## Properties', // 5
    '|Property|Type|Description|',
    '|:--|:--|:--|',
    '|chatType|[chatType](#chattype-values)|The kind of chat.|',
    '|signInAudience|String|Who can sign in.|',
    '|smsSignInState|authenticationMethodSignInState|SMS state.|',
  ];
  it.each<Case>([
    [
      'an enum-named heading over a Member table is an enum; the property table is not',
      {
        given: resourcePage(
          ...properties,
          '### chatType values',
          '|Member|Value|Description|',
          '|:--|:--|:--|',
          '|oneOnOne|0|1:1.|',
          '|group|1|Group.|',
        ),
        want: [e('chatType', 11, [m('oneOnOne', 0, 14, '1:1.'), m('group', 1, 15, 'Group.')])],
      },
    ],
    [
      'values of a String property are not an enum type',
      {
        given: resourcePage(
          ...properties,
          '### signInAudience values',
          '| Value | Description |',
          '|:--|:--|',
          '|AzureADMyOrg|Single tenant.|',
        ),
        want: [],
      },
    ],
    [
      'the property type names the enum when the heading names the property',
      {
        given: resourcePage(
          ...properties,
          '### smsSignInState values',
          '|Value|Description|',
          '|--|--|',
          '|ready|Ready.|',
        ),
        want: [e('authenticationMethodSignInState', 11, [m('ready', null, 14, 'Ready.')])],
      },
    ],
    [
      'not enum tables: a Member table under Properties, values under a prose heading, a Name/Type table',
      {
        given: resourcePage(
          ...properties,
          '|Member|Description|',
          '|:--|:--|',
          '|AdminAdd|Admins add.|',
          '### Group visibility options',
          '|Value|Description|',
          '|:--|:--|',
          '|Public|Anyone.|',
          '### keyCredential values',
          '|Name|Type|Description|',
          '|:--|:--|:--|',
          '|keyId|Guid|The id.|',
        ),
        want: [],
      },
    ],
    [
      'an unsuffixed camelCase heading over a Member table',
      {
        given: resourcePage('# x resource type', '### tlpLevel', '|Member|Description|', '|:--|:--|', '|white|White.|'),
        want: [e('tlpLevel', 5, [m('white', null, 8, 'White.')])],
      },
    ],
    [
      'an enum page filed as a resource page',
      {
        given: resourcePage(
          '# teamsAppInstalledState enum type',
          '',
          'Install states.',
          '',
          '## Members',
          '|Member|Value|Description|',
          '|:--|:--|:--|',
          '|installed|1|Installed.|',
        ),
        want: [
          e('teamsAppInstalledState', 4, [m('installed', 1, 11, 'Installed.')], { description: 'Install states.' }),
        ],
      },
    ],
  ])('%s', (_name, { given, want, diagnostics = [] }) => {
    const got = extract(given);
    expect(got.enums).toEqual(want);
    expect(got.diagnostics).toEqual(diagnostics);
  });
});

describe('enumColumns', () => {
  it.each<[string, { given: string[]; want: ReturnType<typeof enumColumns> }]>([
    [
      'member | value | description',
      { given: ['member', 'value', 'description'], want: { name: 0, value: 1, description: 2 } },
    ],
    ['member', { given: ['member'], want: { name: 0, value: -1, description: -1 } }],
    ['value | description', { given: ['value', 'description'], want: { name: 0, value: -1, description: 1 } }],
    [
      'member | int value',
      { given: ['member', 'int value', 'description'], want: { name: 0, value: 1, description: 2 } },
    ],
    ['member | member', { given: ['member', 'member', 'description'], want: { name: 0, value: 1, description: 2 } }],
    ['name | description', { given: ['name', 'description'], want: { name: 0, value: -1, description: 1 } }],
    ['property table', { given: ['name', 'type', 'description'], want: null }],
    ['parameter table', { given: ['name', 'description', 'required'], want: null }],
    ['permissions table', { given: ['permission type', 'permissions'], want: null }],
  ])('%s', (_name, { given, want }) => {
    expect(enumColumns(given)).toEqual(want);
  });
});

describe('enum names', () => {
  it.each<[string, string | null]>([
    ['windowsStartMenuModeType enum type', 'windowsStartMenuModeType'],
    ['lifecycleEventType values', 'lifecycleEventType'],
    ['State Enumeration', 'State'],
    ['State enumeration values', 'State'],
    ['`chatType` values', 'chatType'],
    ['printColorMode value', 'printColorMode'],
    ['sortBy options', 'sortBy'],
    ['Roles property values', null],
    ['Group visibility options', null],
  ])('%j → %j', (given, want) => {
    expect(readEnumName(stripEnumSuffix(given).text)?.name ?? null).toBe(want);
  });
});

describe('member values', () => {
  it.each<[string | undefined, number | string | null]>([
    ['0', 0],
    ['-1', -1],
    ['0x10', 16],
    ['1 << 3', 8],
    ['`4`', 4],
    ['', null],
    [undefined, null],
    ['Default', 'Default'],
  ])('%j → %j', (given, want) => {
    expect(readMemberValue(given)).toBe(want);
  });

  const members = (...values: (number | null)[]): EnumMemberFacts[] =>
    values.map((value, i) => m(`m${i}`, value, i + 1));
  it.each<[string, { given: EnumMemberFacts[]; description?: string; want: boolean }]>([
    ['1, 2, 4, 8', { given: members(1, 2, 4, 8), want: true }],
    ['0, 1, 2, 4', { given: members(0, 1, 2, 4), want: true }],
    ['0, 1, 2', { given: members(0, 1, 2), want: false }],
    ['0, 1, 2, 3, 4', { given: members(0, 1, 2, 3, 4), want: false }],
    ['no values', { given: members(null, null, null), want: false }],
    ['said in the description', { given: members(0, 1), description: 'Flags representing profiles.', want: true }],
    ['"flagged" is not "flags"', { given: members(0, 1), description: 'Why a user was flagged.', want: false }],
  ])('%s', (_name, { given, description = '', want }) => {
    expect(looksLikeFlags(description, given)).toBe(want);
  });
});
