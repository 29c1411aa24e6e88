/**
 * Printing ts-morph statement structures to text. Each file's statements are
 * built as plain structures and printed in one call (`printStructure`), which is
 * linear and parses nothing: a source file made from the same structures would
 * print them and then parse the text back, and adding nodes one at a time is
 * quadratic on large files. Prettier formats the text afterwards.
 */
import type { WriterFunction, ImportDeclarationStructure, JSDocStructure, OptionalKind, StatementStructures } from 'ts-morph';
import { printStructure, StructureKind } from './ts-morph-values.js';
import { compareStrings } from '../model/diagnostic.js';
import { escapeComment } from './naming.js';

/** The text of a file of `statements`, after `header` (the generated-file header) verbatim. */
export function printStatements(header: string, statements: (StatementStructures | WriterFunction)[]): string {
  return `${header}${printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2, useSingleQuote: true })}`;
}

/**
 * Doc text made inert inside JSDoc: `escapeComment` (nothing ends the comment), and
 * an `@` that would start a tag (at the start of a line or after whitespace, as
 * TypeScript reads `text @param x`) or that spells `@internal` anywhere (which
 * `stripInternal` looks for as a substring) becomes `&#64;`, which editors render
 * as `@` in hovers.
 */
export function inertDocText(text: string): string {
  return escapeComment(text)
    .replace(/(^|\s)@/gm, '$1&#64;')
    .replace(/@internal/gi, '&#64;internal');
}

/** JSDoc from doc paragraphs: empty ones dropped, each made inert (`inertDocText`). */
export function jsDoc(...paragraphs: (string | undefined)[]): OptionalKind<JSDocStructure>[] {
  const text = paragraphs
    .map((p) => (p === undefined ? '' : inertDocText(p).trim()))
    .filter((p) => p !== '')
    .join('\n\n');
  return text === '' ? [] : [{ description: text }];
}

/** `import type { A, B } from './x.js'` statements, sorted by specifier, names sorted. */
export function typeImports(imports: ReadonlyMap<string, ReadonlySet<string>>): ImportDeclarationStructure[] {
  return [...imports.keys()].sort(compareStrings).map((moduleSpecifier) => ({
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: true,
    moduleSpecifier,
    namedImports: [...imports.get(moduleSpecifier)!].sort(compareStrings),
  }));
}

/** Adds `name` to the import list of `specifier`. */
export function addImport(imports: Map<string, Set<string>>, specifier: string, name: string): void {
  const set = imports.get(specifier);
  if (set) set.add(name);
  else imports.set(specifier, new Set([name]));
}
