import { describe, expect, it } from 'vitest';
import { escapeComment, NameTable, propertyKey, sanitizeIdentifier } from '../../generator/emit/naming.js';
import { complex, operation } from './fixtures.js';

describe('sanitizeIdentifier', () => {
  it.each([
    ['displayName', 'displayName'],
    ['@odata.type', '_odata_type'],
    ['2fa-method', '_2fa_method'],
    ['class', 'class_'],
    ['', '_unnamed'],
    ['naïve name', 'na_ve_name'],
  ])('%j → %j', (given, want) => {
    expect(sanitizeIdentifier(given)).toBe(want);
  });
});

describe('propertyKey and escapeComment', () => {
  it.each([
    ['id', 'id'],
    ['@odata.type', '"@odata.type"'],
    ['a"b', '"a\\"b"'],
  ])('propertyKey(%j) → %s', (given, want) => {
    expect(propertyKey(given)).toBe(want);
  });
  it('keeps doc text from ending a comment', () => {
    expect(escapeComment('ends */ here')).toBe('ends *\\/ here');
  });
});

describe('NameTable', () => {
  it('names types by namespace and name, unique ignoring nothing but claimed names', () => {
    const names = new NameTable([complex('user', []), complex('callRecords.session', [], {})]);
    expect(names.typeName('microsoft.graph.user')).toBe('User');
  });

  it.each([
    [
      'the canonical (shortest) page keeps a shared name; others take the words of their page name',
      [
        ['intune-devices-user-get', 'Get user'],
        ['user-get', 'Get a user'],
      ],
      { 'v1.0:user-get': 'getUser', 'v1.0:intune-devices-user-get': 'getUserIntuneDevices' },
    ],
    [
      'articles and parenthesised remarks do not make names',
      [['message-send', 'Send a message (deprecated)']],
      { 'v1.0:message-send': 'sendMessage' },
    ],
    [
      'a title with no resource ("terminate action") takes the resource the operation acts on',
      [['intune-onboarding-devicemanagementpartner-terminate', 'terminate action', 'microsoft.graph.deviceManagementPartner'], ['widget-reset', 'reset function', null]],
      { 'v1.0:intune-onboarding-devicemanagementpartner-terminate': 'terminateDeviceManagementPartner', 'v1.0:widget-reset': 'resetFunction' },
    ],
    [
      'a title that gives no name falls back to the page name',
      [['weird-page', '***']],
      { 'v1.0:weird-page': 'weirdPage' },
    ],
  ])('operations: %s', (_name, ops, want) => {
    const names = new NameTable([], ops.map(([id, title, resource]) => ({ ...operation(id!, title!), resource: resource ?? null })));
    expect(Object.fromEntries(ops.map(([id]) => [`v1.0:${id}`, names.operationName(`v1.0:${id}`)]))).toEqual(want);
  });

  it('gives the same names whatever the input order', () => {
    const ops = [operation('b-get', 'Get x'), operation('a-get', 'Get x'), operation('c', 'List y')];
    const forward = new NameTable([], ops);
    const backward = new NameTable([], [...ops].reverse());
    expect(ops.map((o) => backward.operationName(o.id))).toEqual(ops.map((o) => forward.operationName(o.id)));
  });
});
