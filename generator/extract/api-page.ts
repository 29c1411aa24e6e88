/**
 * API pages: one operation per page, read section by section.
 * title + description → HTTP request paths → permissions → headers → query
 * parameters → request body / parameters → response → examples → kind.
 */
import type { ExampleFacts, HttpRequestFacts, OperationFacts, OperationKind, ParameterFacts, ResponseFacts } from './facts.js';
import { readTypeText } from './type-cell.js';
import { at, report } from './context.js';
import type { PageExtractor } from './context.js';
import { foldTabs } from './api-sections.js';
import { readSummary } from './api-description.js';
import { readHttpRequests } from './http-request.js';
import { readPermissions } from './permissions-table.js';
import { readRequestHeaders } from './request-headers.js';
import { readQueryParameters } from './query-parameters.js';
import { readParameterSections, readRequestBody, type RequestBodyFacts } from './request-body.js';
import { bodyParameters } from './body-parameters.js';
import { toParameter } from './property-table.js';
import { readResponse } from './response-section.js';
import { typeFromExamples } from './return-type.js';
import { pathFunctionParameters, withPathParameters } from './path-parameters.js';
import { readExamples } from './examples.js';
import { dominantMethod, operationKind } from './operation-kind.js';

export const extractApiPage: PageExtractor = (ctx) => {
  const sections = foldTabs(ctx.sections);
  const stem = (ctx.file.split('/').pop() ?? ctx.file).replace(/\.md$/i, '');
  const summary = readSummary(sections, ctx.frontMatter, stem);
  const source = at(ctx, summary.heading ?? ctx.tree.children[0]);
  const httpRequests = readHttpRequests(ctx, sections);
  // Not reported twice: a section whose lines were reported as they are (`http-request-path-invalid`) is not missing.
  const linesReported = ctx.diagnostics.some((d) => d.code === 'http-request-path-invalid' || d.code === 'http-request-method-missing');
  if (httpRequests.length === 0 && !linesReported) {
    report(ctx, 'http-request-missing', 'warning', 'Unexpected API page without an HTTP request path, expected an `## HTTP request` section with a `METHOD /path` code block', source);
  }
  const body = readRequestBody(ctx, sections);
  const parameterRows = readParameterSections(ctx, sections);
  const prose = readResponse(ctx, sections);
  const examples = readExamples(ctx, sections);
  const response = withExampleType(prose, examples);
  const exampleMethods = examples.flatMap((e) => (e.request?.method ? [e.request.method] : []));
  const kind = operationKind({
    title: summary.title,
    method: dominantMethod(httpRequests.map((r) => r.method)) || dominantMethod(exampleMethods),
    paths: httpRequests.map((r) => r.path),
    parameterTable: body.parameterTable,
    parameterSection: parameterRows.length > 0,
    responseIsCollection: response?.type?.isCollection ?? false,
  });
  const bodyIsParameters = kind === 'action' || kind === 'function';
  const tableParameters = parameterRows.map(toParameter);
  const bodyParameterList = kind === 'action' ? bodyParameters(ctx, body.rows ?? [], body.named, examples, tableParameters, body.shown) : kind === 'function' ? (body.rows ?? []).map(toParameter) : [];
  const operation: OperationFacts = {
    title: summary.title,
    description: summary.description,
    kind,
    httpRequests,
    permissions: readPermissions(ctx, sections),
    requestHeaders: readRequestHeaders(ctx, sections),
    queryParameters: readQueryParameters(sections),
    parameters: parametersOf(kind, [...tableParameters, ...bodyParameterList], httpRequests),
    requestBody: bodyIsParameters || body.none ? null : body.rows,
    ...(bodyIsParameters || body.none ? {} : requestBodyType(body, examples)),
    response,
    examples,
    source,
  };
  return { operations: [operation] };
};

/** The Response section's facts, with the type an example response shows when the prose names none. */
function withExampleType(response: ResponseFacts | null, examples: ExampleFacts[]): ResponseFacts | null {
  if (response?.type) return response;
  const found = typeFromExamples(examples);
  if (!found) return response;
  const status = response?.status ?? examples.find((e) => e.response?.status !== undefined)?.response?.status ?? null;
  const claims = response?.claims ? { claims: response.claims } : {};
  return { status, type: found.type, typeFrom: 'example', typeSource: found.source, ...claims, source: response?.source ?? found.source };
}

/** What the request body is: the type the prose links, else an example body's `@odata.type`, else the table's rows. */
function requestBodyType(body: RequestBodyFacts, examples: ExampleFacts[]): Pick<OperationFacts, 'requestBodyType'> {
  if (body.proseType) return { requestBodyType: { type: body.proseType.type, from: 'prose', source: body.proseType.source } };
  for (const example of examples) {
    const json = example.request?.body?.json as Record<string, unknown> | undefined;
    const named = typeof json === 'object' && json !== null && !Array.isArray(json) ? json['@odata.type'] : undefined;
    if (typeof named === 'string' && /^#?[A-Za-z][\w.]*$/.test(named)) return { requestBodyType: { type: readTypeText(named.replace(/^#/, '')).type, from: 'example', source: example.request!.body!.source } };
  }
  return body.rows && body.rows.length > 0 ? { requestBodyType: { type: null, from: 'table', source: body.rows[0]!.source } } : {};
}

/** A function's parameters: its table's rows, with those its path writes (`path-parameters.ts`). */
function parametersOf(kind: OperationKind, rows: ParameterFacts[], requests: HttpRequestFacts[]): ParameterFacts[] {
  return kind === 'function' ? withPathParameters(rows, pathFunctionParameters(requests)) : rows;
}
