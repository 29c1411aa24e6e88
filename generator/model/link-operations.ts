/** Links one API page's operations: types resolved, the resource it acts on, examples flattened. */
import path from 'node:path/posix';
import type { HttpMessageFacts, OperationFacts, PageFacts } from '../extract/facts.js';
import { isResourceLink } from './facts-parts.js';
import type { ModelHttpMessage, ModelOperation, TypeRef } from './ir.js';
import { linkProperty, type Reference } from './link-types.js';
import type { TypeResolver } from './type-resolver.js';

export function linkOperations(page: PageFacts, resolver: TypeResolver, references: Reference[]): ModelOperation[] {
  const stem = path.basename(page.file).replace(/\.md(\.txt)?$/i, '');
  const namespace = page.namespace ?? 'microsoft.graph';
  const first = references.length;
  const operations = page.operations.map((operation, index): ModelOperation => {
    const id = `${page.apiVersion}:${stem}${page.operations.length > 1 ? `#${index + 1}` : ''}`;
    const resolve = (type: Parameters<TypeResolver['resolve']>[0]): TypeRef => {
      const { ref, resolved } = resolver.resolve(type, page.file, namespace);
      if (!resolved) references.push({ fullName: ref.name, source: operation.response?.source ?? operation.source, possibleValues: [] });
      return ref;
    };
    const link = (property: Parameters<typeof linkProperty>[0]) => linkProperty(property, page.file, namespace, resolver, references);
    const responseType = operation.response?.type ? resolve(operation.response.type) : null;
    const paths = operation.httpRequests.map((request) => request.path);
    return {
      id,
      apiVersion: page.apiVersion,
      kind: operation.kind,
      title: operation.title,
      description: operation.description,
      method: operation.httpRequests[0]?.method ?? '',
      paths,
      pathParameters: [...new Set(operation.httpRequests.flatMap((request) => request.pathParameters))],
      permissions: operation.permissions.map(({ source: _, ...permission }) => permission),
      requestHeaders: operation.requestHeaders.map(({ name, value }) => ({ name, value })),
      queryParameters: operation.queryParameters,
      parameters: operation.parameters.map((parameter) => ({ ...parameter, type: parameter.type ? resolve(parameter.type) : null })),
      requestBody: operation.requestBody ? operation.requestBody.map(link) : null,
      response: { status: operation.response?.status ?? null, type: responseType, ...(responseType && operation.response?.typeFrom ? { typeFrom: operation.response.typeFrom } : {}) },
      resource: resourceOf(operation, responseType, page, resolver),
      examples: operation.examples.map((example) => ({
        name: example.name,
        request: example.request ? message(example.request) : null,
        response: example.response ? message(example.response) : null,
        source: example.source,
      })),
      source: operation.source,
    };
  });
  for (let i = first; i < references.length; i++) references[i]!.owner = `page:${page.file}`;
  return operations;
}

/**
 * The documented entity or complex type the operation returns, else the resource
 * its page is named after (`group-delete` → the `group` page's type, longest
 * name first), else the first resource page the page links to.
 */
function resourceOf(operation: OperationFacts, responseType: TypeRef | null, page: PageFacts, resolver: TypeResolver): string | null {
  if (responseType && resolver.has(responseType.name)) return responseType.name;
  const words = path.posix.basename(page.file).replace(/\.md(\.txt)?$/i, '').split('-');
  for (let n = words.length - 1; n > 0; n--) {
    const name = words.slice(0, n).join('-');
    const resolved = resolver.resolve({ name, isCollection: false, isPrimitive: false, href: `../resources/${name}.md` }, page.file, page.namespace ?? 'microsoft.graph');
    if (resolved.resolved) return resolved.ref.name;
  }
  for (const link of page.links) {
    if (!isResourceLink(link.href)) continue;
    const name = path.basename(link.href.split('#')[0] ?? '').replace(/\.md$/i, '');
    const resolved = resolver.resolve({ name, isCollection: false, isPrimitive: false, href: link.href }, page.file, page.namespace ?? 'microsoft.graph');
    if (resolved.resolved) return resolved.ref.name;
  }
  return null;
}

function message(facts: HttpMessageFacts): ModelHttpMessage {
  const out: ModelHttpMessage = { headers: facts.headers, bodyParsed: facts.body?.parsed ?? false, truncated: facts.truncated, source: facts.source };
  if (facts.method !== undefined) out.method = facts.method;
  if (facts.url !== undefined) out.url = facts.url;
  if (facts.status !== undefined) out.status = facts.status;
  if (facts.body) {
    if (facts.body.parsed) out.body = facts.body.json;
    else out.rawBody = facts.body.raw;
    out.bodySource = facts.body.source;
  }
  const annotation = facts.annotation?.value;
  const odataType = annotation?.['@odata.type'];
  if (typeof odataType === 'string') out.odataType = odataType;
  const isCollection = annotation?.['isCollection'];
  if (typeof isCollection === 'boolean') out.isCollection = isCollection;
  return out;
}
