/**
 * Documented types against the service's metadata: a type the service does not
 * have, a documented property it does not have, a service property the page
 * does not document, a property's type or collection-ness, enum members, the
 * base type and entity vs complex. Findings sit on the doc row: the property
 * row (the type cell for a type), the enum member row, the base type sentence;
 * a service property no page documents sits at the start of the properties table.
 *
 *   ok:     |displayName|String|Name.|   with <Property Name="displayName" Type="Edm.String"/>
 *   not ok: |displayName|Int32|Name.|    → Unexpected type `Edm.Int32` of `displayName`, expected `Edm.String` as the service's metadata declares
 */
import type { SourceRef } from '../../model/diagnostic.js';
import type { ModelType, TypeRef } from '../../model/ir.js';
import { cellStart, type CheckContext } from '../context.js';
import { closest, didYouMean } from '../did-you-mean.js';
import type { CsdlModel, CsdlProperty, CsdlType } from './csdl.js';
import type { MetadataRuleId } from './rule-ids.js';

export interface MetadataFinding {
  ruleId: MetadataRuleId;
  at: SourceRef;
  message: string;
  key: string;
}

const ENTITY = 'microsoft.graph.entity';

/** `Edm.String`, `Collection(microsoft.graph.user)`. */
export function typeText(type: TypeRef): string {
  return type.isCollection ? `Collection(${type.name})` : type.name;
}

/** Same type and collection-ness; a doc type that could not be read (`Edm.Untyped`) is not compared. */
export function sameType(doc: TypeRef, service: TypeRef): boolean {
  return doc.name === 'Edm.Untyped' || (doc.name === service.name && doc.isCollection === service.isCollection);
}

export function compareTypes(ctx: CheckContext, apiVersion: string, csdl: CsdlModel): MetadataFinding[] {
  const out: MetadataFinding[] = [];
  const bare = new Map<string, string[]>();
  /** Bare names of the service's types in a namespace: did-you-mean compares these short names (1,300 misses against 3,000 types: 1.5 s, full names: 17 s). */
  const namesIn = (namespace: string): string[] => {
    if (bare.size === 0) {
      for (const name of csdl.types.keys()) {
        const dot = name.lastIndexOf('.');
        const list = bare.get(name.slice(0, dot));
        if (list) list.push(name.slice(dot + 1));
        else bare.set(name.slice(0, dot), [name.slice(dot + 1)]);
      }
    }
    return bare.get(namespace) ?? [];
  };
  const docTypes = new Map(ctx.model.types.filter((t) => t.apiVersion === apiVersion).map((t) => [t.fullName, t]));
  for (const type of docTypes.values()) {
    if (type.kind === 'unresolved' || type.origin === 'referenced') continue;
    const service = csdl.types.get(type.fullName);
    if (!service) {
      if (type.origin === 'documented') {
        const near = closest(type.name, namesIn(type.namespace));
        const hint = near === undefined ? '' : ` (did you mean \`${type.namespace}.${near}\`?)`;
        out.push({ ruleId: 'metadata-type-missing', at: type.source, key: type.fullName, message: `Unexpected type \`${type.fullName}\`, expected one the service's metadata declares${hint}` });
      }
      continue;
    }
    if (type.kind === 'enum' || service.kind === 'enum') {
      out.push(...compareEnum(ctx, type, service));
      continue;
    }
    if (type.kind !== service.kind) {
      out.push({ ruleId: 'metadata-type-mismatch', at: type.source, key: type.fullName, message: `Unexpected ${type.kind} type \`${type.fullName}\`, expected a ${service.kind} type as the service's metadata declares` });
    }
    out.push(...compareBase(ctx, type, service), ...compareProperties(ctx, type, service, csdl, docTypes));
  }
  return out;
}

