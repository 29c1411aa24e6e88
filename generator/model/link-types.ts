/**
 * Links one API version's documented types: property types resolved across
 * pages, base types, inherited properties, entity vs complex, and a type for
 * every name that is referenced but not documented.
 */
import type { PropertyFacts, ResourceFacts } from '../extract/facts.js';
import type { DocumentedFacts } from './collect-types.js';
import { compareStrings, diagnostic, type Diagnostic, type SourceRef } from './diagnostic.js';
import type { ModelProperty, ModelType } from './ir.js';
import type { Resolution, TypeResolver } from './type-resolver.js';

export interface Reference {
  fullName: string;
  source: SourceRef;
  possibleValues: string[];
  /** What made the reference: `type:<full name>` (a documented type's property) or `page:<file>` (an operation). */
  owner?: string;
}

/** Model types for the documented types; unresolved names they use are appended to `references`. */
export function linkDocumentedTypes(
  apiVersion: string,
  documented: Map<string, DocumentedFacts>,
  resolver: TypeResolver,
  references: Reference[],
  diagnostics: Diagnostic[],
): Map<string, ModelType> {
  const types = new Map<string, ModelType>();
  for (const entry of documented.values()) {
    const first = references.length;
    types.set(entry.fullName, entry.kind === 'enum' ? enumType(apiVersion, entry) : resourceType(apiVersion, entry, resolver, references, diagnostics));
    for (let i = first; i < references.length; i++) references[i]!.owner = `type:${entry.fullName}`;
  }
  return types;
}

function enumType(apiVersion: string, entry: Extract<DocumentedFacts, { kind: 'enum' }>): ModelType {
  const { facts } = entry;
  return {
    kind: 'enum',
    name: facts.name,
    namespace: facts.namespace,
    fullName: entry.fullName,
    apiVersion,
    baseType: null,
    description: facts.description,
    source: facts.source,
    properties: [],
    navigationProperties: [],
    members: facts.members.map(({ name, value, description }) => ({ name, value, description })),
    origin: 'documented',
    documentedIn: entry.documentedIn,
  };
}

function resourceType(
  apiVersion: string,
  entry: Extract<DocumentedFacts, { kind: 'resource' }>,
  resolver: TypeResolver,
  references: Reference[],
  diagnostics: Diagnostic[],
): ModelType {
  const { facts, page } = entry;
  const link = (property: PropertyFacts): ModelProperty => linkProperty(property, page.file, facts.namespace, resolver, references, diagnostics, jsonTypeOf(facts, property.name));
  const type: ModelType = {
    kind: 'complex',
    name: facts.name,
    namespace: facts.namespace,
    fullName: entry.fullName,
    apiVersion,
    baseType: facts.baseType ? linkBaseType(facts, page.file, resolver, diagnostics) : null,
    description: facts.description,
    source: facts.source,
    properties: facts.properties.map(link),
    navigationProperties: facts.navigationProperties.map(link),
    members: [],
    origin: 'documented',
    documentedIn: entry.documentedIn,
  };
  if (facts.keyProperty !== undefined) type.keyProperty = facts.keyProperty;
  if (facts.openType !== undefined) type.openType = facts.openType;
  if (facts.isAbstract !== undefined) type.isAbstract = facts.isAbstract;
  return type;
}

export function linkProperty(
  property: PropertyFacts,
  file: string,
  namespace: string,
  resolver: TypeResolver,
  references: Reference[],
  diagnostics?: Diagnostic[],
  jsonType?: string,
): ModelProperty {
  const { ref, resolved, textNames, alternatives } = resolver.resolve(property.type, file, namespace);
  if (!resolved) references.push({ fullName: ref.name, source: property.source, possibleValues: property.possibleValues ?? [] });
  if (alternatives) diagnostics?.push(alternativesDiagnostic(alternatives, ref.name, property.typeSource ?? property.source));
  const hrefWrong = textNames === jsonType ? 'the JSON representation' : textNames && namesType(property.name, textNames, ref.name) ? `the property name \`${property.name}\`` : undefined;
  if (textNames && hrefWrong && property.type.href && property.typeSource) {
    // The JSON representation, or the property's own name, names the type the text names: the link target is what is
    // wrong, reported at it (`[invitationParticipantInfo](participantinfo.md)`: the target starts after `[`, the text and `](`).
    const at = { ...property.typeSource, column: property.typeSource.column + property.type.name.length + 3 };
    diagnostics?.push(
      diagnostic(
        'type-link-mismatch',
        'warning',
        `Unexpected link target \`${property.type.href}\` (the page of \`${ref.name}\`) for the type \`${textNames}\`, expected the page of \`${textNames}\` as the link text and ${hrefWrong} name it`,
        at,
      ),
    );
  } else if (textNames) {
    diagnostics?.push(
      diagnostic(
        'type-link-mismatch',
        'warning',
        `Unexpected link text \`${property.type.name}\` (the type \`${textNames}\`) on a link to the page of \`${ref.name}\`, expected the text to name the linked type (read as \`${ref.name}\`)`,
        property.typeSource ?? property.source,
      ),
    );
  }
  const out: ModelProperty = { name: property.name, type: ref, description: property.description, source: property.source };
  if (property.possibleValues?.length) out.possibleValues = property.possibleValues;
  if (property.nullable !== undefined) out.nullable = property.nullable;
  if (property.readOnly !== undefined) out.readOnly = property.readOnly;
  if (property.required !== undefined) out.required = property.required;
  return out;
}

