/**
 * Printing ts-morph statement structures to text. Each file's statements are
 * built as plain structures and printed in one call (`printStructure`), which is
 * linear and parses nothing: a source file made from the same structures would
 * print them and then parse the text back, and adding nodes one at a time is
 * quadratic on large files. Prettier formats the text afterwards.
 */
import type { ImportDeclarationStructure, JSDocStructure, OptionalKind } from 'ts-morph';
import type { PlannedFile, PrintJob } from './emitter.js';
import { printStructure, StructureKind } from './ts-morph-values.js';
import { compareStrings } from '../model/diagnostic.js';
import { escapeComment } from './naming.js';

const PRINT_OPTIONS = { indentNumberOfSpaces: 2, useSingleQuote: true } as const;

/** The text of a file: `header` (the generated-file header) verbatim, then the statements. */
export function printJob({ header, statements }: PrintJob): string {
  return `${header}${printStructure({ kind: StructureKind.SourceFile, statements }, PRINT_OPTIONS)}`;
}

/** A planned file that ts-morph prints from `job`: in this thread by `render`, or elsewhere from `print`. */
export function printedFile(path: string, inputs: () => readonly unknown[], job: () => PrintJob): PlannedFile {
  return { path, inputs, render: () => printJob(job()), print: job };
}

/**
 * Doc text made inert inside JSDoc. `escapeComment`: nothing ends the comment, and
 * every line break TypeScript knows (CR, U+2028, U+2029) is a `\n`, so each line
 * gets its ` * `. An `@` becomes `&#64;` (editors render it as `@` in hovers)
 * wherever TypeScript's JSDoc scanner could start a tag with it: at the start, after
 * any character it counts as white space or a line break (`isWhiteSpaceLike`:
 * U+0085 and U+200B too, besides what `\s` matches; U+180E, once a space, as well),
 * after `*` (a line's leading `*` is skipped) and after `{` (an inline `{@link}`).
 * `@internal` anywhere becomes `&#64;internal` too (`stripInternal` looks for it as a substring).
 */
export function inertDocText(text: string): string {
  return escapeComment(text).replace(TAG_AT, '$1&#64;').replace(/@internal/gi, '&#64;internal');
}

const TAG_AT = /(^|[\s\u0085\u180e\u200b*{])@/g;

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
