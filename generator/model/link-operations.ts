/** Links one API page's operations: types resolved, the resource it acts on, examples flattened. */
import path from 'node:path/posix';
import type { HttpMessageFacts, OperationFacts, PageFacts, ParameterFacts } from '../extract/facts.js';
import { isResourceLink } from './facts-parts.js';
import type { ModelHttpMessage, ModelOperation, ModelType, TypeRef } from './ir.js';
import type { Diagnostic, SourceRef } from './diagnostic.js';
import { alternativesDiagnostic, linkProperty, type Reference } from './link-types.js';
import type { TypeResolver } from './type-resolver.js';

/** `types`: the version's documented types by full name, for parameters only an example shows (`exampleParameterType`). */
export function linkOperations(
  page: PageFacts,
  resolver: TypeResolver,
  references: Reference[],
  types: ReadonlyMap<string, ModelType> = new Map(),
  diagnostics: Diagnostic[] = [],
): ModelOperation[] {
  const stem = path.basename(page.file).replace(/\.md(\.txt)?$/i, '');
  const namespace = page.namespace ?? 'microsoft.graph';
  const first = references.length;
  const operations = page.operations.map((operation, index): ModelOperation => {
    const id = `${page.apiVersion}:${stem}${page.operations.length > 1 ? `#${index + 1}` : ''}`;
    const resolve = (type: Parameters<TypeResolver['resolve']>[0], cell?: SourceRef): TypeRef => {
      const { ref, resolved, alternatives } = resolver.resolve(type, page.file, namespace);
      if (!resolved) references.push({ fullName: ref.name, source: operation.response?.source ?? operation.source, possibleValues: [] });
      if (alternatives && cell) diagnostics.push(alternativesDiagnostic(alternatives, ref.name, cell));
      return ref;
    };
    const link = (property: Parameters<typeof linkProperty>[0]) => linkProperty(property, page.file, namespace, resolver, references, diagnostics);
    const responseType = operation.response?.type ? resolve(operation.response.type) : null;
    const paths = operation.httpRequests.map((request) => request.path);
    const resource = resourceOf(operation, responseType, page, resolver);
    const bodyType = operation.requestBodyType;
    /** A parameter only an example shows, whose value named no documented type, is typed from the resource or its name (`exampleParameterType`). */
    const parameterType = (parameter: ParameterFacts): TypeRef | null => {
      const guessed = parameter.from === 'example' && (parameter.type === null || (!parameter.type.isPrimitive && !resolver.resolve(parameter.type, page.file, namespace).resolved));
      if (!guessed) return parameter.type ? resolve(parameter.type, parameter.source) : null;
      const found = exampleParameterType(parameter, resource, types, resolver, page);
      return found && parameter.type?.isCollection ? { ...found, isCollection: true } : found;
    };
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
      ...permissionsFrom(operation, page.file),
      requestHeaders: operation.requestHeaders.map(({ name, value }) => ({ name, value })),
      queryParameters: operation.queryParameters,
      parameters: operation.parameters.map((parameter) => ({ ...parameter, type: parameterType(parameter) })),
      requestBody: operation.requestBody ? operation.requestBody.map(link) : null,
      // Resolved without a reference of its own: the rows and the example already reference what the body holds.
      ...(bodyType ? { requestBodyType: { ...bodyType, type: bodyType.type ? resolver.resolve(bodyType.type, page.file, namespace).ref : null } } : {}),
      response: { status: operation.response?.status ?? null, type: responseType, ...(responseType && operation.response?.typeFrom ? { typeFrom: operation.response.typeFrom } : {}) },
      resource,
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

/** Where the permissions were read: the page's own table, or an include file (at its first row). */
function permissionsFrom(operation: OperationFacts, file: string): Pick<ModelOperation, 'permissionsFrom'> {
  const first = operation.permissions[0];
  return first ? { permissionsFrom: { from: first.source.file === file ? 'table' : 'include', source: first.source } } : {};
}

/**
 * The type of a parameter only an example shows whose value names no documented
 * type (an object without `@odata.type`, a key that is no type's name): the same-named property of the
 * resource the operation acts on, else the documented type of that name, else, for the one object a table
 * describes (its type guessed from the key), the resource; null when none is found.
 */
function exampleParameterType(parameter: ParameterFacts, resource: string | null, types: ReadonlyMap<string, ModelType>, resolver: TypeResolver, page: PageFacts): TypeRef | null {
  const property = resource ? types.get(resource)?.properties.find((p) => p.name.toLowerCase() === parameter.name.toLowerCase()) : undefined;
  if (property) return property.type;
  const named = resolver.resolve({ name: parameter.name, isCollection: false, isPrimitive: false }, page.file, page.namespace ?? 'microsoft.graph');
  if (named.resolved) return named.ref;
  // The one object a table describes, named only by an example key that is no type (`site: follow`'s `value`): the table lists the resource's properties.
  return parameter.type && resource ? { name: resource, isCollection: false } : null;
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
