/**
 * Printing ts-morph statement structures to text. Each file's statements are
 * built as plain structures and printed in one call (`printStructure`), which is
 * linear and parses nothing: a source file made from the same structures would
 * print them and then parse the text back, and adding nodes one at a time is
 * quadratic on large files. Prettier formats the text afterwards. With a print
 * memo (`print-memo.ts`), statements are printed one by one and those the memo
 * has are not printed again.
 */
import type { WriterFunction, ImportDeclarationStructure, JSDocStructure, OptionalKind, StatementStructures, StructureKind as Kind } from 'ts-morph';
import { printStructure, StructureKind } from './ts-morph-values.js';
import { compareStrings } from '../model/diagnostic.js';
import { escapeComment } from './naming.js';
import type { PrintMemo } from './print-memo.js';

const PRINT_OPTIONS = { indentNumberOfSpaces: 2, useSingleQuote: true } as const;

/**
 * The text of a file of `statements`, after `header` (the generated-file header)
 * verbatim. With a memo (for statements of plain data only), each statement is
 * printed alone unless the memo has it, and they are put together as one print would.
 */
export function printStatements(header: string, statements: (StatementStructures | WriterFunction)[], memo?: PrintMemo): string {
  if (memo) {
    const plain = statements as StatementStructures[];
    return `${header}${joinStatements(plain, plain.map((statement) => memo.text(statement, printAlone)))}`;
  }
  return `${header}${printStructure({ kind: StructureKind.SourceFile, statements }, PRINT_OPTIONS)}`;
}

/** A statement printed as a file of its own. */
function printAlone(statement: StatementStructures): string {
  return printStructure({ kind: StructureKind.SourceFile, statements: [statement] }, PRINT_OPTIONS);
}

/** Kinds ts-morph puts a blank line before (past the first statement); functions only when not ambient, as here. */
const BLANK_BEFORE: ReadonlySet<Kind> = new Set([StructureKind.Interface, StructureKind.Enum, StructureKind.Class, StructureKind.Function, StructureKind.Module]);

/**
 * Statements each printed alone, put together as ts-morph prints them in one file
 * (`StatementStructurePrinter`): each on a new line, with a blank line before one of
 * `BLANK_BEFORE` and after one that ends in `}`.
 */
export function joinStatements(statements: readonly StatementStructures[], texts: readonly string[]): string {
  // Pieces joined once at the end (reading the tail of a growing rope would flatten it), so what came before is kept as
  // its last two characters and its last character that is not a space.
  const out: string[] = [];
  let tail = '';
  let lastMark: string | undefined;
  const push = (piece: string) => {
    out.push(piece);
    tail = piece.length >= 2 ? piece.slice(-2) : (tail + piece).slice(-2);
    lastMark = lastNonSpace(piece) ?? lastMark;
  };
  statements.forEach((statement, i) => {
    if (out.length > 0 && (BLANK_BEFORE.has(statement.kind) || lastMark === '}') && tail !== '\n\n') push('\n');
    push(texts[i]!);
  });
  return out.join('');
}

function lastNonSpace(text: string): string | undefined {
  for (let i = text.length - 1; i >= 0; i--) if (!/\s/.test(text[i]!)) return text[i];
  return undefined;
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
