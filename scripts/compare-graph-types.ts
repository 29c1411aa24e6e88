/**
 * Measures the docs model against the service's own type definitions, as the
 * CSDL-generated `@microsoft/microsoft-graph-types(-beta)` packages carry them.
 *
 *   npx tsx scripts/compare-graph-types.ts --model /tmp/all.json --version v1.0 [--out FILE] [--top 8] [--samples 5]
 *
 * Prints one screen of figures and the top mismatch categories; `--out` writes every finding as JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Model } from '../generator/model/ir.js';
import { compareModel } from './graph-types/compare.js';
import { readPackageFile } from './graph-types/package-types.js';
import { formatReport } from './graph-types/report.js';

const PACKAGES: Record<string, string> = {
  'v1.0': '@microsoft/microsoft-graph-types',
  beta: '@microsoft/microsoft-graph-types-beta',
};

function main(): number {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      version: { type: 'string', default: 'v1.0' },
      out: { type: 'string' },
      top: { type: 'string', default: '8' },
      samples: { type: 'string', default: '5' },
    },
  });
  const packageName = PACKAGES[values.version];
  if (!values.model || !packageName) {
    console.error(`usage: compare-graph-types --model MODEL.json --version ${Object.keys(PACKAGES).join('|')} [--out FILE] [--top N] [--samples N]`);
    return 2;
  }
  const model = JSON.parse(readFileSync(values.model, 'utf8')) as Model;
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve(`${packageName}/package.json`);
  const { version, types: typesFile } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string; types: string };
  const comparison = compareModel(model.types, readPackageFile(path.join(path.dirname(packageJson), typesFile)), values.version);
  const title = `compare-graph-types ${values.version}: docs model ${values.model} vs ${packageName}@${version}`;
  console.log(formatReport(comparison, { title, categories: Number(values.top), samples: Number(values.samples) }));
  if (values.out) writeFileSync(values.out, `${JSON.stringify({ figures: comparison.figures, mismatches: comparison.mismatches }, null, 2)}\n`);
  return 0;
}

process.exitCode = main();
