import { describe, expect, it } from 'vitest';
import { splitPermissions } from '../../generator/extract/permissions-table.js';
import { apiPage } from './api-fixture.js';

describe('splitPermissions', () => {
  const cases: Array<[string, { given: string; want: string[] }]> = [
    ['commas', { given: 'User.Read, User.ReadWrite.All', want: ['User.Read', 'User.ReadWrite.All'] }],
    ['not supported', { given: 'Not supported.', want: [] }],
    ['spaces only', { given: 'A.ReadWrite.All B.Read.All', want: ['A.ReadWrite.All', 'B.Read.All'] }],
    ['prose around names', { given: 'For user resource: User.Read plus Directory.Read.All', want: ['User.Read', 'Directory.Read.All'] }],
    ['footnote marks and notes', { given: 'ChannelMessage.Read.Group*, Chat.Read (see note)', want: ['ChannelMessage.Read.Group', 'Chat.Read'] }],
    ['a TODO placeholder', { given: '**TODO: Determine scopes**', want: [] }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => expect(splitPermissions(given)).toEqual(want));
});

const HEAD = ['# Get widget', '', 'Get one.', '', '## Permissions']; // lines 4–8

const CASES: Array<[string, { given: string[]; want: string[]; diagnostics?: string[] }]> = [
  [
    'the usual table',
    {
      given: ['|Permission type|Permissions (from least to most privileged)|', '|:--|:--|', '|Delegated (work or school account)|A.Read, A.ReadWrite|', '|Delegated (personal Microsoft account)|Not supported.|', '|Application|A.Read.All|'],
      want: ['Delegated (work or school account): A.Read, A.ReadWrite @11', 'Delegated (personal Microsoft account):  @12', 'Application: A.Read.All @13'],
    },
  ],
  [
    'acting on self and others: the permission columns are merged',
    {
      given: ['|Permission type|Permissions acting on self|Permissions acting on others|', '|:--|:--|:--|', '|Application|A.Read|A.Read, A.Read.All|'],
      want: ['Application: A.Read, A.Read.All @11'],
    },
  ],
  [
    'Intune grouped rows fold into the type above them; type spellings are made canonical',
    {
      given: [
        '|Permission type|Permissions (from most to least privileged)|',
        '|:--|:--|',
        '|Delegated (work or school account)||', // 11
        '| &nbsp; &nbsp; **Policy Set** | B.ReadWrite.All|',
        '| &nbsp; &nbsp; **MAM** | C.ReadWrite.All|',
        '|Delegated (personal Microsoft account|Not supported.|', // 14
      ],
      want: ['Delegated (work or school account): B.ReadWrite.All, C.ReadWrite.All @11', 'Delegated (personal Microsoft account):  @14'],
    },
  ],
  [
    'subsections under Prerequisites are read once',
    {
      given: ['### Permissions acting on self', '|Permission type|Permissions|', '|:--|:--|', '|Application|A.Read|'],
      want: ['Application: A.Read @12'],
    },
  ],
  [
    'a list from most to least privileged is stored least first',
    {
      given: ['|Permission type|Permissions (from most to least privileged)|', '|:--|:--|', '|Application|A.ReadWrite.All, A.Read.All|'],
      want: ['Application: A.Read.All, A.ReadWrite.All @11'],
    },
  ],
  [
    "today's least and higher privileged columns are kept apart",
    {
      given: ['|Permission type|Least privileged permissions|Higher privileged permissions|', '|:--|:--|:--|', '|Delegated (work or school account)|A.Read|A.ReadWrite, B.Read.All|', '|Application|Not supported.|Not supported.|'],
      want: ['Delegated (work or school account): A.Read | higher: A.ReadWrite, B.Read.All @11', 'Application:  | higher:  @12'],
    },
  ],
  [
    'a per-resource table keeps one entry per resource and type',
    {
      given: ['| Supported resource | Delegated (work or school account) | Application |', '|:--|:--|:--|', '|[event](../resources/event.md) | Calendars.Read | Not supported |', '|[group](../resources/group.md) (/groups/{id}) | Group.Read.All | Group.Read.All |'],
      want: [
        'event: Delegated (work or school account): Calendars.Read @11',
        'event: Application:  @11',
        'group (/groups/{id}): Delegated (work or school account): Group.Read.All @12',
        'group (/groups/{id}): Application: Group.Read.All @12',
      ],
    },
  ],
  [
    'a table the parser rejects (delimiter row with a cell too many) is reported and read from its lines',
    {
      given: ['|Permission type|Permissions|', '|:--|:--|:--|', '|Application|A.Read.All, B.Read.All|'],
      want: ['Application: A.Read.All, B.Read.All @11'],
      diagnostics: ['10:1 warning table-malformed'], // at the delimiter row, where the fix is
    },
  ],
  [
    'a header row a cell short of the delimiter row and the rows after it is reported at the header row',
    {
      given: ['|Permission type|Permissions|', '|:--|:--|:--|', '|Application|A.Read.All|B.Read.All|'],
      want: ['Application: A.Read.All @11'],
      diagnostics: ['9:1 warning table-malformed'],
    },
  ],
];

describe('readPermissions', () => {
  it.each(CASES)('%s', (_name, { given, want, diagnostics = [] }) => {
    const { operation, diagnostics: reported } = apiPage(...HEAD, ...given);
    const higher = (p: { higherPrivileged?: string[] }) => (p.higherPrivileged ? ` | higher: ${p.higherPrivileged.join(', ')}` : '');
    expect(operation.permissions.map((p) => `${p.resource ? `${p.resource}: ` : ''}${p.type}: ${p.permissions.join(', ')}${higher(p)} @${p.source.line}`)).toEqual(want);
    expect(reported.filter((d) => !/http-request-missing/.test(d))).toEqual(diagnostics);
  });
});
