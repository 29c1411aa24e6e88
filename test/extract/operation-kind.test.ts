import { describe, expect, it } from 'vitest';
import type { OperationKind } from '../../generator/extract/facts.js';
import { dominantMethod, operationKind, type KindInput } from '../../generator/extract/operation-kind.js';

const base: KindInput = { title: '', method: 'GET', paths: [], parameterTable: false, parameterSection: false, responseIsCollection: false };

const CASES: Array<[string, { given: Partial<KindInput>; want: OperationKind }]> = [
  ['Create x', { given: { title: 'Create widget', method: 'POST', paths: ['/widgets'] }, want: 'create' }],
  ['Add member ($ref)', { given: { title: 'Add member', method: 'POST', paths: ['/groups/{id}/members/$ref'] }, want: 'create' }],
  ['Get x', { given: { title: 'Get widget', paths: ['/widgets/{id}'] }, want: 'get' }],
  ['List x', { given: { title: 'List widgets', paths: ['/widgets'] }, want: 'list' }],
  ['Update x', { given: { title: 'Update widget', method: 'PATCH', paths: ['/widgets/{id}'] }, want: 'update' }],
  ['Delete x', { given: { title: 'Delete widget', method: 'DELETE', paths: ['/widgets/{id}'] }, want: 'delete' }],
  ['Remove x by DELETE', { given: { title: 'Remove owner', method: 'DELETE', paths: ['/groups/{id}/owners/{id}/$ref'] }, want: 'delete' }],
  ['x: delta is a function', { given: { title: 'user: delta', paths: ['/users/delta'] }, want: 'function' }],
  ['GET with (key=value) is a function', { given: { title: 'Get email activity', paths: ["/reports/getEmailActivity(period='{p}')"] }, want: 'function' }],
  ['GET of a key in parentheses is not a function', { given: { title: 'Get user', paths: ["/users('{id}')"] }, want: 'get' }],
  ['POST to microsoft.graph.x is an action', { given: { title: 'Do it', method: 'POST', paths: ['/widgets/{id}/microsoft.graph.reset'] }, want: 'action' }],
  ['x: verb with POST is an action', { given: { title: 'driveItem: copy', method: 'POST', paths: ['/drive/items/{id}/copy'] }, want: 'action' }],
  ['"x action" title', { given: { title: 'wipe action', method: 'POST', paths: ['/managedDevices/{id}/wipe'] }, want: 'action' }],
  ['verb title matching the last segment', { given: { title: 'Send mail', method: 'POST', paths: ['/me/sendMail'] }, want: 'action' }],
  ['POST with a Parameter table', { given: { title: 'Follow site', method: 'POST', paths: ['/users/{id}/followedSites/add'], parameterTable: true }, want: 'action' }],
  ['POST to a plural collection', { given: { title: 'Send message in a chat', method: 'POST', paths: ['/chats/{id}/messages'] }, want: 'create' }],
  ['PUT is an update', { given: { title: 'Set content', method: 'PUT', paths: ['/items/{id}/content'] }, want: 'update' }],
  ['GET collection without a verb', { given: { title: 'Widgets', paths: ['/widgets'], responseIsCollection: true }, want: 'list' }],
  ['no method, no verb', { given: { title: 'Widgets', method: '', paths: [] }, want: 'other' }],
];

describe('operationKind', () => {
  it.each(CASES)('%s', (_name, { given, want }) => expect(operationKind({ ...base, ...given })).toBe(want));
});

describe('dominantMethod', () => {
  it.each([
    [[], ''],
    [['GET', 'POST', 'POST'], 'POST'],
    [['PATCH', 'PUT'], 'PATCH'],
  ] as Array<[string[], string]>)('%j → %s', (given, want) => expect(dominantMethod(given)).toBe(want));
});
