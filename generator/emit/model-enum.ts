/**
 * An enum → a readonly array of its members `as const` (for runtime use) and
 * a string-literal union type derived from it. An unresolved type → `unknown`.
 */
import type { TypeAliasDeclarationStructure, VariableStatementStructure } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph-values.js';
import type { ModelType } from '../model/ir.js';
import type { ModelNames } from './model-names.js';
import { jsDoc } from './ts-print.js';

/** Member names in doc order, each once: Graph JSON sends enum members by name. */
export function enumMemberNames(type: ModelType): string[] {
  return [...new Set(type.members.map((member) => member.name))];
}

export function enumStatements(type: ModelType, names: ModelNames): (VariableStatementStructure | TypeAliasDeclarationStructure)[] {
  const name = names.type(type.fullName)!;
  const values = names.enumValues(type.fullName)!;
  const members = enumMemberNames(type);
  const origin = type.origin === 'possible-values' ? 'Members from the "Possible values" the docs list where the type is used (no page documents it).' : undefined;
  const memberDocs = type.members.some((m) => m.description) ? type.members.filter((m) => m.description).map((m) => `- \`${m.name.replace(/\s+/g, ' ')}\`: ${m.description.replace(/\s+/g, ' ')}`).join('\n') : undefined;
  if (members.length === 0) {
    return [
      { kind: StructureKind.VariableStatement, isExported: true, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: values, type: 'readonly string[]', initializer: '[]' }], docs: jsDoc(`Members of \`${type.fullName}\`: none documented.`) },
      { kind: StructureKind.TypeAlias, name, isExported: true, type: 'string', docs: jsDoc(type.description, `Enum \`${type.fullName}\`; the docs list no members, so any string is accepted.`, origin) },
    ];
  }
  return [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: values, initializer: `[${members.map((m) => JSON.stringify(m)).join(', ')}] as const` }],
      docs: jsDoc(`Members of \`${type.fullName}\`, in doc order.`),
    },
    { kind: StructureKind.TypeAlias, name, isExported: true, type: `(typeof ${values})[number]`, docs: jsDoc(type.description, `Enum \`${type.fullName}\`.`, origin, memberDocs) },
  ];
}

export function unresolvedStatements(type: ModelType, names: ModelNames): TypeAliasDeclarationStructure[] {
  return [
    {
      kind: StructureKind.TypeAlias,
      name: names.type(type.fullName)!,
      isExported: true,
      type: 'unknown',
      docs: jsDoc(`Type \`${type.fullName}\` is referenced by the docs but no page documents it, so it is \`unknown\`.`),
    },
  ];
}