/**
 * Whether a property's name holds the link text's type name as a part and not the linked page's type
 * (`incompatibleAccessPackages` with `[accessPackage](accesspackagecatalog.md)`): the name says which type is meant.
 */
function namesType(property: string, text: string, linked: string): boolean {
  const [name, named, other] = [property, text.slice(text.lastIndexOf('.') + 1), linked.slice(linked.lastIndexOf('.') + 1)].map((s) => s.toLowerCase()) as [string, string, string];
  return name !== named && name.includes(named) && !name.includes(other);
}

/** The type the resource's JSON representation gives a property (`"targets": [{"@odata.type": "#microsoft.graph.x"}]`). */
function jsonTypeOf(facts: ResourceFacts, name: string): string | undefined {
  const json = facts.json?.body.json;
  const value: unknown = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>)[name] : undefined;
  const item: unknown = Array.isArray(value) ? value[0] : value;
  const type = item && typeof item === 'object' ? (item as Record<string, unknown>)['@odata.type'] : undefined;
  return typeof type === 'string' ? type.replace(/^#/, '') : undefined;
}

/** A cell naming several types: info when they share a documented base type (read as it), else a warning (read as the first). */
export function alternativesDiagnostic({ names, base }: NonNullable<Resolution['alternatives']>, read: string, source: SourceRef): Diagnostic {
  const listed = names.map((name) => `\`${name}\``).join(', ');
  return base
    ? diagnostic('type-alternatives', 'info', `Unexpected several types (${listed}) in one type cell, expected one type (read as their common base type \`${read}\`)`, source)
    : diagnostic(
        'type-alternatives',
        'warning',
        `Unexpected several unrelated types (${listed}) in one type cell, expected one type or types with a common documented base type (read as the first, \`${read}\`)`,
        source,
      );
}

function linkBaseType(facts: ResourceFacts, file: string, resolver: TypeResolver, diagnostics: Diagnostic[]): string {
  const base = facts.baseType!;
  const { ref, resolved } = resolver.resolve({ name: base.name, isCollection: false, isPrimitive: false, ...(base.href ? { href: base.href } : {}) }, file, facts.namespace);
  if (!resolved) {
    diagnostics.push(
      diagnostic('base-type-unresolved', 'warning', `Unexpected base type \`${base.name}\` that no page documents, expected a documented type`, base.source),
    );
  }
  return ref.name;
}

/**
 * Types referenced but documented nowhere: an enum when some reference lists
 * "Possible values", otherwise an `unresolved` placeholder. One diagnostic per type.
 * Returns each such type's references, in link order.
 */
export function addReferencedTypes(
  apiVersion: string,
  types: Map<string, ModelType>,
  references: readonly Reference[],
  diagnostics: Diagnostic[],
): Map<string, Reference[]> {
  const byName = new Map<string, Reference[]>();
  for (const reference of references) {
    if (types.has(reference.fullName)) continue;
    const list = byName.get(reference.fullName);
    if (list) list.push(reference);
    else byName.set(reference.fullName, [reference]);
  }
  for (const [fullName, refs] of [...byName].sort(([a], [b]) => compareStrings(a, b))) {
    types.set(fullName, referencedType(apiVersion, fullName, refs, diagnostics));
  }
  return byName;
}

