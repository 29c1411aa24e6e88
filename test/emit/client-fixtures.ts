/**
 * Hand-built models for the client emitter tests: the seed operations
 * (deviceManagementPartner CRUD), actions and functions of each shape the
 * emitter distinguishes, and operations whose doc text is hostile.
 */
import type { Model, ModelOperation, ModelProperty, ModelType, TypeRef } from '../../generator/model/ir.js';
import type { EmitContext } from '../../generator/emit/emitter.js';
import { NameTable } from '../../generator/emit/naming.js';

const at = (file: string, line = 1) => ({ file, line, column: 1 });
const ref = (name: string, isCollection = false): TypeRef => ({ name, isCollection });
const prop = (name: string, type: TypeRef, extra: Partial<ModelProperty> = {}): ModelProperty => ({
  name,
  type,
  description: '',
  source: at('v1.0/resources/x.md'),
  ...extra,
});

function type(fullName: string, kind: ModelType['kind'], properties: ModelProperty[] = [], apiVersion = 'v1.0'): ModelType {
  const name = fullName.split('.').pop() ?? fullName;
  return {
    kind,
    name,
    namespace: fullName.slice(0, fullName.length - name.length - 1),
    fullName,
    apiVersion,
    baseType: null,
    description: '',
    source: at(`${apiVersion}/resources/${name.toLowerCase()}.md`),
    properties,
    navigationProperties: [],
    members: kind === 'enum' ? [{ name: 'unknown', value: 0, description: '' }] : [],
    origin: kind === 'unresolved' ? 'referenced' : 'documented',
    documentedIn: [],
  };
}

export function operation(id: string, fields: Partial<ModelOperation> & Pick<ModelOperation, 'kind' | 'title' | 'method' | 'paths'>): ModelOperation {
  const apiVersion = id.split(':')[0] ?? 'v1.0';
  return {
    id,
    apiVersion,
    description: '',
    pathParameters: [],
    permissions: [],
    requestHeaders: [],
    queryParameters: [],
    parameters: [],
    requestBody: null,
    response: { status: 200, type: null },
    resource: null,
    examples: [],
    source: at(`${apiVersion}/api/${id.split(':')[1] ?? id}.md`, 10),
    ...fields,
  };
}

const PARTNER = 'microsoft.graph.deviceManagementPartner';
const partnerPermissions = [
  { type: 'Delegated (work or school account)', permissions: ['DeviceManagementServiceConfig.ReadWrite.All'] },
  { type: 'Delegated (personal Microsoft account)', permissions: [] },
  { type: 'Application', permissions: ['DeviceManagementServiceConfig.ReadWrite.All'] },
];
const partnerPath = '/deviceManagement/deviceManagementPartners';
const partnerItem = `${partnerPath}/{deviceManagementPartnerId}`;

export const v1Types: ModelType[] = [
  type(PARTNER, 'entity', [
    prop('id', ref('Edm.String')),
    prop('displayName', ref('Edm.String')),
    prop('partnerState', ref('microsoft.graph.deviceManagementPartnerTenantState')),
    prop('isConfigured', ref('Edm.Boolean')),
  ]),
  type('microsoft.graph.deviceManagementPartnerTenantState', 'enum'),
  type('microsoft.graph.message', 'entity', [prop('id', ref('Edm.String')), prop('subject', ref('Edm.String'))]),
  type('microsoft.graph.recipient', 'complex', [prop('address', ref('Edm.String'))]),
  type('microsoft.graph.reminder', 'unresolved'),
];

