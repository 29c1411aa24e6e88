/**
 * An entity or complex type → an exported interface (and, when it has derived
 * types, an `XUnion` alias that narrows on `@odata.type`).
 */
import type { InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure, TypeAliasDeclarationStructure } from 'ts-morph';
import { StructureKind } from './ts-morph-values.js';
import type { ModelType } from '../model/ir.js';
import type { OpenTypes } from './emitter.js';
import type { ModelPlan } from './model-plan.js';
import { propertyTypeText } from './model-property-type.js';
import { propertyKey } from './naming.js';
import { jsDoc } from './ts-print.js';
import { ODATA_TYPE, ownProperties } from './type-map.js';

export interface InterfaceEnv {
  plan: ModelPlan;
  typeIndex: ReadonlyMap<string, ModelType>;
  /** Identifier to use where a value of the type is expected: its union if any (records the import). */
  reference: (fullName: string) => string | undefined;
  /** The interface identifier of a type itself (records the import). */
  plain: (fullName: string) => string | undefined;
  /** Wire name → TypeScript type text of every property a type's interface declares or inherits. */
  declaredProperties: (type: ModelType) => ReadonlyMap<string, string>;
  openTypes: OpenTypes;
}

export function interfaceStatements(type: ModelType, env: InterfaceEnv): (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] {
  const name = env.plan.names.type(type.fullName)!;
  const base = env.plan.hierarchy.baseOf(type);
  const inherited = base ? env.declaredProperties(base) : new Map<string, string>();
  const properties: OptionalKind<PropertySignatureStructure>[] = [];
  const omitted: string[] = [];
  if (!base) {
    properties.push({
      name: propertyKey(ODATA_TYPE),
      hasQuestionToken: true,
      type: 'string',
      docs: jsDoc('The OData type of the value (`#microsoft.graph.x`), sent when it differs from the declared type.'),
    });
  }
  for (const property of ownProperties(type)) {
    const inheritedText = inherited.get(property.name);
    // Same as inherited: nothing to declare (and nothing to import).
    if (inheritedText === propertyTypeText(type, property, env.typeIndex, (name) => env.plan.names.reference(name)).text) continue;
    const { text, note } = propertyTypeText(type, property, env.typeIndex, env.reference);
    if (inheritedText !== undefined) omitted.push(property.name);
    properties.push({ name: propertyKey(property.name), hasQuestionToken: true, type: text, docs: jsDoc(property.description, note) });
  }
  const statements: (InterfaceDeclarationStructure | TypeAliasDeclarationStructure)[] = [];
  const baseName = base ? env.plain(base.fullName) : undefined;
  statements.push({
    kind: StructureKind.Interface,
    name,
    isExported: true,
    extends: baseName === undefined ? [] : [omitted.length ? `Omit<${baseName}, ${omitted.map((p) => JSON.stringify(p)).join(' | ')}>` : baseName],
    docs: jsDoc(type.description, typeNote(type), env.plan.hierarchy.baseNote(type)),
    properties,
    // An open type may carry dynamic properties; the validator allows them. The interface declares them only
    // when asked (`openTypes: "index-signature"`): with an index signature, a misspelt property compiles.
    indexSignatures:
      env.openTypes === 'index-signature' && type.openType && !env.plan.hierarchy.ancestorsOf(type).some((t) => t.openType)
        ? [{ keyName: 'property', keyType: 'string', returnType: 'unknown' }]
        : [],
  });
  const union = env.plan.names.union(type.fullName);
  if (union !== undefined) {
    const members = [type, ...env.plan.hierarchy.descendantsOf(type)].map((t, i) => `(${env.plain(t.fullName)} & { ${odataTypeLiteral(t.fullName, i > 0)} })`);
    statements.push({
      kind: StructureKind.TypeAlias,
      name: union,
      isExported: true,
      type: members.join(' | '),
      docs: jsDoc(
        `A \`${type.fullName}\` or any type derived from it; narrow on \`@odata.type\` (with or without the leading \`#\`).`,
      ),
    });
  }
  return statements;
}

/** `"@odata.type"?: "#ns.x" | "ns.x"`: optional for the declared type itself, required for derived ones. */
function odataTypeLiteral(fullName: string, required: boolean): string {
  return `${propertyKey(ODATA_TYPE)}${required ? '' : '?'}: ${JSON.stringify(`#${fullName}`)} | ${JSON.stringify(fullName)}`;
}

function typeNote(type: ModelType): string {
  const kind = type.kind === 'entity' ? 'Entity type' : 'Complex type';
  const key = type.keyProperty !== undefined ? ` (key \`${type.keyProperty}\`)` : '';
  const flags = [type.isAbstract ? 'abstract' : '', type.openType ? 'open: may carry properties not listed here' : ''].filter(Boolean);
  return `${kind} \`${type.fullName}\`${key}${flags.length ? `; ${flags.join('; ')}` : ''}.`;
}

/** The property texts of an interface as emitted, inherited ones included (memoised by the caller). */
export function declaredPropertyTexts(
  type: ModelType,
  plan: ModelPlan,
  typeIndex: ReadonlyMap<string, ModelType>,
  inheritedTexts: ReadonlyMap<string, string>,
  referenceName: (fullName: string) => string | undefined,
): Map<string, string> {
  const out = new Map(inheritedTexts);
  if (!plan.hierarchy.baseOf(type)) out.set(ODATA_TYPE, 'string');
  for (const property of ownProperties(type)) out.set(property.name, propertyTypeText(type, property, typeIndex, referenceName).text);
  return out;
}
