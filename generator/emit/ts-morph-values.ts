/**
 * The values the emitters take from ts-morph, loaded with `require`. ts-morph is
 * CommonJS: imported from an ES module, Node first scans its source and what it
 * re-exports (cjs-module-lexer) for export names, a quarter of a second on every
 * run. Types still come from `import type ... from 'ts-morph'`.
 */
import { createRequire } from 'node:module';

const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

export const { printStructure, StructureKind, VariableDeclarationKind } = tsMorph;
