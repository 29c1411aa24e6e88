/**
 * What the last `generate` of an input into an output folder saw: every input
 * page (size, times, inode, content hash), every output file (the same, plus the
 * fingerprint it was emitted for and the hashes of its text before prettier), the
 * generator code and the options. A run whose inputs and outputs all still match
 * stops after `stat` alone. One manifest per (input, output) pair.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings, type Diagnostic } from '../../model/diagnostic.js';
import { hashOf } from '../../model/hash.js';
import { writeAtomic } from '../write-atomic.js';

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface InputRecord extends FileStamp {
  file: string;
  apiVersion: string;
  /** Content hash (SHA-1 of the bytes). */
  hash: string;
}

export interface OutputRecord extends FileStamp {
  path: string;
  /** Content hash of the file as written. */
  hash: string;
  /** `FilePlan.fingerprint` it was emitted for. */
  fingerprint: string;
  /** Hash of the text before prettier. */
  unformatted: string;
  /**
   * `partHash` of each top-level part of the text before prettier (`emit/format-parts.ts`),
   * when the file as written splits into as many parts: the next run reformats only changed parts.
   */
  parts?: string[] | undefined;
}

export interface RunSummary {
  pages: number;
  types: number;
  operations: number;
  diagnostics: number;
  /** Lines about pages that could not be read, repeated by runs that stop early. */
  inputProblems: string[];
}

/** One API version's share of the summary, kept so a run that links only other versions can still count. */
export interface VersionSummary {
  types: number;
  operations: number;
  diagnostics: number;
  /** Diagnostics about pages that could not be read. */
  problems: Diagnostic[];
}

export interface RunManifest {
  format: typeof MANIFEST_FORMAT;
  /** `CodeIds.emit` and the options that change output. */
  key: string;
  /** When the input stamps were taken (ms since epoch): files touched near then are hashed, not trusted by stamp. */
  inputsStampedAt: number;
  /** When the output stamps were taken. */
  outputsStampedAt: number;
  inputs: InputRecord[];
  outputs: OutputRecord[];
  summary: RunSummary;
  /** Every output file is under `<version>/` of one of these. */
  versions: Record<string, VersionSummary>;
}

/** 5: plain JSON records; 4 held the input records in columns. */
export const MANIFEST_FORMAT = 5;
/**
 * A file whose time is within this much of when its stamp was taken may be edited
 * again within the same clock tick, unseen ("racy" files, as git calls them): it is
 * hashed rather than trusted. Whole-second times suggest a coarse file system.
 */
const RACY_MS = { fine: 100, coarse: 2000 };

/**
 * What a run's manifest is keyed by: the emit code id and
 * the input folder's name (which reaches the output's headers). A manifest of
 * another key is not this generator's last run.
 */
export function manifestKey(emitCodeId: string, input: string): string {
  return hashOf(emitCodeId, path.basename(path.resolve(input)));
}

/** A digest of one version's input pages and their content hashes. */
export function inputsDigest(inputs: readonly Pick<InputRecord, 'file' | 'hash'>[]): string {
  // Records come sorted by file from a run; sorted again only when not. Fed to the digest one by one (what
  // `hashOf` of them joined by NULs would digest), not joined into one string of six thousand records first.
  const inOrder = inputs.every((record, i) => i === 0 || inputs[i - 1]!.file < record.file);
  const sorted = inOrder ? inputs : [...inputs].sort((a, b) => compareStrings(a.file, b.file));
  const digest = createHash('sha1');
  sorted.forEach((record, i) => digest.update(i === 0 ? `${record.file}\u0000${record.hash}` : `\u0000${record.file}\u0000${record.hash}`));
  return digest.update('\u0000').digest('hex');
}

export function manifestPath(cacheDir: string, input: string, out: string): string {
  return path.join(cacheDir, 'runs', `${hashOf(path.resolve(input), path.resolve(out)).slice(0, 24)}.json`);
}

export function stampOf(stats: Stats): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/**
 * True when a file's stamp proves it unchanged since it was recorded at `stampedAt`.
 * Output files are compared without ctime: hard-linking them into the next
 * folder (and removing the old one) changes it.
 */
export function sameStamp(recorded: FileStamp, current: FileStamp, stampedAt: number, compareCtime = true): boolean {
  const racy = current.mtimeMs % 1000 === 0 ? RACY_MS.coarse : RACY_MS.fine;
  return (
    recorded.size === current.size &&
    recorded.mtimeMs === current.mtimeMs &&
    (!compareCtime || recorded.ctimeMs === current.ctimeMs) &&
    recorded.ino === current.ino &&
    (compareCtime ? Math.max(current.mtimeMs, current.ctimeMs) : current.mtimeMs) < stampedAt - racy
  );
}

/** The manifest file's text, or undefined when it cannot be read. */
export function readManifestText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

/** The manifest in `text` when it is one, of this format and for `key`, and checks out; else undefined. */
export function parseManifest(text: string | undefined, key: string): RunManifest | undefined {
  if (text === undefined) return undefined;
  try {
    const manifest = JSON.parse(text) as RunManifest;
    return manifest?.format === MANIFEST_FORMAT && manifest.key === key && isValid(manifest) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

export async function saveManifest(file: string, manifest: RunManifest): Promise<void> {
  await writeAtomic(file, JSON.stringify(manifest));
}

/** A manifest's records and counts are what they claim. */
function isValid(manifest: RunManifest): boolean {
  // Plain checks, no array or closure per record: two thousand outputs are checked on every run.
  const stamp = (r: FileStamp) => Number.isFinite(r.size) && Number.isFinite(r.mtimeMs) && Number.isFinite(r.ctimeMs) && Number.isFinite(r.ino);
  const text = (...values: unknown[]) => values.every((v) => typeof v === 'string');
  const texts = (value: unknown) => value === undefined || (Array.isArray(value) && text(...value));
  const summary = manifest.summary;
  return (
    typeof manifest.inputsStampedAt === 'number' &&
    typeof manifest.outputsStampedAt === 'number' &&
    Array.isArray(manifest.inputs) &&
    manifest.inputs.every((r) => stamp(r) && text(r.file, r.apiVersion, r.hash)) &&
    Array.isArray(manifest.outputs) &&
    manifest.outputs.every((r) => stamp(r) && text(r.path, r.hash, r.fingerprint, r.unformatted) && texts(r.parts)) &&
    typeof summary === 'object' &&
    summary !== null &&
    [summary.pages, summary.types, summary.operations, summary.diagnostics].every((n) => Number.isInteger(n)) &&
    Array.isArray(summary.inputProblems) &&
    typeof manifest.versions === 'object' &&
    manifest.versions !== null &&
    Object.values(manifest.versions).every((v) => [v.types, v.operations, v.diagnostics].every((n) => Number.isInteger(n)) && Array.isArray(v.problems))
  );
}
