import { describe, expect, it } from 'vitest';
import type { ModelOperation } from '../../generator/model/ir.js';
import { compareOperations } from '../../scripts/graph-operations/compare.js';
import { matchOperations, operationKey, pathKey } from '../../scripts/graph-operations/match.js';
import { functionParameterNames, readSdkOperations, templatePath } from '../../scripts/graph-operations/sdk-operations.js';

const IMPORTS = `import { type Message, type Reminder, type BaseCollectionPaginationCountResponse } from '@microsoft/msgraph-sdk/models/index.js';
import { type Alert } from '@microsoft/msgraph-sdk/models/security/index.js';
import { type BaseRequestBuilder, type RequestConfiguration, type RequestInformation } from '@microsoft/kiota-abstractions';`;

const files = [
  {
    file: 'users/item/index.d.ts',
    text: `${IMPORTS}
export interface UserItemRequestBuilder extends BaseRequestBuilder<UserItemRequestBuilder> {
    reminderViewWithStartDateTimeWithEndDateTime(endDateTime: string | undefined, startDateTime: string | undefined): ReminderViewRequestBuilder;
    get(requestConfiguration?: RequestConfiguration<object> | undefined): Promise<User | undefined>;
    patch(body: User, requestConfiguration?: RequestConfiguration<object> | undefined): Promise<User | undefined>;
}
export declare const UserItemRequestBuilderUriTemplate = "{+baseurl}/users/{user%2Did}{?%24expand,%24select}";`,
  },
  {
    file: 'users/item/sendMail/index.d.ts',
    text: `${IMPORTS}
export interface SendMailPostRequestBody extends AdditionalDataHolder, BackedModel, Parsable {
    backingStoreEnabled?: boolean | null;
    message?: Message | null;
    saveToSentItems?: boolean | null;
    alerts?: Alert[] | null;
}
export interface SendMailRequestBuilder extends BaseRequestBuilder<SendMailRequestBuilder> {
    post(body: SendMailPostRequestBody, requestConfiguration?: RequestConfiguration<object> | undefined): Promise<void>;
    toPostRequestInformation(body: SendMailPostRequestBody, requestConfiguration?: RequestConfiguration<object> | undefined): RequestInformation;
}
export declare const SendMailRequestBuilderUriTemplate = "{+baseurl}/users/{user%2Did}/sendMail";`,
  },
  {
    file: 'users/item/reminderViewWithStartDateTimeWithEndDateTime/index.d.ts',
    text: `${IMPORTS}
export interface ReminderViewGetResponse extends BaseCollectionPaginationCountResponse, Parsable {
    value?: Reminder[] | null;
}
export interface ReminderViewRequestBuilder extends BaseRequestBuilder<ReminderViewRequestBuilder> {
    get(requestConfiguration?: RequestConfiguration<object> | undefined): Promise<ReminderViewGetResponse | undefined>;
}
export declare const ReminderViewRequestBuilderUriTemplate = "{+baseurl}/users/{user%2Did}/reminderView(StartDateTime='{StartDateTime}',EndDateTime='{EndDateTime}'){?%24count,%24top}";`,
  },
  {
    file: 'users/item/messages/index.d.ts',
    text: `${IMPORTS}
export interface MessagesRequestBuilder extends BaseRequestBuilder<MessagesRequestBuilder> {
    post(body: Message, requestConfiguration?: RequestConfiguration<object> | undefined): Promise<Message | undefined>;
}
export declare const MessagesRequestBuilderUriTemplate = "{+baseurl}/users/{user%2Did}/messages";`,
  },
];

const at = { file: 'v1.0/api/x.md', line: 3, column: 1 };

function operation(id: string, method: string, paths: string[], parameters: [string, string | null, boolean?][], response: ModelOperation['response']): ModelOperation {
  return {
    id,
    apiVersion: 'v1.0',
    kind: method === 'GET' ? 'function' : 'action',
    title: id,
    description: '',
    method,
    paths,
    pathParameters: [],
    permissions: [],
    requestHeaders: [],
    queryParameters: [],
    parameters: parameters.map(([name, type, isCollection]) => ({ name, type: type ? { name: type, isCollection: isCollection ?? false } : null, description: '', from: 'table', source: at })),
    requestBody: null,
    response,
    resource: null,
    examples: [],
    source: at,
  };
}

