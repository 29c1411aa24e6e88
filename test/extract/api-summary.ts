/**
 * A compact, exact text form of an operation's facts for table-driven tests:
 * each fact as one short string, positions included where they matter.
 */
import type { HttpMessageFacts, OperationFacts, PropertyFacts, TypeRefFacts } from '../../generator/extract/facts.js';

export interface OperationSummary {
  title: string;
  description: string;
  kind: string;
  /** `GET /users/{id} [id] @line:column` */
  paths: string[];
  /** `Application: A.Read, B.Read` */
  permissions: string[];
  /** `Authorization=Bearer {token}` */
  headers: string[];
  query: string[];
  /** `name:Edm.String!` (`!` required, `?` optional, nothing when unstated) */
  parameters: string[];
  requestBody: string[] | null;
  /** `201 widget`, `200 widget[]`, `204 -` */
  response: string | null;
  /** `name: POST https://... => 201` */
  examples: string[];
}

export function summarize(op: OperationFacts): OperationSummary {
  return {
    title: op.title,
    description: op.description,
    kind: op.kind,
    paths: op.httpRequests.map((r) => `${r.method} ${r.path} [${r.pathParameters.join(', ')}] @${r.source.line}:${r.source.column}`),
    permissions: op.permissions.map((p) => `${p.type}: ${p.permissions.join(', ')}`),
    headers: op.requestHeaders.map((h) => `${h.name}=${h.value}`),
    query: op.queryParameters,
    parameters: op.parameters.map((p) => `${p.name}:${p.type ? typeText(p.type) : '?'}${mark(p.required)}`),
    requestBody: op.requestBody?.map(propertyText) ?? null,
    response: op.response ? `${op.response.status ?? '?'} ${op.response.type ? typeText(op.response.type) : '-'}` : null,
    examples: op.examples.map((e) => `${e.name}: ${messageText(e.request)} => ${messageText(e.response)}`),
  };
}

/** The summary fields a case names, so a case states only what it is about. */
export function pick<T extends object>(whole: T, keys: Array<keyof T>): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, whole[key]])) as Partial<T>;
}

function propertyText(p: PropertyFacts): string {
  return `${p.name}:${typeText(p.type)}${mark(p.required)}`;
}

function typeText(t: TypeRefFacts): string {
  return `${t.name}${t.isCollection ? '[]' : ''}`;
}

function mark(required: boolean | undefined): string {
  return required === undefined ? '' : required ? '!' : '?';
}

function messageText(m: HttpMessageFacts | null): string {
  if (!m) return '-';
  return m.method !== undefined ? `${m.method} ${m.url ?? ''}` : String(m.status ?? '?');
}
