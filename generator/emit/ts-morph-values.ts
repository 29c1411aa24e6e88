/**
 * The values the emitters take from ts-morph. Building statement structures needs
 * only the kinds, which are constants here, each typed as its ts-morph enum member
 * (so the compiler holds them to the installed ts-morph): loading ts-morph, with
 * the TypeScript compiler it requires, costs a quarter of a second, and a run that
 * prints in a render thread (`pipeline/pool.ts`) never loads it in this one.
 * `printStructure` loads ts-morph on its first call, with `require`: imported from
 * an ES module, Node would first scan ts-morph's CommonJS source for export names.
 * Types still come from `import type ... from 'ts-morph'`.
 */
import { createRequire } from 'node:module';
import type { StructureKind as Kind, VariableDeclarationKind as DeclarationKind } from 'ts-morph';

export const StructureKind = {
  Function: 13 satisfies Kind.Function as Kind.Function,
  ImportDeclaration: 16 satisfies Kind.ImportDeclaration as Kind.ImportDeclaration,
  Interface: 19 satisfies Kind.Interface as Kind.Interface,
  SourceFile: 36 satisfies Kind.SourceFile as Kind.SourceFile,
  TypeAlias: 38 satisfies Kind.TypeAlias as Kind.TypeAlias,
  VariableStatement: 41 satisfies Kind.VariableStatement as Kind.VariableStatement,
} as const;

export const VariableDeclarationKind = {
  Const: 'const' satisfies `${DeclarationKind.Const}` as DeclarationKind.Const,
} as const;

let tsMorph: typeof import('ts-morph') | undefined;

export const printStructure: typeof import('ts-morph').printStructure = (structure, options) => {
  tsMorph ??= createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
  return tsMorph.printStructure(structure, options);
};