export const v1Operations: ModelOperation[] = [
  operation('v1.0:intune-onboarding-devicemanagementpartner-create', {
    kind: 'create',
    title: 'Create deviceManagementPartner',
    description: 'Create a new deviceManagementPartner object.',
    method: 'POST',
    paths: [partnerPath],
    permissions: partnerPermissions,
    requestBody: [prop('displayName', ref('Edm.String'))],
    response: { status: 201, type: ref(PARTNER) },
    resource: PARTNER,
  }),
  operation('v1.0:intune-onboarding-devicemanagementpartner-update', {
    kind: 'update',
    title: 'Update deviceManagementPartner',
    description: 'Update the properties of a deviceManagementPartner object.',
    method: 'PATCH',
    paths: [partnerItem],
    pathParameters: ['deviceManagementPartnerId'],
    permissions: partnerPermissions,
    requestBody: [prop('displayName', ref('Edm.String'))],
    response: { status: 200, type: ref(PARTNER) },
    resource: PARTNER,
  }),
  operation('v1.0:intune-onboarding-devicemanagementpartner-list', {
    kind: 'list',
    title: 'List deviceManagementPartners',
    method: 'GET',
    paths: [partnerPath],
    queryParameters: ['$select', '$filter', '$top'],
    response: { status: 200, type: ref(PARTNER, true) },
    resource: PARTNER,
  }),
  operation('v1.0:intune-onboarding-devicemanagementpartner-get', {
    kind: 'get',
    title: 'Get deviceManagementPartner',
    method: 'GET',
    paths: [partnerItem],
    pathParameters: ['deviceManagementPartnerId'],
    response: { status: 200, type: ref(PARTNER) },
    resource: PARTNER,
  }),
  operation('v1.0:intune-onboarding-devicemanagementpartner-delete', {
    kind: 'delete',
    title: 'Delete deviceManagementPartner',
    method: 'DELETE',
    paths: [partnerItem],
    pathParameters: ['deviceManagementPartnerId'],
    response: { status: 204, type: null },
    resource: PARTNER,
  }),
  operation('v1.0:user-sendmail', {
    kind: 'action',
    title: 'user: sendMail',
    description: 'Send the message specified in the request body.',
    method: 'POST',
    paths: ['/me/sendMail', '/users/{id | userPrincipalName}/sendMail'],
    pathParameters: ['id | userPrincipalName'],
    requestBody: [
      prop('message', ref('microsoft.graph.message'), { description: 'The message to send. Required.', required: true }),
      prop('saveToSentItems', ref('Edm.Boolean'), { description: 'Save the message in Sent Items. Default is true.' }),
      prop('saveToSentItems', ref('Edm.String'), { description: 'Repeated row: ignored.' }),
    ],
    response: { status: 202, type: null },
  }),
  operation('v1.0:message-get', {
    kind: 'get',
    title: 'Get message',
    method: 'GET',
    paths: ['/users/{user-id}/messages/{id}', '/me/messages/{id}'],
    pathParameters: ['user-id', 'id'],
    response: { status: 200, type: ref('microsoft.graph.message') },
    resource: 'microsoft.graph.message',
  }),
  operation('v1.0:devicemanagement-verifywindowsenrollmentautodiscovery', {
    kind: 'function',
    title: 'deviceManagement: verifyWindowsEnrollmentAutoDiscovery',
    method: 'GET',
    paths: ["/deviceManagement/verifyWindowsEnrollmentAutoDiscovery(domainName='{domainName}')"],
    pathParameters: ['domainName'],
    parameters: [{ name: 'domainName', type: ref('Edm.String'), description: 'Domain name', source: at('v1.0/api/x.md') }],
    response: { status: 200, type: ref('Edm.Boolean') },
  }),
  operation('v1.0:user-reminderview', {
    kind: 'function',
    title: 'user: reminderView',
    method: 'GET',
    paths: ['/users/{id | userPrincipalName}/reminderView(startDateTime={startDateTime},endDateTime={endDateTime})'],
    pathParameters: ['id | userPrincipalName', 'startDateTime', 'endDateTime'],
    parameters: [
      { name: 'startDateTime', type: ref('Edm.String'), description: 'Start.', required: true, source: at('v1.0/api/x.md') },
      { name: 'endDateTime', type: ref('Edm.String'), description: 'End.', required: true, source: at('v1.0/api/x.md') },
    ],
    response: { status: 200, type: ref('microsoft.graph.reminder', true) },
  }),
  operation('v1.0:user-list-calendarview', {
    kind: 'function',
    title: 'List calendarView',
    method: 'GET',
    paths: ['/me/calendarView'],
    parameters: [
      { name: 'startDateTime', type: ref('Edm.String'), description: 'Start, ISO 8601.', required: true, source: at('v1.0/api/x.md') },
      { name: 'endDateTime', type: ref('Edm.String'), description: 'End, ISO 8601.', required: true, source: at('v1.0/api/x.md') },
      { name: 'top-count', type: ref('Edm.Int32'), description: 'Not an identifier.', source: at('v1.0/api/x.md') },
    ],
    response: { status: 200, type: ref('microsoft.graph.message', true) },
  }),
  operation('v1.0:profilephoto-get', {
    kind: 'get',
    title: 'Get photo content',
    method: 'GET',
    paths: ['/users/{id}/photo/$value'],
    pathParameters: ['id'],
    response: { status: 200, type: ref('Edm.Stream') },
  }),
  operation('v1.0:recipient-create', {
    kind: 'create',
    title: 'Create thing (no resource)',
    method: 'POST',
    paths: ['/things'],
    requestBody: [
      prop('name', ref('Edm.String'), { required: true, description: 'Name of the thing.' }),
      prop('recipients', ref('microsoft.graph.recipient', true), { nullable: true }),
      prop('@odata.type', ref('Edm.String')),
    ],
    response: { status: 201, type: null },
  }),
  operation('v1.0:item-hostile', {
    kind: 'other',
    title: 'Hostile */ title ${process.exit(1)}',
    description: 'Ends comments */ and has `backticks` and \r\n line breaks.',
    method: 'post',
    paths: ['https://graph.microsoft.com/v1.0/items/{item-id}/../children/{default}/{constructor} x#frag`${1}`'],
    pathParameters: ['item-id', 'default', 'constructor'],
    permissions: [{ type: 'Application */', permissions: ['A*/B'] }],
    requestBody: null,
    response: { status: 200, type: ref('microsoft.graph.missing') },
  }),
  operation('v1.0:no-path', { kind: 'get', title: 'Get nothing', method: 'GET', paths: [] }),
  operation('v1.0:bad-method', { kind: 'other', title: 'Trace thing', method: 'TRACE', paths: ['/things'] }),
];

