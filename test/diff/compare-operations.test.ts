/** `diffModels` on operations: matching by id and by method + path, request, response and permission changes. */
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../generator/diff/compare.js';
import type { ModelOperation } from '../../generator/model/ir.js';
import { model, operation, property } from './models.js';

type Row = [kind: string, severity: string, side: string];

function rows(before: ModelOperation[], after: ModelOperation[]): Row[] {
  return diffModels(model([], before), model([], after)).changes.map((c) => [c.kind, c.severity, c.side]);
}

const get = (extra: Partial<ModelOperation> = {}) => operation('thing-get', extra);
const parameter = (name: string, required?: boolean) => ({ name, type: null, description: '', ...(required === undefined ? {} : { required }), source: { file: 'v1.0/api/thing-get.md', line: 40, column: 1 } });
const permissions = (...lists: [type: string, names: string[]][]) => ({ permissions: lists.map(([type, names]) => ({ type, permissions: names })) });

const cases: [string, { before: ModelOperation[]; after: ModelOperation[]; want: Row[] }][] = [
  ['no change', { before: [get()], after: [get()], want: [] }],
  ['operation added', { before: [], after: [get()], want: [['operation-added', 'info', 'head']] }],
  ['operation removed', { before: [get()], after: [], want: [['operation-removed', 'breaking', 'base']] }],
  ['method changed', { before: [get()], after: [get({ method: 'POST' })], want: [['method-changed', 'breaking', 'head']] }],
  ['path added', { before: [get()], after: [get({ paths: ['/things/{thing-id}', '/me/things/{thing-id}'] })], want: [['path-added', 'info', 'head']] }],
  ['path removed', { before: [get({ paths: ['/things/{thing-id}', '/me/things/{thing-id}'] })], after: [get()], want: [['path-removed', 'breaking', 'base']] }],
  ['a path parameter renamed is the same path', { before: [get()], after: [get({ paths: ['/things/{id}'] })], want: [] }],
  ['optional parameter added', { before: [get()], after: [get({ parameters: [parameter('top')] })], want: [['parameter-added', 'info', 'head']] }],
  ['required parameter added', { before: [get()], after: [get({ parameters: [parameter('top', true)] })], want: [['parameter-required-added', 'breaking', 'head']] }],
  ['parameter removed', { before: [get({ parameters: [parameter('top')] })], after: [get()], want: [['parameter-removed', 'breaking', 'base']] }],
  ['parameter became required', { before: [get({ parameters: [parameter('top', false)] })], after: [get({ parameters: [parameter('top', true)] })], want: [['parameter-became-required', 'breaking', 'head']] }],
  ['parameter became optional', { before: [get({ parameters: [parameter('top', true)] })], after: [get({ parameters: [parameter('top')] })], want: [['parameter-became-optional', 'info', 'head']] }],
  ['request body added', { before: [get()], after: [get({ requestBody: [property('name')] })], want: [['request-body-added', 'breaking', 'head']] }],
  ['request body removed', { before: [get({ requestBody: [] })], after: [get()], want: [['request-body-removed', 'breaking', 'base']] }],
  ['request body property added', { before: [get({ requestBody: [] })], after: [get({ requestBody: [property('name')] })], want: [['request-body-property-added', 'info', 'head']] }],
  ['request body property removed', { before: [get({ requestBody: [property('name')] })], after: [get({ requestBody: [] })], want: [['request-body-property-removed', 'breaking', 'base']] }],
  ['request body property type changed', { before: [get({ requestBody: [property('name')] })], after: [get({ requestBody: [property('name', 'Edm.Int64')] })], want: [['request-body-property-type-changed', 'breaking', 'head']] }],
  ['response status changed', { before: [get()], after: [get({ response: { status: 204, type: { name: 'microsoft.graph.thing', isCollection: false } } })], want: [['response-status-changed', 'warning', 'head']] }],
  ['response type changed', { before: [get()], after: [get({ response: { status: 200, type: { name: 'microsoft.graph.thing', isCollection: true } } })], want: [['response-type-changed', 'breaking', 'head']] }],
  ['permission added (an alternative)', { before: [get()], after: [get(permissions(['Application', ['Thing.Read.All', 'Thing.ReadWrite.All']]))], want: [['permission-added', 'info', 'head']] }],
  ['higher permission no longer accepted', { before: [get(permissions(['Application', ['Thing.Read.All', 'Thing.ReadWrite.All']]))], after: [get()], want: [['permission-removed', 'breaking', 'base']] }],
  [
    'least-privileged raised: the old one no longer accepted',
    { before: [get()], after: [get(permissions(['Application', ['Thing.ReadWrite.All']]))], want: [['least-privileged-raised', 'breaking', 'head'], ['permission-added', 'info', 'head']] },
  ],
  [
    'least-privileged changed, the old one still accepted',
    { before: [get()], after: [get(permissions(['Application', ['Thing.Read', 'Thing.Read.All']]))], want: [['least-privileged-changed', 'info', 'head'], ['permission-added', 'info', 'head']] },
  ],
  ['a permission type now not supported', { before: [get()], after: [get(permissions(['Application', []]))], want: [['least-privileged-raised', 'breaking', 'head']] }],
  ['a permission type now supported', { before: [get(permissions(['Application', []]))], after: [get()], want: [['least-privileged-changed', 'info', 'head'], ['permission-added', 'info', 'head']] }],
  [
    "today's table: a higher privileged permission added beside the same least privileged one",
    { before: [get()], after: [get({ permissions: [{ type: 'Application', permissions: ['Thing.Read.All'], higherPrivileged: ['Thing.ReadWrite.All'] }] })], want: [['permission-added', 'info', 'head']] },
  ],
  [
    "today's table: the least privileged list decides the least privileged permission",
    { before: [get()], after: [get({ permissions: [{ type: 'Application', permissions: ['Thing.ReadBasic.All'], higherPrivileged: ['Thing.Read.All'] }] })], want: [['least-privileged-changed', 'info', 'head'], ['permission-added', 'info', 'head']] },
  ],
  [
    'a per-resource table is compared per resource: a permission another resource already had, added to one',
    {
      before: [get({ permissions: [{ type: 'Application', permissions: ['Event.Read'], resource: 'event' }, { type: 'Application', permissions: ['Group.Read.All'], resource: 'group' }] })],
      after: [get({ permissions: [{ type: 'Application', permissions: ['Event.Read', 'Group.Read.All'], resource: 'event' }, { type: 'Application', permissions: ['Group.Read.All'], resource: 'group' }] })],
      want: [['permission-added', 'info', 'head']],
    },
  ],
  ['permission types match whatever their spacing and case', { before: [get()], after: [get(permissions(['application ', ['Thing.Read.All']]))], want: [] }],
];