describe('compare-graph-operations helpers', () => {
  it('reads templates into paths and function parameter names', () => {
    expect(templatePath('{+baseurl}/users/{user%2Did}/delta(){?%24top}')).toBe('/users/{user%2Did}/delta()');
    expect(templatePath('{+baseurl}/users/{user%2Did}/calendarView/delta()?endDateTime={endDateTime}{&%24top}')).toBe('/users/{user%2Did}/calendarView/delta()');
    expect(functionParameterNames("reminderView(StartDateTime='{StartDateTime}',EndDateTime='{EndDateTime}')")).toEqual(['StartDateTime', 'EndDateTime']);
    expect(functionParameterNames('getAllRecordings(userId=@userId)')).toEqual(['userId']);
    expect(functionParameterNames('delta()')).toEqual([]);
  });

  it('normalizes placeholders, /me, case, function calls and the microsoft.graph prefix', () => {
    expect(pathKey('/users/{user%2Did}/reminderView(StartDateTime=\'{StartDateTime}\')')).toBe('users/{}/reminderview');
    expect(pathKey('/me/reminderView(startDateTime=startDateTime-value)')).toBe('users/{}/reminderview');
    expect(pathKey('/users/{id | userPrincipalName}/microsoft.graph.sendMail?x=1')).toBe('users/{}/sendmail');
    expect(operationKey('post', '/me/sendMail')).toBe('POST users/{}/sendmail');
  });

  it('reads actions and functions, and skips CRUD builders', () => {
    const operations = readSdkOperations(files);
    expect(operations.map((o) => `${o.kind} ${o.method} ${o.path}`)).toEqual([
      'action POST /users/{user%2Did}/sendMail',
      "function GET /users/{user%2Did}/reminderView(StartDateTime='{StartDateTime}',EndDateTime='{EndDateTime}')",
    ]);
    const [sendMail, reminderView] = operations;
    expect(sendMail!.parameters).toEqual([
      { name: 'message', type: { ref: { kind: 'named', fullName: 'microsoft.graph.message', resolved: true }, isCollection: false } },
      { name: 'saveToSentItems', type: { ref: { kind: 'primitive', primitive: 'boolean' }, isCollection: false } },
      { name: 'alerts', type: { ref: { kind: 'named', fullName: 'microsoft.graph.security.alert', resolved: true }, isCollection: true } },
    ]);
    expect(sendMail!.returns).toBeNull();
    expect(reminderView!.parameters.map((p) => [p.name, p.type?.ref])).toEqual([
      ['StartDateTime', { kind: 'primitive', primitive: 'string' }],
      ['EndDateTime', { kind: 'primitive', primitive: 'string' }],
    ]);
    expect(reminderView!.returns).toEqual({ ref: { kind: 'named', fullName: 'microsoft.graph.reminder', resolved: true }, isCollection: true });
  });

  it('matches by path and compares names, types and returns', () => {
    const sdk = readSdkOperations(files);
    const docs = [
      operation('v1.0:user-sendmail', 'POST', ['/me/sendMail'], [['message', 'microsoft.graph.message'], ['saveToSentItems', 'Edm.String']], { status: 202, type: null }),
      operation('v1.0:user-reminderview', 'GET', ['/users/{id}/reminderView(startDateTime=x,endDateTime=y)'], [['startDateTime', 'Edm.String'], ['endDateTime', 'Edm.String']], {
        status: 200,
        type: { name: 'microsoft.graph.reminder', isCollection: false },
      }),
      operation('v1.0:user-gone', 'POST', ['/users/{id}/gone'], [], { status: 204, type: null }),
    ];
    const sdkPaths = new Set(files.map((f) => pathKey(templatePath(/UriTemplate = "([^"]*)"/.exec(f.text)![1]!))));
    const matching = matchOperations(docs, sdk, sdkPaths);
    expect(matching.matches.map((m) => m.docs.id)).toEqual(['v1.0:user-reminderview', 'v1.0:user-sendmail']);
    expect(matching.onlyDocs.map((o) => o.id)).toEqual(['v1.0:user-gone']);
    expect(matching.onlySdk).toEqual([]);
    const { figures, findings } = compareOperations(matching.matches);
    expect(figures.parameters).toEqual({ agree: 1, differ: 1, docsSilent: 0 });
    expect(figures.parameterTypes).toEqual({ agree: 3, differ: 1, docsSilent: 0 });
    expect(figures.returns).toEqual({ agree: 1, differ: 1, docsSilent: 0 });
    expect(findings.map((f) => `${f.operation} ${f.category} ${f.parameter ?? ''}`.trim())).toEqual([
      'v1.0:user-reminderview parameter-name-case startDateTime',
      'v1.0:user-reminderview parameter-name-case endDateTime',
      'v1.0:user-reminderview collection-sdk-only',
      'v1.0:user-sendmail parameter-only-sdk alerts',
      'v1.0:user-sendmail type-primitive-differs saveToSentItems',
    ]);
  });

  it('gives a docs page the function overload sharing most parameter names, and matches every page documenting a path', () => {
    const overload = (names: string[]) => ({
      kind: 'function' as const,
      method: 'GET' as const,
      path: `/sites/{site%2Did}/getActivitiesByInterval(${names.map((n) => `${n}='{${n}}'`).join(',')})`,
      parameters: names.map((name) => ({ name, type: { ref: { kind: 'primitive' as const, primitive: 'string' }, isCollection: false } })),
      returns: null,
      file: 'x',
    });
    const sdk = [overload([]), overload(['startDateTime', 'endDateTime', 'interval'])];
    const docs = [
      operation('v1.0:itemactivitystat-getactivitybyinterval', 'GET', ['/sites/{site-id}/getActivitiesByInterval(startDateTime=x,endDateTime=y,interval=z)'], [['startDateTime', 'Edm.String'], ['endDateTime', 'Edm.String'], ['interval', 'Edm.String']], { status: 200, type: null }),
      operation('v1.0:site-getactivitiesbyinterval', 'GET', ['/sites/{id}/getActivitiesByInterval'], [], { status: 200, type: null }),
    ];
    const { matches, onlySdk } = matchOperations(docs, sdk, new Set());
    expect(matches.map((m) => [m.docs.id, m.sdk.parameters.length])).toEqual([
      ['v1.0:itemactivitystat-getactivitybyinterval', 3],
      ['v1.0:site-getactivitiesbyinterval', 0],
    ]);
    expect(onlySdk).toEqual([]);
  });

  it('reads example responses without a body as no return, and a 200 with neither type nor examples as docs silent', () => {
    const [sendMail] = readSdkOperations(files);
    const quiet = operation('v1.0:a', 'POST', ['/me/sendMail'], [], { status: 200, type: null });
    const empty = { ...quiet, id: 'v1.0:b', examples: [{ name: 'e', request: null, response: { status: 200, headers: {}, bodyParsed: false, truncated: false, source: at }, source: at }] };
    const { figures } = compareOperations([
      { docs: quiet, sdk: sendMail! },
      { docs: empty, sdk: sendMail! },
    ]);
    expect(figures.returns).toEqual({ agree: 1, differ: 0, docsSilent: 1 });
  });
});
