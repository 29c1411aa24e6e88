/** The diff formatter contract: a diff result and its two sides in, the text to print out. */
import type { ApiChange, DiffResult, DiffSummary, Side } from '../change.js';

export interface SideInfo {
  /** What the user named: a folder, a git revision, `last-run`. */
  label: string;
  /** The folder file paths are shown under (the input folder for a revision: paths as in the repository). */
  root: string;
}

export interface DiffFormatInput {
  result: DiffResult;
  base: SideInfo;
  head: SideInfo;
}

export type DiffFormatter = (input: DiffFormatInput) => string;

/** A change's file as reachable from the working directory (`/` separators), on its side. */
export function changePath(input: DiffFormatInput, change: ApiChange): string {
  const root = sideOf(input, change.side).root.replace(/\\/g, '/').replace(/\/+$/, '');
  return root === '' || root === '.' ? change.source.file : `${root}/${change.source.file}`;
}

/** `path:line:column`. */
export function changeLocation(input: DiffFormatInput, change: ApiChange): string {
  return `${changePath(input, change)}:${change.source.line}:${change.source.column}`;
}

/** The side's label when the change's path alone does not say which side it is in (a git revision: same paths on both sides). */
export function revisionOf(input: DiffFormatInput, change: ApiChange): string | undefined {
  const side = sideOf(input, change.side);
  return side.label === side.root ? undefined : side.label;
}

export function sideOf(input: DiffFormatInput, side: Side): SideInfo {
  return side === 'base' ? input.base : input.head;
}

/** "2 breaking, 1 warning, 3 info" (or "no API changes"). */
export function summaryText(summary: DiffSummary): string {
  if (summary.breaking + summary.warning + summary.info === 0) return 'no API changes';
  return `${summary.breaking} breaking, ${summary.warning} warning${summary.warning === 1 ? '' : 's'}, ${summary.info} info`;
}
