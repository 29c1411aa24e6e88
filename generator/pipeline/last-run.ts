/**
 * The model the last `docs2ts generate` of an input into an output folder left
 * in the cache: its run manifest names every page with its content hash, and the
 * facts cache holds those pages' facts; linked again, they are the last run's
 * model. What `docs2ts diff --base last-run` compares the docs with.
 */
import path from 'node:path';
import { codeIds } from './incremental/code-id.js';
import { factsKey, FactsStore } from './incremental/facts-store.js';
import { hashOf } from '../model/hash.js';
import { inputsDigest, manifestKey, manifestPath, parseManifest, readManifestText } from './incremental/run-manifest.js';
import { linkModel } from '../model/link.js';
import type { Model } from '../model/ir.js';

export interface LastRun {
  model: Model;
  /** A digest of the pages the model was linked from (for the diff results cache). */
  digest: string;
}

/** The last run's model, or undefined when none is recorded for this generator (or a page's facts are no longer cached). */
export async function lastRunModel(cacheDir: string, input: string, out: string): Promise<LastRun | undefined> {
  const ids = await codeIds();
  const manifest = parseManifest(await readManifestText(manifestPath(cacheDir, input, out)), manifestKey(ids.emit, input));
  if (!manifest) return undefined;
  const store = await FactsStore.open(path.join(cacheDir, 'facts')).catch(() => undefined);
  if (!store) return undefined;
  const requests = manifest.inputs.map((record) => ({ key: factsKey(ids.facts, record.file, record.apiVersion, record.hash), file: record.file, apiVersion: record.apiVersion }));
  const facts = requests.every((request) => store.has(request.key)) ? store.loadMany(requests, { detail: false }) : [];
  const pages = facts.filter((page) => page !== undefined);
  // A page whose facts are gone or do not check out: no usable last run.
  if (pages.length !== requests.length) return undefined;
  const model = linkModel({ pages });
  return { model, digest: hashOf('last run', inputsDigest(manifest.inputs)) };
}
