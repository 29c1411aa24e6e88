/**
 * Writes a whole output folder or nothing. The new tree is built beside the old
 * one (unchanged files hard-linked from it, so they are not rewritten), then the
 * two folders are swapped by rename. A run killed before the swap leaves the old
 * folder untouched; one killed inside the swap (two renames) is repaired by the
 * next run, which finds the old folder under its backup name.
 */
import { link, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmittedFile } from '../emit/emitter.js';

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export async function writeOutputDir(out: string, files: readonly EmittedFile[]): Promise<WriteReport> {
  const target = path.resolve(out);
  await recoverOutputDir(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.new-${stamp}`);
  const backup = path.join(path.dirname(target), `.${path.basename(target)}.old-${stamp}`);
  const report: WriteReport = { written: [], unchanged: [], removed: [] };
  const previous = new Set(await listFiles(target));
  try {
    for (const file of files) {
      const destination = path.join(staging, file.path);
      await mkdir(path.dirname(destination), { recursive: true });
      const existing = path.join(target, file.path);
      if (previous.has(file.path) && (await readFile(existing, 'utf8').catch(() => undefined)) === file.content) {
        await link(existing, destination).catch(() => writeFile(destination, file.content));
        report.unchanged.push(file.path);
      } else {
        await writeFile(destination, file.content);
        report.written.push(file.path);
      }
      previous.delete(file.path);
    }
    report.removed = [...previous].sort();
    if (report.written.length === 0 && report.removed.length === 0) {
      await rm(staging, { recursive: true, force: true });
      return report;
    }
    await mkdir(staging, { recursive: true });
    const hadTarget = await exists(target);
    if (hadTarget) await rename(target, backup);
    await rename(staging, target);
    if (hadTarget) await rm(backup, { recursive: true, force: true });
    return report;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Puts back an output folder that a killed run left under its backup name, and clears staging leftovers. */
export async function recoverOutputDir(target: string): Promise<void> {
  const parent = path.dirname(target);
  const base = path.basename(target);
  const entries = await readdir(parent).catch(() => [] as string[]);
  const backups = entries.filter((name) => name.startsWith(`.${base}.old-`)).sort();
  const stagings = entries.filter((name) => name.startsWith(`.${base}.new-`));
  if (!(await exists(target)) && backups.length > 0) await rename(path.join(parent, backups.pop()!), target);
  for (const name of [...backups, ...stagings]) await rm(path.join(parent, name), { recursive: true, force: true });
}

/** Files below a folder, relative, `/` separators; empty when the folder does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

async function exists(file: string): Promise<boolean> {
  return readdir(file).then(
    () => true,
    () => false,
  );
}
