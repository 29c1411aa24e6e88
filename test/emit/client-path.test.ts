import { describe, expect, it } from 'vitest';
import { parsePath, templateText } from '../../generator/emit/client-path.js';
import { groupOperations, kebabCase } from '../../generator/emit/client-groups.js';
import { contextFor, fixtureModel, operation, v1Types } from './client-fixtures.js';

describe('parsePath', () => {
  const cases: [string, { given: string; want: { template: string; keys: string[]; display?: string } | null }][] = [
    ['plain path', { given: '/deviceManagement/deviceManagementPartners', want: { template: '/deviceManagement/deviceManagementPartners', keys: [] } }],
    ['one parameter', { given: '/users/{user-id}/messages', want: { template: '/users/${p.userId}/messages', keys: ['userId'] } }],
    ['alternatives in braces: generic, named after the segment', { given: '/users/{id | userPrincipalName}', want: { template: '/users/${p.userId}', keys: ['userId'] } }],
    ['pipe without spaces', { given: '/users/{id|userPrincipalName}', want: { template: '/users/${p.userId}', keys: ['userId'] } }],
    ['two names that sanitise alike', { given: '/a/{user-id}/b/{userId}', want: { template: '/a/${p.userId}/b/${p.userId2}', keys: ['userId', 'userId2'] } }],
    ['a generic name written twice: two keys', { given: '/me/events/{id}/attachments/{id}', want: { template: '/me/events/${p.eventId}/attachments/${p.attachmentId}', keys: ['eventId', 'attachmentId'] } }],
    ['a specific name written twice: two keys', { given: '/a/{user-id}/b/{user-id}', want: { template: '/a/${p.userId}/b/${p.userId2}', keys: ['userId', 'userId2'] } }],
    ['a generic key taken by a specific one', { given: '/users/{user-id}/x/users/{id}', want: { template: '/users/${p.userId}/x/users/${p.userId2}', keys: ['userId', 'userId2'] } }],
    ['reserved word', { given: '/a/{default}', want: { template: '/a/${p.default_}', keys: ['default_'] } }],
    ['leading digit', { given: '/a/{1st}', want: { template: '/a/${p._1st}', keys: ['_1st'] } }],
    ['quoted function parameter', { given: "/reports/getX(period='{period_value}')", want: { template: "/reports/getX(period='${p.periodValue}')", keys: ['periodValue'] } }],
    ['host and version are dropped', { given: 'https://graph.microsoft.com/v1.0/me/events?$top=1', want: { template: '/me/events?$top=1', keys: [], display: '/me/events?$top=1' } }],
    ['version without host', { given: '/v1.0/me', want: { template: '/me', keys: [] } }],
    ['missing leading slash', { given: 'me/drive', want: { template: '/me/drive', keys: [] } }],
    ['dot segments are encoded', { given: '/a/../b/./c', want: { template: '/a/%2E%2E/b/%2E/c', keys: [] } }],
    ['unsafe literal characters are encoded', { given: '/a b/#frag/`x`/\\', want: { template: '/a%20b/%23frag/%60x%60/%5C', keys: [] } }],
    ['template syntax in literal text cannot escape', { given: '/a/$' + '{process.exit()}/x', want: { template: '/a/$${p.processExit}/x', keys: ['processExit'] } }],
    ['angle-bracket placeholders', { given: "/resources/<resourceId>/range(address='<address>')", want: { template: "/resources/${p.resourceId}/range(address='${p.address}')", keys: ['resourceId', 'address'] } }],
    ['a lone angle bracket stays literal', { given: '/a/<1>/b<', want: { template: '/a/%3C1%3E/b%3C', keys: [] } }],
    ['empty braces stay literal', { given: '/a/{}/b', want: { template: '/a/%7B%7D/b', keys: [] } }],
    ['existing escapes are kept, stray percent encoded', { given: '/a%2Fb/100%', want: { template: '/a%2Fb/100%25', keys: [] } }],
    ['non-ASCII', { given: '/drive/root:/Ünïcode', want: { template: '/drive/root:/%C3%9Cn%C3%AFcode', keys: [] } }],
    ['empty path', { given: '   ', want: null }],
  ];
  it.each(cases)('%s', (_, { given, want }) => {
    const template = parsePath(given, 'v1.0');
    if (want === null) return expect(template).toBeNull();
    expect(template && templateText(template, 'p')).toBe(want.template);
    expect(template?.parameters.map((p) => p.key)).toEqual(want.keys);
    if (want.display) expect(template?.display).toBe(want.display);
  });
});

describe('kebabCase', () => {
  it.each([
    ['DeviceManagementPartner', 'device-management-partner'],
    ['deviceManagement operations', 'device-management-operations'],
    ['IOSUpdateState', 'ios-update-state'],
    ['CallRecordsSession', 'call-records-session'],
    ['_2fa', '2fa'],
    ['', 'other'],
  ])('%s → %s', (given, want) => expect(kebabCase(given)).toBe(want));
});

describe('groupOperations', () => {
  it('groups by resource, else by first path segment; stems are unique ignoring case and never index', () => {
    const extraTypes = ['microsoft.graph.index', 'microsoft.graph.messageOperations'].map((fullName) => ({ ...v1Types[0]!, fullName, name: fullName.split('.')[2]! }));
    const model = { ...fixtureModel, types: [...fixtureModel.types, ...extraTypes] };
    const ops = [
      ...contextFor(model, 'v1.0').operations,
      operation('v1.0:index-a', { kind: 'get', title: 'Get index', method: 'GET', paths: ['/x'], resource: 'microsoft.graph.index' }),
      operation('v1.0:msg-a', { kind: 'get', title: 'Get Message things', method: 'GET', paths: ['/Message'] }),
      operation('v1.0:msg-b', { kind: 'get', title: 'Get messageOperations', method: 'GET', paths: ['/y'], resource: 'microsoft.graph.messageOperations' }),
      operation('v1.0:root', { kind: 'get', title: 'Get root', method: 'GET', paths: ['/'] }),
    ];
    const groups = groupOperations(ops, contextFor(model, 'v1.0'));
    expect(groups.map((g) => [g.stem, g.operations.map((o) => o.id.split(':')[1])])).toEqual([
      ['device-management-operations', ['devicemanagement-verifywindowsenrollmentautodiscovery']],
      [
        'device-management-partner',
        [
          'intune-onboarding-devicemanagementpartner-create',
          'intune-onboarding-devicemanagementpartner-update',
          'intune-onboarding-devicemanagementpartner-list',
          'intune-onboarding-devicemanagementpartner-get',
          'intune-onboarding-devicemanagementpartner-delete',
        ],
      ],
      ['index-2', ['index-a']],
      ['items-operations', ['item-hostile']],
      ['me-operations', ['user-sendmail', 'user-list-calendarview']],
      ['message', ['message-get']],
      ['message-operations', ['msg-b']],
      ['message-operations-2', ['msg-a']],
      ['other-operations', ['no-path', 'root']],
      ['things-operations', ['recipient-create', 'bad-method']],
      ['users-operations', ['user-reminderview', 'profilephoto-get']],
    ]);
  });
});
