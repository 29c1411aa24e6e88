/**
 * Compares matched operations: parameter names (as a set), each shared
 * parameter's type (name and collection-ness), and the return type. Each
 * measure counts agree / differ / docs silent; every difference is a finding.
 */
import type { ModelOperation, TypeRef } from '../../generator/model/ir.js';
import { bareName } from '../graph-types/property-types.js';
import type { OperationMatch } from './match.js';
import type { SdkType } from './sdk-operations.js';

/** `agrees`: a note that still counts as agreement (Kiota spells names its own way). */
export const CATEGORIES = {
  'parameter-only-docs': { agrees: false, text: 'parameter documented, the SDK has none of that name' },
  'parameter-only-sdk': { agrees: false, text: 'parameter in the SDK, the docs list other parameters but not this one' },
  'parameters-docs-silent': { agrees: false, text: 'the docs list no parameters, the SDK has some' },
  'parameter-name-case': { agrees: true, text: 'parameter name differs only in case' },
  'type-primitive-differs': { agrees: false, text: 'both primitive, different kinds (e.g. Edm.String vs Date)' },
  'type-primitive-vs-named': { agrees: false, text: 'docs name a primitive, the SDK a model type (often an enum)' },
  'type-named-vs-primitive': { agrees: false, text: 'docs name a model type, the SDK a primitive' },
  'type-name-differs': { agrees: false, text: 'both name a model type, the names differ' },
  'type-namespace-differs': { agrees: true, text: 'same bare type name, different namespace' },
  'type-name-case': { agrees: true, text: 'type name differs only in case' },
  'type-json-untyped': { agrees: true, text: 'docs name the Json type, the SDK UntypedNode' },
  'type-sdk-untyped': { agrees: false, text: 'the SDK type is neither a primitive nor a model type' },
  'collection-docs-only': { agrees: false, text: 'docs say collection, the SDK a single value' },
  'collection-sdk-only': { agrees: false, text: 'the SDK says collection, the docs a single value' },
  'parameter-type-docs-silent': { agrees: false, text: 'the docs give the parameter no type' },
  'returns-docs-none': { agrees: false, text: 'docs: no response body (204/202, or examples without one), the SDK returns a value' },
  'returns-sdk-none': { agrees: false, text: 'docs name a response type, the SDK returns nothing' },
  'returns-docs-silent': { agrees: false, text: 'the docs name no response type and no empty status' },
} as const satisfies Record<string, { agrees: boolean; text: string }>;

export type Category = keyof typeof CATEGORIES;

export interface Finding {
  category: Category;
  measure: 'parameters' | 'parameter-types' | 'returns';
  operation: string;
  file: string;
  line: number;
  parameter?: string;
  docs: string;
  sdk: string;
  sdkFile: string;
}

export interface Tally {
  agree: number;
  differ: number;
  docsSilent: number;
}

export interface OperationComparison {
  figures: { parameters: Tally; parameterTypes: Tally; returns: Tally };
  findings: Finding[];
}

/** TypeScript names Kiota emits for each EDM primitive. */
const PRIMITIVES: Record<string, readonly string[]> = {
  'Edm.String': ['string'],
  'Edm.Guid': ['Guid'],
  'Edm.Date': ['DateOnly'],
  'Edm.DateTimeOffset': ['Date'],
  'Edm.Duration': ['Duration'],
  'Edm.TimeOfDay': ['TimeOnly'],
  'Edm.Binary': ['string', 'ArrayBuffer'],
  'Edm.Stream': ['ArrayBuffer'],
  'Edm.Boolean': ['boolean'],
  'Edm.Json': ['UntypedNode'],
  'Edm.Untyped': ['UntypedNode'],
  ...Object.fromEntries(['Byte', 'SByte', 'Int16', 'Int32', 'Int64', 'Single', 'Double', 'Decimal'].map((n) => [`Edm.${n}`, ['number']])),
};

