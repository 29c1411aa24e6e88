/** Small hand-made models for the diff's unit tests: a type or an operation with defaults, a model around them. */
import type { Model, ModelOperation, ModelProperty, ModelType } from '../../generator/model/ir.js';

export function property(name: string, typeName = 'Edm.String', extra: Partial<ModelProperty> = {}): ModelProperty {
  return { name, type: { name: typeName, isCollection: false }, description: '', source: { file: 'v1.0/resources/thing.md', line: 20, column: 1 }, ...extra };
}

export function type(name: string, extra: Partial<ModelType> = {}): ModelType {
  return {
    kind: 'entity',
    name,
    namespace: 'microsoft.graph',
    fullName: `microsoft.graph.${name}`,
    apiVersion: 'v1.0',
    baseType: null,
    description: '',
    source: { file: `v1.0/resources/${name.toLowerCase()}.md`, line: 1, column: 1 },
    properties: [],
    navigationProperties: [],
    members: [],
    origin: 'documented',
    documentedIn: [`v1.0/resources/${name.toLowerCase()}.md`],
    ...extra,
  };
}

export function operation(stem: string, extra: Partial<ModelOperation> = {}): ModelOperation {
  return {
    id: `v1.0:${stem}`,
    apiVersion: 'v1.0',
    kind: 'get',
    title: stem,
    description: '',
    method: 'GET',
    paths: ['/things/{thing-id}'],
    pathParameters: ['thing-id'],
    permissions: [{ type: 'Application', permissions: ['Thing.Read.All'] }],
    requestHeaders: [],
    queryParameters: [],
    parameters: [],
    requestBody: null,
    response: { status: 200, type: { name: 'microsoft.graph.thing', isCollection: false } },
    resource: 'microsoft.graph.thing',
    examples: [],
    source: { file: `v1.0/api/${stem}.md`, line: 5, column: 1 },
    ...extra,
  };
}

export function model(types: ModelType[], operations: ModelOperation[] = []): Model {
  return {
    schemaVersion: 1,
    generator: { name: 'docs2ts', version: 'test' },
    apiVersions: ['v1.0'],
    pages: { total: 0, byKind: { api: 0, resource: 0, enum: 0, conceptual: 0 }, empty: 0 },
    types,
    operations,
    diagnostics: [],
  };
}
