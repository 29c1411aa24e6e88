import { describe, expect, it } from 'vitest';
import { planOperation, type OperationPlan, type PlanScope } from '../../generator/emit/client-plan.js';
import { contextFor, fixtureModel } from './client-fixtures.js';

const ctx = contextFor(fixtureModel, 'v1.0');

function scopeOf(): PlanScope {
  return { typeIndex: ctx.typeIndex, reference: (fullName) => ctx.names.typeName(fullName), modelsAlias: 'models', runtimeAlias: 'runtime', usesModels: false };
}

function plan(idStem: string): OperationPlan | null {
  const operation = ctx.operations.find((o) => o.id === `v1.0:${idStem}`);
  if (!operation) throw new Error(`no fixture ${idStem}`);
  const scope: PlanScope = scopeOf();
  return planOperation(operation, ctx.names.operationName(operation.id) ?? '', scope);
}

/** A one-line summary of a plan: `name(params; body; query) → result [responseType]`. */
function signature(p: OperationPlan | null): string {
  if (!p) return 'skipped';
  const params = p.paths.map((path) => path.members.map((m) => `${m.key}: ${m.type}`).join(', ')).join(' | ');
  const body = !p.body
    ? '-'
    : p.body.kind === 'model'
      ? `${p.body.partial ? 'Partial<' : ''}${p.body.type}${p.body.partial ? '>' : ''}`
      : p.body.kind === 'open'
        ? `open${p.body.optional ? '?' : ''}`
        : `{ ${p.body.members.map((m) => `${m.wire}${m.required ? '' : '?'}: ${m.type}`).join('; ')} }${p.body.optional ? '?' : ''}`;
  const query = !p.query ? '-' : `Query<${p.query.element}>${p.query.extra.map((m) => ` & ${m.wire}${m.required ? '' : '?'}`).join('')}${p.query.required ? '' : '?'}`;
  return `${p.functionName}(${params}; ${body}; ${query}) → ${p.result.type} [${p.result.responseType}]`;
}

describe('planOperation', () => {
  it.each([
    ['intune-onboarding-devicemanagementpartner-create', 'createDeviceManagementPartner(; models.DeviceManagementPartner; -) → models.DeviceManagementPartner [json]'],
    ['intune-onboarding-devicemanagementpartner-update', 'updateDeviceManagementPartner(deviceManagementPartnerId: string; Partial<models.DeviceManagementPartner>; -) → models.DeviceManagementPartner [json]'],
    ['intune-onboarding-devicemanagementpartner-list', 'listDeviceManagementPartners(; -; Query<models.DeviceManagementPartner>?) → runtime.ODataCollection<models.DeviceManagementPartner> [json]'],
    ['intune-onboarding-devicemanagementpartner-get', 'getDeviceManagementPartner(deviceManagementPartnerId: string; -; Query<models.DeviceManagementPartner>?) → models.DeviceManagementPartner [json]'],
    ['intune-onboarding-devicemanagementpartner-delete', 'deleteDeviceManagementPartner(deviceManagementPartnerId: string; -; -) → void [void]'],
    ['user-sendmail', 'userSendMail(userId: string | ; { message: models.Message; saveToSentItems?: boolean }; -) → void [void]'],
    ['message-get', 'getMessage(userId: string, messageId: string | messageId: string; -; Query<models.Message>?) → models.Message [json]'],
    ['devicemanagement-verifywindowsenrollmentautodiscovery', 'deviceManagementVerifyWindowsEnrollmentAutoDiscovery(domainName: string; -; Query<unknown>?) → runtime.ODataValue<boolean> [json]'],
    ['user-reminderview', 'userReminderView(userId: string, startDateTime: string, endDateTime: string; -; Query<unknown>?) → runtime.ODataCollection<unknown> [json]'],
    ['user-list-calendarview', 'listCalendarView(; -; Query<models.Message> & startDateTime & endDateTime & top-count?) → runtime.ODataCollection<models.Message> [json]'],
    ['profilephoto-get', 'getPhotoContent(userId: string; -; Query<unknown>?) → ArrayBuffer [arrayBuffer]'],
    ['recipient-create', 'createThing(; { name: string; recipients?: models.Recipient[] | null; @odata.type?: string }; -) → unknown [json]'],
    ['item-hostile', 'hostileTitleProcessExit(itemId: string, default_: string, constructor_: string, _1: string; open?; -) → unknown [json]'],
    ['no-path', 'skipped'],
    ['bad-method', 'skipped'],
  ])('%s', (stem, want) => expect(signature(plan(stem))).toBe(want));

  it('types path parameters from the function parameter table', () => {
    const operation = { ...ctx.operations[0]!, kind: 'function' as const, method: 'GET', paths: ['/f(n={n},flag={flag},s={s})'] };
    operation.parameters = [
      { name: 'n', type: { name: 'Edm.Int32', isCollection: false }, description: '', source: operation.source },
      { name: 'flag', type: { name: 'Edm.Boolean', isCollection: false }, description: '', source: operation.source },
      { name: 'S', type: { name: 'microsoft.graph.message', isCollection: false }, description: '', source: operation.source },
    ];
    const scope: PlanScope = scopeOf();
    const result = planOperation(operation, 'f', scope);
    expect(result?.paths[0]?.members.map((m) => `${m.key}: ${m.type}`)).toEqual(['n: number', 'flag: boolean', 's: string']);
    expect(result?.query?.extra).toEqual([]);
  });

  it('keeps one path per set of parameter keys, most keys first, documented order among equals', () => {
    const paths = ['/me/events', '/users/{id}/events', '/groups/{id}/events', '/users/{id}/calendars/{calendar-id}/events', '/users/{user-id}/events'];
    const result = planOperation({ ...ctx.operations[0]!, kind: 'list', method: 'GET', paths }, 'listEvents', scopeOf());
    expect(result?.paths.map((path) => path.template.display)).toEqual(['/users/{id}/calendars/{calendar-id}/events', '/users/{id}/events', '/groups/{id}/events', '/me/events']);
    expect(result?.unreachable).toEqual([{ display: '/users/{user-id}/events', sameAs: '/users/{id}/events' }]);
  });

  it('an explicitly empty request body means no body parameter; update without a resource makes every row optional', () => {
    const base = { ...ctx.operations[0]!, resource: null, response: { status: 200, type: null } };
    const scope: PlanScope = scopeOf();
    expect(planOperation({ ...base, kind: 'action', requestBody: [] }, 'a', scope)?.body).toBeNull();
    const update = planOperation(
      { ...base, kind: 'update', method: 'PATCH', requestBody: [{ name: 'x', type: { name: 'Edm.String', isCollection: false }, description: '', required: true, source: base.source }] },
      'u',
      scope,
    );
    expect(update?.body).toEqual({ kind: 'members', members: [{ wire: 'x', type: 'string', description: '', required: false }], optional: false });
  });
});