/** The type for a name that is only referenced (`refs`: at least one, in link order), and its diagnostic. */
export function referencedType(apiVersion: string, fullName: string, refs: readonly Reference[], diagnostics: Diagnostic[]): ModelType {
  const first = refs[0]!;
  const values = [...new Set(refs.flatMap((r) => r.possibleValues))];
  const dot = fullName.lastIndexOf('.');
  const where = refs.length > 1 ? ` (referenced ${refs.length} times)` : '';
  diagnostics.push(
    diagnostic(
      'type-unresolved',
      'warning',
      values.length
        ? `Unexpected type \`${fullName}\` that no page documents${where}, expected a page for it (synthesized an enum from its "Possible values": ${values.join(', ')})`
        : `Unexpected type \`${fullName}\` that no page documents${where}, expected a page for it`,
      first.source,
    ),
  );
  return {
    kind: values.length ? 'enum' : 'unresolved',
    name: fullName.slice(dot + 1),
    namespace: dot > 0 ? fullName.slice(0, dot) : '',
    fullName,
    apiVersion,
    baseType: null,
    description: '',
    source: first.source,
    properties: [],
    navigationProperties: [],
    members: values.map((name) => ({ name, value: null, description: '' })),
    origin: values.length ? 'possible-values' : 'referenced',
    documentedIn: [],
  };
}

/**
 * Entity when the JSON annotation names a key, a base type is an entity, or the
 * type has an `id` and either navigation properties or CRUD operations of its
 * own (complex types can have navigation properties, but not an `id` and a URL),
 * or is the type of another type's navigation property (a Relationships row:
 * OData navigates only to entities; `message.mentions` → `mention`).
 * An entity keyed on `id` whose docs name no base type derives from
 * `microsoft.graph.entity`, as every such Graph type does (`baseTypeInferred`).
 * Properties redeclared from a base type are dropped from `properties` (they are
 * inherited). Sets `derivedTypes`.
 */
export function inheritAndClassify(
  types: Map<string, ModelType>,
  documented: Map<string, DocumentedFacts>,
  operatedOn: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): void {
  const ENTITY = 'microsoft.graph.entity';
  const resources = [...types.values()].filter((type) => documented.get(type.fullName)?.kind === 'resource');
  const hasId = (type: ModelType) => type.keyProperty === 'id' || type.properties.some((p) => p.name === 'id');
  const navigatedTo = new Set(resources.flatMap((type) => type.navigationProperties.map((p) => p.type.name)));
  const isEntityOwn = (type: ModelType) =>
    type.keyProperty !== undefined ||
    type.fullName === ENTITY ||
    (hasId(type) && (type.navigationProperties.length > 0 || operatedOn.has(type.fullName) || navigatedTo.has(type.fullName)));
  const ownEvidence = new Set(resources.filter(isEntityOwn).map((type) => type.fullName));
  if (types.get(ENTITY)?.kind !== 'unresolved' && types.has(ENTITY)) {
    for (const type of resources) {
      if (type.baseType === null && type.fullName !== ENTITY && ownEvidence.has(type.fullName) && hasId(type)) {
        type.baseType = ENTITY;
        type.baseTypeInferred = true;
      }
    }
  }
  const chainOf = (type: ModelType): ModelType[] => {
    const chain: ModelType[] = [];
    const seen = new Set([type.fullName]);
    for (let base = type.baseType ? types.get(type.baseType) : undefined; base; base = base.baseType ? types.get(base.baseType) : undefined) {
      if (seen.has(base.fullName)) {
        diagnostics.push(diagnostic('base-type-cycle', 'error', `Unexpected base type cycle through \`${base.fullName}\`, expected a chain that ends`, type.source));
        break;
      }
      seen.add(base.fullName);
      chain.push(base);
    }
    return chain;
  };
  const chains = new Map(resources.map((type) => [type.fullName, chainOf(type)]));
  for (const type of resources) {
    const chain = chains.get(type.fullName)!;
    if (ownEvidence.has(type.fullName) || chain.some((base) => ownEvidence.has(base.fullName))) type.kind = 'entity';
  }
  const derived = new Map<ModelType, string[]>();
  for (const type of resources) {
    const chain = chains.get(type.fullName)!;
    const inherited = new Set(chain.flatMap((base) => [...base.properties, ...base.navigationProperties].map((p) => p.name)));
    type.properties = type.properties.filter((p) => !inherited.has(p.name));
    type.navigationProperties = type.navigationProperties.filter((p) => !inherited.has(p.name));
    const base = type.baseType ? types.get(type.baseType) : undefined;
    if (!base) continue;
    let names = derived.get(base);
    if (!names) derived.set(base, (names = [...(base.derivedTypes ?? [])]));
    names.push(type.fullName);
  }
  for (const [base, names] of derived) base.derivedTypes = names.sort(compareStrings);
}
