/**
 * The model the last `docs2ts generate` of an input into an output folder left
 * in the cache: its run manifest and, per API version, its model snapshot
 * (`cache/model-snapshot.ts`), read whole. What `docs2ts diff --base last-run`
 * compares the docs with.
 */
import path from 'node:path';
import { codeIds } from '../cache/code-id.js';
import { hashOf } from '../cache/hash.js';
import { inputsDigest, ModelSnapshot } from '../cache/model-snapshot.js';
import { manifestKey, manifestPath, parseManifest, readManifestText } from '../cache/run-manifest.js';
import { compareStrings } from '../model/diagnostic.js';
import { SCHEMA_VERSION, type Model, type ModelOperation, type ModelType } from '../model/ir.js';
import { GENERATOR_VERSION } from '../model/version.js';

export interface LastRun {
  model: Model;
  /** A digest of the pages the model was linked from (for the diff results cache). */
  digest: string;
}

/** The last run's model, or undefined when none is recorded for this generator (or a snapshot is missing or does not check out). */
export async function lastRunModel(cacheDir: string, input: string, out: string): Promise<LastRun | undefined> {
  const ids = await codeIds(path.join(cacheDir, 'code-ids.json'));
  const key = manifestKey(ids.emit, input);
  const manifestFile = manifestPath(cacheDir, input, out);
  const manifest = parseManifest(await readManifestText(manifestFile), key);
  if (!manifest) return undefined;
  const types: ModelType[] = [];
  const operations: ModelOperation[] = [];
  const versions = Object.keys(manifest.versions).sort(compareStrings);
  try {
    for (const version of versions) {
      const snapshot = ModelSnapshot.open(manifestFile, key, version, manifest.inputs.filter((record) => record.apiVersion === version));
      if (!snapshot) return undefined;
      const { model } = snapshot.lazyModel();
      types.push(...model.types.map((type) => snapshot.type(type.fullName)!));
      operations.push(...model.operations.map((operation) => snapshot.operation(operation.id)!));
    }
  } catch {
    // A pack entry that does not check out: no usable last run.
    return undefined;
  }
  const model: Model = {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'docs2ts', version: GENERATOR_VERSION },
    apiVersions: versions,
    pages: { total: manifest.inputs.length, byKind: { api: 0, resource: 0, enum: 0, conceptual: 0 }, empty: 0 },
    types,
    operations,
    diagnostics: [],
  };
  return { model, digest: hashOf('last run', inputsDigest(manifest.inputs)) };
}
