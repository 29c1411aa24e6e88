/**
 * One model type → its entry in the emitted schema table (`TypeSchema` of the
 * validator runtime): plain data, so thousands of types cost one small runtime
 * instead of thousands of hand-unrolled functions.
 */
import type { ModelType } from '../model/ir.js';
import { enumMemberNames } from './model-enum.js';
import type { TypeHierarchy } from './type-hierarchy.js';
import { isNullable, ownProperties, referencedTypeName } from './type-map.js';

/** The schema entry as TypeScript object-literal text: one line per property, indented for the `types` array. */
export function schemaEntry(type: ModelType, hierarchy: TypeHierarchy): string {
  const name = JSON.stringify(type.fullName);
  if (type.kind === 'enum') return `{ name: ${name}, kind: "enum", members: ${JSON.stringify(enumMemberNames(type))} }`;
  if (type.kind === 'unresolved') return `{ name: ${name}, kind: "unresolved" }`;
  const fields = [`name: ${name}`, `kind: ${JSON.stringify(type.kind)}`];
  const base = hierarchy.baseOf(type);
  if (base) fields.push(`base: ${JSON.stringify(base.fullName)}`);
  if (type.openType) fields.push('open: true');
  const properties = ownProperties(type).map((property) => {
    const flags = `${property.type.isCollection ? 'c' : ''}${isNullable(type, property) ? 'n' : ''}`;
    const entry = [property.name, referencedTypeName(property.type.name), ...(flags ? [flags] : [])];
    return JSON.stringify(entry);
  });
  if (properties.length === 0) return `{ ${fields.join(', ')}, properties: [] }`;
  return `{ ${fields.join(', ')}, properties: [\n${properties.map((p) => `    ${p},\n`).join('')}  ] }`;
}
