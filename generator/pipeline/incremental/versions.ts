/**
 * Which API versions a run must link and emit again. Versions are linked and
 * emitted independently (`linkModel` links each version from its own pages, and
 * every emitter writes a version's files under `<version>/` from that version's
 * types and operations), so a version none of whose pages or output files
 * changed keeps its output without its pages being loaded.
 */
import type { InputRecord, RunManifest } from './run-manifest.js';
import type { PageState } from './load-pages.js';
import type { OutputState } from './output-state.js';

export function versionsToBuild(
  states: readonly PageState[],
  previousInputs: ReadonlyMap<string, InputRecord>,
  previous: RunManifest | undefined,
  outputs: OutputState,
): Set<string> {
  const current = new Set(states.map((state) => state.page.apiVersion));
  if (!previous) return current;
  const known = new Set([...current, ...Object.keys(previous.versions)]);
  // The folder a file is in, when it is a version's (a version name holds no `/`): a lookup, not a scan, for 2,000 files.
  const versionOf = (file: string) => {
    const slash = file.indexOf('/');
    const folder = slash > 0 ? file.slice(0, slash) : undefined;
    return folder !== undefined && known.has(folder) ? folder : undefined;
  };
  const recorded = new Set(previous.outputs.map((record) => record.path));
  // Files outside every version folder: only a whole run decides about them.
  if (previous.outputs.some((record) => versionOf(record.path) === undefined) || outputs.present.some((file) => versionOf(file) === undefined)) return current;

  const dirty = new Set<string>();
  for (const state of states) {
    const record = previousInputs.get(state.page.file);
    if (state.hash === undefined || record?.hash !== state.hash || record.apiVersion !== state.page.apiVersion) dirty.add(state.page.apiVersion);
  }
  const files = new Set(states.map((state) => state.page.file));
  for (const record of previousInputs.values()) if (!files.has(record.file)) dirty.add(record.apiVersion);
  for (const record of previous.outputs) if (!outputs.intact.has(record.path)) dirty.add(versionOf(record.path)!);
  for (const file of outputs.present) if (!recorded.has(file)) dirty.add(versionOf(file)!);
  for (const version of current) if (!(version in previous.versions)) dirty.add(version);
  // A version gone from the input has no pages: building it writes nothing, so its files go.
  return new Set([...dirty].filter((version) => current.has(version) || version in previous.versions));
}
