/**
 * Every `<!-- { ... } -->` annotation comment of a page, with its position,
 * outside fenced code. Page facts keep only the annotations that precede
 * examples and JSON representations; this rule needs them all (syntax blocks,
 * page annotations), and re-parsing 11,000 pages into mdast costs minutes, so
 * the page text is scanned for comments here: the one place the check reads
 * raw markdown for structure, and only for HTML comments, which are opaque
 * to mdast anyway.
 */
import type { SourceRef } from '../model/diagnostic.js';
import type { CheckContext } from './context.js';

export interface AnnotationComment {
  /** Text between `<!--` and `-->`, trimmed. */
  inner: string;
  /** Where `inner` starts in the page. */
  at: SourceRef;
}

const FENCE = /^\s{0,3}(?:>\s*)*(`{3,}|~{3,})/;

export function annotationComments(ctx: CheckContext, file: string): AnnotationComment[] {
  const lines = ctx.lines(file);
  const out: AnnotationComment[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence[0]!) && fenceMatch[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    let from = 0;
    for (let start = line.indexOf('<!--', from); start >= 0; start = line.indexOf('<!--', from)) {
      const found = readComment(lines, i, start + 4);
      if (!found) break;
      const lead = found.text.length - found.text.trimStart().length;
      const inner = found.text.trim();
      if (inner.startsWith('{')) {
        const at = positionAfter(lines, i, start + 4, lead);
        out.push({ inner, at: { file, line: at.line + 1, column: at.column + 1 } });
      }
      if (found.endLine !== i) {
        i = found.endLine;
        break;
      }
      from = found.endColumn;
    }
  }
  return out;
}

/** Text from (line, column) to the next `-->`, or null when the comment never closes. */
function readComment(lines: string[], line: number, column: number): { text: string; endLine: number; endColumn: number } | null {
  let text = '';
  for (let i = line; i < lines.length && i < line + 200; i++) {
    const chunk = i === line ? lines[i]!.slice(column) : lines[i]!;
    const end = chunk.indexOf('-->');
    if (end >= 0) return { text: text + chunk.slice(0, end), endLine: i, endColumn: (i === line ? column : 0) + end + 3 };
    text += `${chunk}\n`;
  }
  return null;
}

/** 0-based line and column `count` characters after (line, column), counting line breaks. */
export function positionAfter(lines: string[], line: number, column: number, count: number): { line: number; column: number } {
  let l = line;
  let c = column;
  for (let left = count; left > 0; left--) {
    if (c >= (lines[l] ?? '').length) {
      l++;
      c = 0;
    } else c++;
  }
  return { line: l, column: c };
}

/** Page position of an offset into a comment's `inner` text. */
export function innerPosition(ctx: CheckContext, comment: AnnotationComment, offset: number): SourceRef {
  const at = positionAfter(ctx.lines(comment.at.file), comment.at.line - 1, comment.at.column - 1, offset);
  return { file: comment.at.file, line: at.line + 1, column: at.column + 1 };
}
