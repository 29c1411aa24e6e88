/** What is in the output folder now, measured against the last run's manifest; and `--check`'s comparison. */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashOf } from '../../model/hash.js';
import { sameStamp, stampOf, type FileStamp, type OutputRecord, type RunManifest } from './run-manifest.js';
import type { OutputListing } from './survey.js';

export interface OutputState {
  /** Files in the output folder now, sorted. */
  present: string[];
  /** Recorded files that are still exactly as the last run wrote them (by stamp, else by content hash). */
  intact: Set<string>;
  /** True when some were proven by content hash rather than stamp (their stamps are worth recording again). */
  rehashed: boolean;
  /** The stamps of the files intact by stamp, as read now. */
  stamps: Map<string, FileStamp>;
}

/** `listing`: the folder's files and their stamps, as a survey found them (`survey.ts`). */
export async function outputState(out: string, previous: RunManifest | undefined, listing: OutputListing): Promise<OutputState> {
  const { present } = listing;
  const intact = new Set<string>();
  const stamps = new Map<string, FileStamp>();
  if (!previous) return { present, intact, rehashed: false, stamps };
  // Contents, rarely needed, are read in parallel.
  const unproven: OutputRecord[] = [];
  for (const record of previous.outputs) {
    const stamp = listing.stamps.get(record.path);
    if (!stamp) continue;
    if (sameStamp(record, stamp, previous.outputsStampedAt, false)) {
      intact.add(record.path);
      stamps.set(record.path, stamp);
    } else if (stamp.size === record.size) unproven.push(record);
  }
  let rehashed = false;
  await Promise.all(
    unproven.map(async (record) => {
      const bytes = await readFile(path.join(out, record.path)).catch(() => undefined);
      if (bytes && hashOf(bytes) === record.hash) {
        intact.add(record.path);
        rehashed = true;
      }
    }),
  );
  return { present, intact, rehashed, stamps };
}

/**
 * The records with the files' current stamps. `known`: stamps read earlier of
 * files this run did not write, taken instead of stat'ing them again.
 */
export function restamp(out: string, records: readonly Omit<OutputRecord, keyof FileStamp>[], known?: ReadonlyMap<string, FileStamp>): OutputRecord[] {
  return records.map((record) => ({ ...record, ...(known?.get(record.path) ?? stampOf(statSync(path.join(out, record.path)))) }));
}

/** `changed:`/`missing:`/`extra:` lines sorted by path; a file whose content is null is known to match. */
export async function staleFiles(out: string, files: readonly { path: string; content: string | null }[], present: readonly string[]): Promise<string[]> {
  const existing = new Set(present);
  const stale: { file: string; line: string }[] = [];
  for (const { path: file, content } of files) {
    if (!existing.has(file)) stale.push({ file, line: `missing: ${file}` });
    else if (content !== null && (await readFile(path.join(out, file), 'utf8').catch(() => undefined)) !== content) stale.push({ file, line: `changed: ${file}` });
    existing.delete(file);
  }
  for (const file of existing) stale.push({ file, line: `extra: ${file}` });
  return stale.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((s) => s.line);
}