export function compareOperations(matches: readonly OperationMatch[]): OperationComparison {
  const tally = (): Tally => ({ agree: 0, differ: 0, docsSilent: 0 });
  const figures = { parameters: tally(), parameterTypes: tally(), returns: tally() };
  const findings: Finding[] = [];
  for (const { docs, sdk } of matches) {
    const note = (measure: Finding['measure'], category: Category, docsText: string, sdkText: string, parameter?: string): void => {
      findings.push({ category, measure, operation: docs.id, file: docs.source.file, line: docs.source.line, ...(parameter ? { parameter } : {}), docs: docsText, sdk: sdkText, sdkFile: sdk.file });
    };
    const docsNames = new Map(docs.parameters.map((p) => [p.name.toLowerCase(), p]));
    const sdkNames = new Map(sdk.parameters.map((p) => [p.name.toLowerCase(), p]));
    const list = (names: Iterable<string>): string => [...names].join(', ') || '(none)';
    if (docs.parameters.length === 0 && sdk.parameters.length > 0) {
      figures.parameters.docsSilent++;
      note('parameters', 'parameters-docs-silent', '(none)', list(sdk.parameters.map((p) => p.name)));
    } else {
      const onlyDocs = docs.parameters.filter((p) => !sdkNames.has(p.name.toLowerCase()));
      const onlySdk = sdk.parameters.filter((p) => !docsNames.has(p.name.toLowerCase()));
      for (const p of onlyDocs) note('parameters', 'parameter-only-docs', p.name, list(sdk.parameters.map((s) => s.name)), p.name);
      for (const p of onlySdk) note('parameters', 'parameter-only-sdk', list(docs.parameters.map((d) => d.name)), p.name, p.name);
      figures.parameters[onlyDocs.length + onlySdk.length === 0 ? 'agree' : 'differ']++;
    }
    for (const [name, p] of docsNames) {
      const s = sdkNames.get(name);
      if (!s) continue;
      if (p.name !== s.name) note('parameters', 'parameter-name-case', p.name, s.name, p.name);
      if (!s.type) continue;
      if (!p.type) {
        figures.parameterTypes.docsSilent++;
        note('parameter-types', 'parameter-type-docs-silent', '(no type)', describeSdk(s.type), p.name);
        continue;
      }
      const categories = compareType(p.type, s.type);
      for (const category of categories) note('parameter-types', category, describeDocs(p.type), describeSdk(s.type), p.name);
      figures.parameterTypes[categories.every((c) => CATEGORIES[c].agrees) ? 'agree' : 'differ']++;
    }
    const docsReturns = docsReturn(docs);
    if (docsReturns === 'silent') {
      figures.returns.docsSilent++;
      note('returns', 'returns-docs-silent', `status ${docs.response.status ?? '(none)'}`, sdk.returns ? describeSdk(sdk.returns) : 'none');
    } else {
      const categories: Category[] =
        docsReturns === 'none'
          ? sdk.returns ? ['returns-docs-none'] : []
          : sdk.returns ? compareType(docsReturns, sdk.returns) : ['returns-sdk-none'];
      const docsText = docsReturns === 'none' ? `none (status ${docs.response.status ?? '(none)'})` : describeDocs(docsReturns);
      for (const category of categories) note('returns', category, docsText, sdk.returns ? describeSdk(sdk.returns) : 'none');
      figures.returns[categories.every((c) => CATEGORIES[c].agrees) ? 'agree' : 'differ']++;
    }
  }
  return { figures, findings };
}

/**
 * The documented return: a type; `none` (204 or 202 with no type, or every
 * example response a success without a body); or `silent`.
 */
function docsReturn(docs: ModelOperation): TypeRef | 'none' | 'silent' {
  if (docs.response.type) return docs.response.type;
  if (docs.response.status === 204 || docs.response.status === 202) return 'none';
  const responses = docs.examples.flatMap((e) => (e.response ? [e.response] : []));
  const empty = responses.length > 0 && responses.every((r) => (r.status ?? 0) < 300 && r.body === undefined && !r.rawBody?.trim());
  return empty ? 'none' : 'silent';
}

/** Findings for one documented type against the SDK's; none when they agree exactly. */
export function compareType(docs: TypeRef, sdk: SdkType): Category[] {
  const categories: Category[] = [];
  if (docs.isCollection !== sdk.isCollection) categories.push(docs.isCollection ? 'collection-docs-only' : 'collection-sdk-only');
  const base = baseCategory(docs.name, sdk);
  if (base) categories.push(base);
  return categories;
}

function baseCategory(docsName: string, { ref }: SdkType): Category | undefined {
  const docsPrimitive = docsName.startsWith('Edm.');
  if (ref.kind === 'other') return 'type-sdk-untyped';
  if (ref.kind === 'primitive') {
    if (docsPrimitive) return (PRIMITIVES[docsName] ?? []).includes(ref.primitive) ? undefined : 'type-primitive-differs';
    if (docsName.toLowerCase() === 'microsoft.graph.json' && ref.primitive === 'UntypedNode') return 'type-json-untyped';
    return 'type-named-vs-primitive';
  }
  if (docsPrimitive) return 'type-primitive-vs-named';
  if (docsName === ref.fullName) return undefined;
  if (docsName.toLowerCase() === ref.fullName.toLowerCase()) return 'type-name-case';
  if (bareName(docsName).toLowerCase() === bareName(ref.fullName).toLowerCase()) return 'type-namespace-differs';
  return 'type-name-differs';
}

function describeDocs(type: TypeRef): string {
  return `${type.name}${type.isCollection ? ' collection' : ''}`;
}

export function describeSdk({ ref, isCollection }: SdkType): string {
  const name = ref.kind === 'primitive' ? ref.primitive : ref.kind === 'named' ? ref.fullName : ref.text;
  return `${name}${isCollection ? '[]' : ''}`;
}