export const betaTypes: ModelType[] = [
  type('microsoft.graph.complianceManagementPartner', 'entity', [prop('id', ref('Edm.String')), prop('displayName', ref('Edm.String'))], 'beta'),
];

export const betaOperations: ModelOperation[] = [
  operation('beta:intune-onboarding-compliancemanagementpartner-create', {
    kind: 'create',
    title: 'Create complianceManagementPartner',
    method: 'POST',
    paths: ['/deviceManagement/complianceManagementPartners'],
    response: { status: 201, type: ref('microsoft.graph.complianceManagementPartner') },
    resource: 'microsoft.graph.complianceManagementPartner',
  }),
];

export const fixtureModel: Model = {
  schemaVersion: 1,
  generator: { name: 'docs2ts', version: '0.0.0-test' },
  apiVersions: ['beta', 'v1.0'],
  pages: { total: 0, byKind: { api: 0, resource: 0, enum: 0, conceptual: 0 }, empty: 0 },
  types: [...betaTypes, ...v1Types],
  operations: [...betaOperations, ...v1Operations],
  diagnostics: [],
};

/** The emit context the orchestrator would build for one version of a model. */
export function contextFor(model: Model, apiVersion: string): EmitContext {
  const types = model.types.filter((t) => t.apiVersion === apiVersion);
  const operations = model.operations.filter((o) => o.apiVersion === apiVersion);
  return {
    model,
    apiVersion,
    types,
    operations,
    typeIndex: new Map(types.map((t) => [t.fullName, t])),
    names: new NameTable(types, operations),
    inputLabel: 'test-fixtures',
  };
}
