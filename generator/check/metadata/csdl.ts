/**
 * The service's metadata (CSDL, the `$metadata` XML) read into a small model:
 * entity, complex and enum types with their base type, properties and members,
 * and actions and functions with their parameters and return type. Names are
 * full names with schema aliases resolved (`graph.user` → `microsoft.graph.user`).
 * XML that does not parse, or is not CSDL, is a positioned problem, never a throw.
 *
 *   <Schema Namespace="microsoft.graph" Alias="graph">
 *     <EntityType Name="user" BaseType="graph.directoryObject">
 *       <Property Name="displayName" Type="Edm.String" />
 *       <NavigationProperty Name="manager" Type="graph.directoryObject" />
 *     </EntityType>
 *     <Action Name="assignLicense" IsBound="true">
 *       <Parameter Name="bindingParameter" Type="graph.user" />
 *       <Parameter Name="addLicenses" Type="Collection(graph.assignedLicense)" Nullable="false" />
 *       <ReturnType Type="graph.user" />
 *     </Action>
 *   </Schema>
 */
import { SaxesParser } from 'saxes';
import type { TypeRef } from '../../model/ir.js';

export interface CsdlProperty {
  name: string;
  type: TypeRef;
}

export interface CsdlType {
  kind: 'entity' | 'complex' | 'enum';
  fullName: string;
  baseType: string | null;
  /** Declared properties and navigation properties together, in document order. */
  properties: CsdlProperty[];
  /** Enum member names (enums only). */
  members: string[];
}

export interface CsdlOperation {
  kind: 'action' | 'function';
  name: string;
  /** The binding parameter's type, when the operation is bound. */
  boundTo: TypeRef | null;
  /** Parameters after the binding parameter. */
  parameters: CsdlProperty[];
  returnType: TypeRef | null;
}

export interface CsdlModel {
  /** By full name. */
  types: Map<string, CsdlType>;
  /** By name: overloads (bound to different types) share one. */
  operations: Map<string, CsdlOperation[]>;
}

export type CsdlResult = { ok: true; model: CsdlModel } | { ok: false; line: number; column: number; message: string };

type Attributes = Record<string, string>;

/**
 * One streaming pass (saxes checks well-formedness as it reads; `npm run metadata-speed`). Elements other than
 * types, members, properties and operations (annotations, the entity container) are passed over. Names are
 * qualified once every alias is known.
 */
export function parseCsdl(text: string): CsdlResult {
  const parser = new SaxesParser({ position: true });
  let problem: CsdlResult | undefined;
  parser.on('error', (error) => {
    problem ??= { ok: false, line: parser.line, column: Math.max(1, parser.column), message: `Unexpected XML (${error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')}), expected well-formed CSDL` };
  });
  const aliases = new Map<string, string>();
  const types: CsdlType[] = [];
  const operations: (CsdlOperation & { bound: boolean })[] = [];
  let namespace: string | null = null;
  let type: CsdlType | null = null;
  let operation: (CsdlOperation & { bound: boolean }) | null = null;
  let sawEdmx = false;
  let sawSchema = false;
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Attributes;
    const name = tag.name.slice(tag.name.indexOf(':') + 1);
    if (name === 'Edmx') sawEdmx = true;
    else if (name === 'Schema') {
      sawSchema = true;
      namespace = a['Namespace'] ?? '';
      if (a['Alias']) aliases.set(a['Alias'], namespace);
    } else if (namespace === null) return;
    else if (name === 'EntityType' || name === 'ComplexType' || name === 'EnumType') {
      type = { kind: name === 'EntityType' ? 'entity' : name === 'ComplexType' ? 'complex' : 'enum', fullName: `${namespace}.${a['Name'] ?? ''}`, baseType: a['BaseType'] ?? null, properties: [], members: [] };
      types.push(type);
    } else if ((name === 'Property' || name === 'NavigationProperty') && type) type.properties.push({ name: a['Name'] ?? '', type: typeRef(a['Type']) });
    else if (name === 'Member' && type) type.members.push(a['Name'] ?? '');
    else if (name === 'Action' || name === 'Function') {
      operation = { kind: name === 'Action' ? 'action' : 'function', name: a['Name'] ?? '', boundTo: null, parameters: [], returnType: null, bound: a['IsBound'] === 'true' };
      operations.push(operation);
    } else if (name === 'Parameter' && operation) {
      const parameter = { name: a['Name'] ?? '', type: typeRef(a['Type']) };
      if (operation.bound && operation.boundTo === null) operation.boundTo = parameter.type;
      else operation.parameters.push(parameter);
    } else if (name === 'ReturnType' && operation) operation.returnType = typeRef(a['Type']);
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.slice(tag.name.indexOf(':') + 1);
    if (name === 'Schema') namespace = null;
    else if (name === 'EntityType' || name === 'ComplexType' || name === 'EnumType') type = null;
    else if (name === 'Action' || name === 'Function') operation = null;
  });
  try {
    parser.write(text).close();
  } catch {
    // Reported through the error handler; saxes stops at the first error.
  }
  if (problem) return problem;
  if (!sawEdmx || !sawSchema) {
    return { ok: false, line: 1, column: 1, message: 'Unexpected XML without edmx:Edmx/edmx:DataServices/Schema, expected CSDL ($metadata)' };
  }
  const qualify = (name: string): string => {
    const dot = name.lastIndexOf('.');
    const full = aliases.get(name.slice(0, dot));
    return full === undefined ? name : `${full}${name.slice(dot)}`;
  };
  const resolve = (ref: TypeRef): TypeRef => ({ name: qualify(ref.name), isCollection: ref.isCollection });
  const model: CsdlModel = { types: new Map(), operations: new Map() };
  for (const t of types) {
    model.types.set(t.fullName, { ...t, baseType: t.baseType === null ? null : qualify(t.baseType), properties: t.properties.map((p) => ({ name: p.name, type: resolve(p.type) })) });
  }
  for (const { bound: _bound, ...o } of operations) {
    const resolved: CsdlOperation = { ...o, boundTo: o.boundTo && resolve(o.boundTo), parameters: o.parameters.map((p) => ({ name: p.name, type: resolve(p.type) })), returnType: o.returnType && resolve(o.returnType) };
    const overloads = model.operations.get(o.name);
    if (overloads) overloads.push(resolved);
    else model.operations.set(o.name, [resolved]);
  }
  return { ok: true, model };
}

/** `Collection(graph.user)` → `{ name: 'graph.user', isCollection: true }` (qualified later). */
function typeRef(written: string | undefined): TypeRef {
  const collection = /^Collection\((.*)\)$/.exec(written ?? '');
  return { name: collection ? collection[1]! : (written ?? ''), isCollection: collection !== null };
}
