/** What is in the output folder now, measured against the last run's manifest; and `--check`'s comparison. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { hashOf } from '../cache/hash.js';
import { sameStamp, stampOf, type OutputRecord, type RunManifest } from '../cache/run-manifest.js';
import { listFiles } from '../cli/output-dir.js';

export interface OutputState {
  /** Files in the output folder now, sorted. */
  present: string[];
  /** Recorded files that are still exactly as the last run wrote them (by stamp, else by content hash). */
  intact: Set<string>;
  /** True when some were proven by content hash rather than stamp (their stamps are worth recording again). */
  rehashed: boolean;
}

export async function outputState(out: string, previous: RunManifest | undefined): Promise<OutputState> {
  const present = await listFiles(out);
  const intact = new Set<string>();
  let rehashed = false;
  if (!previous) return { present, intact, rehashed };
  const here = new Set(present);
  await Promise.all(
    previous.outputs.map(async (record) => {
      if (!here.has(record.path)) return;
      const file = path.join(out, record.path);
      const info = await stat(file).catch(() => undefined);
      if (!info) return;
      if (sameStamp(record, stampOf(info), previous.outputsStampedAt, false)) intact.add(record.path);
      else if (info.size === record.size && hashOf(await readFile(file)) === record.hash) {
        intact.add(record.path);
        rehashed = true;
      }
    }),
  );
  return { present, intact, rehashed };
}

/** The records again with the files' current stamps. */
export async function restamp(out: string, records: readonly OutputRecord[]): Promise<OutputRecord[]> {
  return Promise.all(records.map(async (record) => ({ ...record, ...stampOf(await stat(path.join(out, record.path))) })));
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
