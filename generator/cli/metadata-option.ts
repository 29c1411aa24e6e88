/**
 * `check --metadata [version=]FILE`: the service's CSDL for an API version of
 * the input, read before the docs are (a file that does not parse stops the
 * run at once), matched to the input's versions after. A bare FILE needs an
 * input with one API version. Every problem is a one-line usage error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCsdl, type CsdlModel } from '../check/metadata/csdl.js';
import { UsageError } from '../parse/input.js';

export interface MetadataFile {
  /** The API version it is for, or null when the flag named none. */
  version: string | null;
  spec: string;
  model: CsdlModel;
}

export async function readMetadata(specs: readonly string[], cwd: string): Promise<MetadataFile[]> {
  const out: MetadataFile[] = [];
  for (const spec of specs) {
    const match = /^([^=/\\]+)=(.+)$/.exec(spec);
    const file = match ? match[2]! : spec;
    const text = await readFile(path.resolve(cwd, file), 'utf8');
    const parsed = parseCsdl(text);
    if (!parsed.ok) throw new UsageError(`--metadata ${file}:${parsed.line}:${parsed.column}: ${parsed.message}; pass the service's $metadata XML (CSDL)`);
    out.push({ version: match ? match[1]! : null, spec, model: parsed.model });
  }
  return out;
}

/** The metadata by API version of the input. */
export function metadataByVersion(files: readonly MetadataFile[], apiVersions: readonly string[]): Map<string, CsdlModel> {
  const byVersion = new Map<string, CsdlModel>();
  for (const file of files) {
    const version = file.version ?? (apiVersions.length === 1 ? apiVersions[0]! : undefined);
    if (version === undefined) throw new UsageError(`--metadata ${file.spec}: the input has API versions ${apiVersions.join(', ')}; write --metadata <version>=${file.spec}`);
    if (!apiVersions.includes(version)) throw new UsageError(`--metadata ${file.spec}: the input has no API version \`${version}\`; use one of ${apiVersions.join(', ')}`);
    if (byVersion.has(version)) throw new UsageError(`--metadata ${file.spec}: a second file for ${version}; pass one per API version`);
    byVersion.set(version, file.model);
  }
  return byVersion;
}