describe('diffModels: operations', () => {
  it.each(cases)('%s', (_name, { before, after, want }) => {
    expect(rows(before, after)).toEqual(want);
  });

  it('matches a page renamed by method and path, says so, and compares the rest', () => {
    const before = operation('thing-get', { method: 'GET' });
    const after = operation('things-get', { method: 'get', parameters: [parameter('top', true)] });
    const { changes } = diffModels(model([], [before]), model([], [after]));
    expect(changes.map((c) => [c.kind, c.severity, c.subject])).toEqual([
      ['parameter-required-added', 'breaking', 'v1.0:things-get'],
      ['operation-renamed', 'warning', 'v1.0:things-get'],
    ]);
    expect(changes[1]).toMatchObject({ renameOf: 'v1.0:thing-get', before: 'v1.0:thing-get', after: 'v1.0:things-get' });
  });

  it('does not pair operations with another method or in another version', () => {
    expect(rows([get()], [operation('thing-update', { method: 'PATCH' })])).toEqual([['operation-removed', 'breaking', 'base'], ['operation-added', 'info', 'head']]);
    expect(rows([get()], [operation('thing-get2', { apiVersion: 'beta', id: 'beta:thing-get2' })]).map(([kind]) => kind)).toEqual(['operation-added', 'operation-removed']);
  });

  it('names the permission type and both permissions when the least-privileged one is raised', () => {
    const { changes } = diffModels(model([], [get()]), model([], [get(permissions(['Application', ['Thing.ReadWrite.All']]))]));
    expect(changes[0]!.message).toBe('Least-privileged Application permission of `GET /things/{thing-id}` raised (`Thing.Read.All` no longer accepted): `Thing.Read.All` → `Thing.ReadWrite.All`');
    expect(changes[0]).toMatchObject({ before: 'Thing.Read.All', after: 'Thing.ReadWrite.All', source: { file: 'v1.0/api/thing-get.md', line: 5, column: 1 } });
  });

  it('puts a parameter change on the parameter row', () => {
    const { changes } = diffModels(model([], [get()]), model([], [get({ parameters: [parameter('top', true)] })]));
    expect(changes[0]!.source).toEqual({ file: 'v1.0/api/thing-get.md', line: 40, column: 1 });
  });

  it('places permission changes on their rows when the rows are known, each on its own side', () => {
    const rows = (line: number) => new Map([['v1.0:thing-get', new Map([['application', { file: 'v1.0/api/thing-get.md', line, column: 1 }]])]]);
    const before = get(permissions(['Application', ['Thing.Read.All', 'Thing.ReadWrite.All']]));
    const after = get(permissions(['Application', ['Thing.Read.All', 'Thing.Read']]));
    const { changes } = diffModels(model([], [before]), model([], [after]), { base: rows(21), head: rows(22) });
    expect(changes.map((c) => [c.kind, c.side, c.source.line])).toEqual([['permission-removed', 'base', 21], ['permission-added', 'head', 22]]);
  });
});
