/**
 * Prints, per API version, how many operations of a `docs2ts model` file carry
 * each operation fact: permissions, a response type, parameters, typed parameters.
 *
 *   npm run operation-figures -- MODEL.json
 *   node bin/docs2ts.js model -i ../shared/graph-docs --no-cache -q -o /tmp/m.json && npm run operation-figures -- /tmp/m.json
 */
import { readFileSync } from 'node:fs';
import type { Model, ModelOperation } from '../generator/model/ir.js';

const FIGURES: [string, (operation: ModelOperation) => boolean][] = [
  ['operations', () => true],
  ['with permissions', (o) => o.permissions.length > 0],
  ['with a response type', (o) => o.response.type !== null],
  ['with parameters', (o) => o.parameters.length > 0],
  ['with typed parameters', (o) => o.parameters.length > 0 && o.parameters.every((p) => p.type !== null)],
  ['with a resource', (o) => o.resource !== null],
];

function main(): number {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: operation-figures MODEL.json');
    return 2;
  }
  const model = JSON.parse(readFileSync(file, 'utf8')) as Model;
  const rows = FIGURES.map(([label, test]) => [
    label,
    ...model.apiVersions.map((version) => String(model.operations.filter((o) => o.apiVersion === version && test(o)).length)),
  ]);
  const header = ['', ...model.apiVersions];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]?.length ?? 0)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  return 0;
}

process.exitCode = main();
