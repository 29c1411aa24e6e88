/**
 * Diagnostics are data. Every stage appends to a list; nothing below the CLI
 * logs or throws for bad input.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A place in an input page. `file` is relative to the input root, with `/` separators. */
export interface SourceRef {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface Diagnostic extends SourceRef {
  /** Stable rule id, kebab-case (`table-malformed`, `json-invalid`, ...). */
  code: string;
  severity: Severity;
  message: string;
}

/** A position as unist/mdast nodes carry it. */
export interface PointLike {
  line: number;
  column: number;
  offset?: number | undefined;
}

export interface NodeLike {
  position?: { start: PointLike; end?: PointLike } | undefined;
  /** `sourceFile`: the include file the node was read from (`extract/includes.ts`), when not the page. */
  data?: { sourceFile?: string | undefined } | undefined;
}

/** Where a node starts (in its include file when it came from one), or the top of the file when the node has no position. */
export function sourceOf(file: string, node: NodeLike | PointLike | undefined): SourceRef {
  if (node && 'line' in node) return { file, line: node.line, column: node.column };
  const start = node?.position?.start;
  return { file: node?.data?.sourceFile ?? file, line: start?.line ?? 1, column: start?.column ?? 1 };
}

export function diagnostic(
  code: string,
  severity: Severity,
  message: string,
  at: SourceRef,
): Diagnostic {
  return { code, severity, message, file: at.file, line: at.line, column: at.column };
}

/** Stable order: file, line, column, code, message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.code, b.code) ||
    compareStrings(a.message, b.message)
  );
}

/** Locale-independent string order, so output does not depend on the machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
