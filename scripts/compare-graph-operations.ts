/**
 * Measures the docs model's v1.0 actions and functions against the service's
 * own definitions, as the Kiota-generated Microsoft Graph SDK packages
 * (`@microsoft/msgraph-sdk-users`, ...; generated from the CSDL) carry them:
 * parameter names, parameter types, return types.
 *
 *   npx tsx scripts/compare-graph-operations.ts --model /tmp/m.json [--out FILE] [--top 10] [--samples 4]
 *
 * Prints one screen of figures and the top mismatch categories; `--out` writes every finding as JSON.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Model } from '../generator/model/ir.js';
import { compareOperations } from './graph-operations/compare.js';
import { matchOperations, pathKey } from './graph-operations/match.js';
import { formatReport } from './graph-operations/report.js';
import { readSdkOperations, templatePath, type BuilderFile } from './graph-operations/sdk-operations.js';

const PACKAGES = ['users', 'sites', 'teams', 'chats', 'directory', 'directoryobjects', 'subscriptions'].map((name) => `@microsoft/msgraph-sdk-${name}`);
const VERSION = 'v1.0';

function main(): number {
  const { values } = parseArgs({
    options: { model: { type: 'string' }, out: { type: 'string' }, top: { type: 'string', default: '10' }, samples: { type: 'string', default: '4' } },
  });
  if (!values.model) {
    console.error('usage: compare-graph-operations --model MODEL.json [--out FILE] [--top N] [--samples N]');
    return 2;
  }
  const require = createRequire(import.meta.url);
  const found: { name: string; version: string; folder: string }[] = [];
  const missing: string[] = [];
  for (const name of PACKAGES) {
    try {
      const packageJson = require.resolve(`${name}/package.json`);
      found.push({ name, version: (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version, folder: path.dirname(packageJson) });
    } catch {
      missing.push(name);
    }
  }
  if (missing.length > 0) {
    console.error(`compare-graph-operations: missing SDK package(s) ${missing.join(', ')}; run \`npm ci\` (they are devDependencies)`);
    if (found.length === 0) return 1;
  }
  const files: BuilderFile[] = found.flatMap(({ name, folder }) =>
    (readdirSync(folder, { recursive: true }) as string[])
      .filter((file) => file.endsWith('index.d.ts') && !file.startsWith('node_modules'))
      .sort()
      .map((file) => ({ file: `${name}/${file.split(path.sep).join('/')}`, text: readFileSync(path.join(folder, file), 'utf8') })),
  );
  const sdk = readSdkOperations(files);
  const model = JSON.parse(readFileSync(values.model, 'utf8')) as Model;
  const docs = model.operations.filter((o) => o.apiVersion === VERSION);
  const sdkPaths = new Set(files.flatMap(({ text }) => {
    const template = /UriTemplate = "([^"]*)"/.exec(text)?.[1];
    return template ? [pathKey(templatePath(template))] : [];
  }));
  const matching = matchOperations(docs, sdk, sdkPaths);
  const comparison = compareOperations(matching.matches);
  const title = `compare-graph-operations ${VERSION}: docs model ${values.model} vs ${found.map((p) => `${p.name.replace('@microsoft/msgraph-sdk-', '')}@${p.version}`).join(', ')}`;
  const docsOperations = docs.filter((o) => o.kind === 'action' || o.kind === 'function').length;
  console.log(formatReport(matching, comparison, { title, sdkOperations: sdk.length, docsOperations, categories: Number(values.top), samples: Number(values.samples) }));
  if (values.out) {
    const onlySdk = matching.onlySdk.map((o) => ({ method: o.method, path: o.path, file: o.file }));
    const onlyDocs = matching.onlyDocs.map((o) => ({ id: o.id, method: o.method, paths: o.paths, file: o.source.file }));
    writeFileSync(values.out, `${JSON.stringify({ figures: comparison.figures, findings: comparison.findings, onlySdk, onlyDocs }, null, 2)}\n`);
  }
  return 0;
}

process.exitCode = main();
