/**
 * Does a documented property type (`Edm.Int32`, `microsoft.graph.foo`, with
 * collection-ness) agree with the package's TypeScript type for it?
 */
import type { ModelProperty } from '../../generator/model/ir.js';
import { CATEGORIES, type Category } from './categories.js';
import type { PackageProperty, PackageTypes } from './package-types.js';

/** TypeScript primitives the typings generator emits for each EDM primitive. */
const PRIMITIVES: Record<string, readonly string[]> = {
  'Edm.String': ['string'],
  'Edm.Guid': ['string'],
  'Edm.Date': ['string'],
  'Edm.DateTimeOffset': ['string'],
  'Edm.Duration': ['string'],
  'Edm.TimeOfDay': ['string'],
  'Edm.Binary': ['string'],
  'Edm.Byte': ['number'],
  'Edm.SByte': ['number'],
  'Edm.Int16': ['number'],
  'Edm.Int32': ['number'],
  'Edm.Single': ['number', 'number | string'],
  'Edm.Double': ['number', 'number | string'],
  'Edm.Int64': ['number', 'number | string'],
  'Edm.Decimal': ['number', 'number | string'],
  'Edm.Boolean': ['boolean'],
  'Edm.Stream': ['any', 'string'],
  'Edm.Untyped': ['any'],
  'Edm.Json': ['any'],
};

export interface TypeVerdict {
  /** Base type (ignoring collection-ness) agrees. */
  typeAgrees: boolean;
  collectionAgrees: boolean;
  /** Findings, including notes that still agree (case-only, namespace-only). */
  findings: Category[];
}

/** `docsKindOf(fullName)` says whether the docs model documents the name as an enum. */
export function comparePropertyType(
  docs: Pick<ModelProperty, 'type' | 'possibleValues' | 'description'>,
  pkg: PackageProperty,
  packageTypes: PackageTypes,
  docsIsEnum: (fullName: string) => boolean,
): TypeVerdict {
  const findings: Category[] = [];
  const collectionAgrees = docs.type.isCollection === pkg.isArray;
  if (!collectionAgrees) findings.push(docs.type.isCollection ? 'collection-docs-only' : 'collection-package-only');
  const category = typeCategory(docs, pkg, packageTypes, docsIsEnum);
  if (category) findings.push(category);
  return { typeAgrees: !category || CATEGORIES[category].agrees, collectionAgrees, findings };
}

function typeCategory(
  docs: Pick<ModelProperty, 'type' | 'possibleValues' | 'description'>,
  pkg: PackageProperty,
  packageTypes: PackageTypes,
  docsIsEnum: (fullName: string) => boolean,
): Category | undefined {
  const docsName = docs.type.name;
  const docsPrimitive = docsName.startsWith('Edm.');
  const { ref } = pkg;
  if (ref.kind === 'other') return 'type-package-untyped';
  if (ref.kind === 'primitive') {
    if (docsPrimitive) return (PRIMITIVES[docsName] ?? ['any']).includes(ref.primitive) ? undefined : 'type-primitive-differs';
    if (docsName.toLowerCase() === 'microsoft.graph.json' && ref.primitive === 'any') return 'type-json-as-any';
    return docsIsEnum(docsName) ? 'type-enum-vs-primitive' : 'type-structured-vs-primitive';
  }
  const packageIsEnum = packageTypes.get(ref.fullName.toLowerCase())?.kind === 'enum';
  if (docsPrimitive) {
    if (!packageIsEnum) return 'type-primitive-vs-structured';
    const listsValues = (docs.possibleValues?.length ?? 0) > 0 || /possible values/i.test(docs.description);
    return docsName === 'Edm.String' && listsValues ? 'type-string-possible-values-vs-enum' : 'type-primitive-vs-enum';
  }
  if (docsName === ref.fullName) return undefined;
  if (docsName.toLowerCase() === ref.fullName.toLowerCase()) return 'type-ref-name-case';
  if (bareName(docsName).toLowerCase() === bareName(ref.fullName).toLowerCase()) return 'type-ref-namespace-differs';
  return 'type-name-differs';
}

export function bareName(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}

/** How a documented type reads in a finding: `Edm.String collection, possible values: a, b`. */
export function describeDocsType(docs: Pick<ModelProperty, 'type' | 'possibleValues'>): string {
  const collection = docs.type.isCollection ? ' collection' : '';
  const values = docs.possibleValues?.length ? ` (possible values: ${docs.possibleValues.join(', ')})` : '';
  return `${docs.type.name}${collection}${values}`;
}