function compareEnum(ctx: CheckContext, type: ModelType, service: CsdlType): MetadataFinding[] {
  if (type.kind !== service.kind) {
    return [{ ruleId: 'metadata-type-mismatch', at: type.source, key: type.fullName, message: `Unexpected ${type.kind} type \`${type.fullName}\`, expected a ${service.kind} type as the service's metadata declares` }];
  }
  const out: MetadataFinding[] = [];
  const rows = new Map(ctx.page(type.source.file)?.enums.find((e) => `${e.namespace}.${e.name}` === type.fullName)?.members.map((m) => [m.name, m.source]) ?? []);
  const documented = new Set(type.members.map((m) => m.name));
  for (const member of type.members) {
    if (service.members.includes(member.name)) continue;
    const message = `Unexpected member \`${member.name}\` of enum \`${type.fullName}\`, expected one of the service's: ${service.members.map((m) => `\`${m}\``).join(', ')}`;
    out.push({ ruleId: 'metadata-enum-mismatch', at: rows.get(member.name) ?? type.source, key: `${type.fullName}.${member.name}`, message });
  }
  for (const member of service.members) {
    if (documented.has(member)) continue;
    out.push({ ruleId: 'metadata-enum-mismatch', at: type.source, key: `${type.fullName}.${member}`, message: `Unexpected enum \`${type.fullName}\` without member \`${member}\`, expected it as the service's metadata declares` });
  }
  return out;
}

function compareBase(ctx: CheckContext, type: ModelType, service: CsdlType): MetadataFinding[] {
  const documented = type.baseTypeInferred ? null : type.baseType;
  if (documented === service.baseType || (documented === null && (service.baseType === null || service.baseType === ENTITY))) return [];
  const row = ctx.page(type.source.file)?.resources.find((r) => `${r.namespace}.${r.name}` === type.fullName)?.baseType?.source;
  const said = documented === null ? 'no base type' : `base type \`${documented}\``;
  const expected = service.baseType === null ? 'none' : `\`${service.baseType}\``;
  return [{ ruleId: 'metadata-base-type', at: row ?? type.source, key: type.fullName, message: `Unexpected ${said} for \`${type.fullName}\`, expected ${expected} as the service's metadata declares` }];
}

function compareProperties(ctx: CheckContext, type: ModelType, service: CsdlType, csdl: CsdlModel, docTypes: ReadonlyMap<string, ModelType>): MetadataFinding[] {
  const out: MetadataFinding[] = [];
  const serviceProperties = new Map(chain(service.fullName, (name) => csdl.types.get(name)?.baseType).flatMap((name) => csdl.types.get(name)?.properties ?? []).map((p) => [p.name, p] as const));
  const docProperties = [...type.properties, ...type.navigationProperties];
  for (const property of docProperties) {
    const match = serviceProperties.get(property.name);
    if (!match) {
      out.push({ ruleId: 'metadata-property-missing', at: property.source, key: `${type.fullName}.${property.name}`, message: `Unexpected property \`${property.name}\` of \`${type.fullName}\`, expected one the service's metadata declares${didYouMean(property.name, serviceProperties.keys())}` });
    } else if (!sameType(property.type, match.type)) {
      out.push(typeMismatch(ctx, type.fullName, property.name, property.type, match, property.source));
    }
  }
  const documented = new Set(chain(type.fullName, (name) => docTypes.get(name)?.baseType ?? undefined).flatMap((name) => docTypes.get(name) ?? []).flatMap((t) => [...t.properties, ...t.navigationProperties]).map((p) => p.name));
  const table = tableStart(type);
  for (const property of service.properties) {
    if (documented.has(property.name)) continue;
    out.push({ ruleId: 'metadata-property-undocumented', at: table, key: `${type.fullName}.${property.name}`, message: `Unexpected properties of \`${type.fullName}\` without \`${property.name}\` (${typeText(property.type)}), expected every property the service's metadata declares` });
  }
  return out;
}

export function typeMismatch(ctx: CheckContext, owner: string, name: string, doc: TypeRef, service: CsdlProperty, row: SourceRef): MetadataFinding {
  return {
    ruleId: 'metadata-type-mismatch',
    at: cellStart(ctx, row, 1),
    key: `${owner}.${name}`,
    message: `Unexpected type \`${typeText(doc)}\` of \`${name}\`, expected \`${typeText(service.type)}\` as the service's metadata declares`,
  };
}

/** A name and its bases, stopping at a cycle. */
function chain(name: string, baseOf: (name: string) => string | null | undefined): string[] {
  const names: string[] = [];
  for (let current: string | null | undefined = name; current && !names.includes(current); current = baseOf(current)) names.push(current);
  return names;
}

/** The header row of the type's property table (two lines above its first row), else the type's heading. */
function tableStart(type: ModelType): SourceRef {
  const first = [...type.properties, ...type.navigationProperties].find((p) => p.source.file === type.source.file && !p.inheritedFrom);
  return first && first.source.line > 2 ? { ...first.source, line: first.source.line - 2 } : type.source;
}
