/**
 * Writes a whole output folder or nothing. The new tree is built beside the old
 * one (unchanged files hard-linked from it, so they are not rewritten), then the
 * two folders are swapped by rename. A run killed before the swap leaves the old
 * folder untouched; one killed inside the swap (two renames) is repaired by the
 * next run, which finds the old folder under its backup name. When only a few
 * files change, those alone are replaced by rename (`replaceFew`); a run killed
 * among those renames leaves a list of them, which the next run completes.
 * Only files the folder's marker lists (`output-owner.ts`) are the old output:
 * a folder holding others is written in place around them (`output-in-place.ts`).
 */
import { copyFileSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { link, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { withPath, writeAtomic } from './write-atomic.js';
import { UsageError } from '../parse/input.js';
import { entries, markerText, OUTPUT_MARKER, readMarker } from './output-owner.js';
import { writeInPlace, type OutputFile, type WriteReport } from './output-in-place.js';

export type { OutputFile, WriteReport };

export async function writeOutputDir(out: string, files: readonly OutputFile[]): Promise<WriteReport> {
  const target = path.resolve(out);
  await recoverOutputDir(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.new-${stamp}`);
  const backup = path.join(path.dirname(target), `.${path.basename(target)}.old-${stamp}`);
  const report: WriteReport = { written: [], unchanged: [], removed: [] };
  const owned = readMarker(target) ?? new Set<string>();
  const found = listing(target);
  const previous = new Set(found.files.filter((file) => owned.has(file)));
  const foreign = [...found.files.filter((file) => !owned.has(file)), ...found.other];
  const clash = files.find((file) => foreign.includes(file.path));
  if (clash) throw new UsageError(`${path.join(out, clash.path)} is in the way: docs2ts did not write it and will not replace it; move it away and run again`);
  const marker = markerText(files.map((file) => file.path));
  if (foreign.length > 0) return writeInPlace(target, files, previous, { marker, temporary: (i) => path.join(path.dirname(target), `.${path.basename(target)}.file-${stamp}-${i}`) });
  const few = await replaceFew(target, files, previous, stamp);
  if (few) return keepMarker(target, marker, few);
  try {
    for (const folder of new Set(files.map((file) => path.dirname(path.join(staging, file.path))))) mkdirSync(folder, { recursive: true });
    // Files known unchanged are hard-linked synchronously (thousands of link calls: a promise each costs more than the call).
    const kept = files.map((file) => file.content === null && linkUnchanged(path.join(target, file.path), path.join(staging, file.path)));
    // The others are independent: a few dozen at a time.
    const others = files.flatMap((file, i) => (file.content === null ? [] : [{ file: { ...file, content: file.content }, i }]));
    for (let start = 0; start < others.length; start += PARALLEL) {
      await Promise.all(others.slice(start, start + PARALLEL).map(async ({ file, i }) => (kept[i] = await placeFile(file, target, staging, previous.has(file.path)))));
    }
    files.forEach((file, i) => {
      (kept[i] ? report.unchanged : report.written).push(file.path);
      previous.delete(file.path);
    });
    report.removed = [...previous].sort();
    if (report.written.length === 0 && report.removed.length === 0) {
      rmSync(staging, { recursive: true, force: true });
      return keepMarker(target, marker, report);
    }
    await mkdir(staging, { recursive: true });
    await writeFile(path.join(staging, OUTPUT_MARKER), marker).catch(withPath(path.join(target, OUTPUT_MARKER)));
    const hadTarget = await exists(target);
    swapFolders(target, staging, hadTarget ? backup : undefined);
    if (hadTarget) rmSync(backup, { recursive: true, force: true });
    return report;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

const PARALLEL = 64;

/** The report, once the folder's marker lists what it holds (a folder adopted, or kept as it was, may lack it). */
async function keepMarker(target: string, marker: string, report: WriteReport): Promise<WriteReport> {
  const file = path.join(target, OUTPUT_MARKER);
  if ((await exists(target)) && (await readFile(file, 'utf8').catch(() => undefined)) !== marker) await writeAtomic(file, marker);
  return report;
}

/**
 * Puts `staging` in place of `target`, moved to `backup` first when there is one.
 * The two renames run back to back, synchronously: the one moment the folder is
 * missing (a kill there is repaired by the next run, from the backup) lasts two
 * system calls, not an event loop turn, which a loaded machine stretched enough
 * for a kill to land in. When the second rename fails, the backup goes back.
 */
export function swapFolders(target: string, staging: string, backup: string | undefined): void {
  if (backup) renameSync(target, backup);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (backup) renameSync(backup, target);
    throw error;
  }
}

/** At most this many files with new content, in a folder that keeps all its files, are replaced one by one (`replaceFew`). */
const FEW = 8;

/**
 * When the folder already holds exactly the files asked for and at most `FEW` may
 * have new content, those whose text differs are replaced alone: each written
 * beside the folder, then renamed over its old self, without linking every other
 * file again. With more than one, the list of renames is saved first (`.moves-`),
 * so that a run killed among them is completed by the next (`recoverOutputDir`),
 * as a run killed inside the swap is. Undefined when this does not apply.
 */
async function replaceFew(target: string, files: readonly OutputFile[], present: ReadonlySet<string>, stamp: string): Promise<WriteReport | undefined> {
  const given = files.filter((file) => file.content !== null);
  if (given.length === 0 || given.length > FEW || files.length !== present.size || !files.every((file) => present.has(file.path))) return undefined;
  const texts = await Promise.all(given.map((file) => readFile(path.join(target, file.path), 'utf8').catch(() => undefined)));
  const changed = new Set(given.filter((file, i) => texts[i] !== file.content));
  const report: WriteReport = { written: [], unchanged: [], removed: [] };
  for (const file of files) (changed.has(file) ? report.written : report.unchanged).push(file.path);
  if (changed.size === 0) return report;
  const parent = path.dirname(target);
  const base = `.${path.basename(target)}`;
  const moves = [...changed].map((file, i): Move => [path.join(parent, `${base}.file-${stamp}-${i}`), path.join(target, file.path)]);
  const journal = path.join(parent, `${base}.moves-${stamp}`);
  try {
    await Promise.all([...changed].map((file, i) => writeFile(moves[i]![0], file.content!).catch(withPath(moves[i]![1]))));
    // Its temporary file starts with the journal's name too: a run killed while writing it leaves a list that
    // does not parse (dropped) or a whole one (completed), both right, since every replacement is written by then.
    if (moves.length > 1) await writeAtomic(journal, JSON.stringify(moves));
    // Back to back, as the swap's renames (`swapFolders`): the folder is mixed for as short a time as can be.
    for (const [from, to] of moves) renameSync(from, to);
    await rm(journal, { force: true });
  } catch (error) {
    await Promise.all(moves.map(([from]) => rm(from, { force: true })));
    await rm(journal, { force: true });
    throw error;
  }
  return report;
}

/** A replacement file beside the output folder, and the file of the folder it replaces. */
type Move = [from: string, to: string];

/**
 * Completes the renames a killed `replaceFew` listed: those whose replacement is
 * still beside the folder, and only between the places it uses (the list is a
 * file anyone could have put there).
 */
async function completeMoves(journal: string, parent: string, target: string): Promise<void> {
  const moves = await readFile(journal, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  const prefix = `.${path.basename(target)}.file-`;
  const valid = (move: unknown): move is Move =>
    Array.isArray(move) &&
    move.length === 2 &&
    typeof move[0] === 'string' &&
    typeof move[1] === 'string' &&
    path.dirname(move[0]) === parent &&
    path.basename(move[0]).startsWith(prefix) &&
    path.resolve(move[1]) === move[1] &&
    move[1].startsWith(`${target}${path.sep}`);
  if (Array.isArray(moves) && moves.every(valid)) {
    for (const [from, to] of moves) await rename(from, to).catch(() => undefined);
  }
  await rm(journal, { force: true });
}

/** Hard-links a file the caller knows unchanged into the staging folder (a copy where links fail); true. */
function linkUnchanged(existing: string, destination: string): true {
  try {
    linkSync(existing, destination);
  } catch {
    copyFileSync(existing, destination);
  }
  return true;
}

/** Puts a file with new content in the staging folder: hard-linked when its text is what the folder has (true), else written (false). */
async function placeFile(file: OutputFile & { content: string }, target: string, staging: string, existed: boolean): Promise<boolean> {
  const destination = path.join(staging, file.path);
  const existing = path.join(target, file.path);
  if (existed && (await readFile(existing, 'utf8').catch(() => undefined)) === file.content) {
    await link(existing, destination).catch(() => writeFile(destination, file.content).catch(withPath(existing)));
    return true;
  }
  // An error names the output file, not its staged copy.
  await writeFile(destination, file.content).catch(withPath(existing));
  return false;
}

/** Puts back an output folder that a killed run left under its backup name, and clears staging leftovers. */
export async function recoverOutputDir(out: string): Promise<void> {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  const base = path.basename(target);
  const entries = await readdir(parent).catch(() => [] as string[]);
  const backups = entries.filter((name) => name.startsWith(`.${base}.old-`)).sort();
  const stagings = entries.filter((name) => name.startsWith(`.${base}.new-`) || name.startsWith(`.${base}.file-`));
  if (!(await exists(target)) && backups.length > 0) await rename(path.join(parent, backups.pop()!), target);
  for (const name of entries.filter((name) => name.startsWith(`.${base}.moves-`)).sort()) await completeMoves(path.join(parent, name), parent, target);
  for (const name of [...backups, ...stagings]) await rm(path.join(parent, name), { recursive: true, force: true });
}

/**
 * Files below a folder but its marker, relative, `/` separators, sorted; empty
 * when the folder does not exist or cannot be read.
 */
export function listFiles(dir: string): string[] {
  return listing(dir).files;
}

/** `entries` without the marker, and nothing for a folder that cannot be read. */
function listing(dir: string): { files: string[]; other: string[] } {
  try {
    const found = entries(dir);
    return { files: found.files.filter((file) => file !== OUTPUT_MARKER), other: found.other };
  } catch {
    return { files: [], other: [] };
  }
}

async function exists(file: string): Promise<boolean> {
  return readdir(file).then(
    () => true,
    () => false,
  );
}
