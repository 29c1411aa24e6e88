/**
 * Runs every example request and response body of the docs through the
 * generated validators and prints what conforms.
 *
 *   npx tsx scripts/validate-examples.ts --model /tmp/all.json --generated /tmp/gen [--samples 10] [--out FILE]
 *
 * Per API version, imports `<generated>/<version>/validators/index.ts` (through tsx) and calls
 * `schema.check(value, typeName, path)`; which type a body must have is the rule of
 * `example-validation/expected-type.ts`. `--out` writes every invalid body with its problems as JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Model, ModelHttpMessage, ModelType } from '../generator/model/ir.js';
import { expectedType, hasBody, type Problem, type Role, type TypeLookup } from './example-validation/expected-type.js';
import { emptyTally, formatTally, record } from './example-validation/tally.js';

interface GeneratedSchema {
  check(value: unknown, typeName: string, path?: string): Problem[];
}

interface InvalidBody {
  at: string;
  role: Role;
  operation: string;
  target: string;
  truncated: boolean;
  problems: Problem[];
}

async function loadSchema(generated: string, version: string): Promise<GeneratedSchema> {
  const url = pathToFileURL(path.resolve(generated, version, 'validators', 'index.ts')).href;
  const module = (await import(url)) as { schema?: GeneratedSchema };
  if (module.schema === undefined) throw new Error(`${url} exports no schema`);
  return module.schema;
}

/** Kinds and declared property names (base types followed, cycles cut) of one version's model types. */
function typeLookup(types: readonly ModelType[]): TypeLookup {
  const byName = new Map(types.map((t) => [t.fullName, t]));
  return {
    kindOf: (fullName) => byName.get(fullName)?.kind,
    declares(fullName, property) {
      const seen = new Set<string>();
      for (let t = byName.get(fullName); t !== undefined && !seen.has(t.fullName); t = t.baseType === null ? undefined : byName.get(t.baseType)) {
        seen.add(t.fullName);
        if (t.properties.some((p) => p.name === property) || t.navigationProperties.some((p) => p.name === property)) return true;
      }
      return false;
    },
  };
}

function at(message: ModelHttpMessage): string {
  const source = message.bodySource ?? message.source;
  return `${source.file}:${source.line}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { model: { type: 'string' }, generated: { type: 'string' }, samples: { type: 'string', default: '10' }, out: { type: 'string' } },
  });
  if (!values.model || !values.generated) {
    console.error('usage: validate-examples --model MODEL.json --generated OUT_DIR [--samples 10] [--out FILE]');
    return 2;
  }
  const model = JSON.parse(readFileSync(values.model, 'utf8')) as Model;
  const tally = emptyTally();
  const invalid: InvalidBody[] = [];
  let withoutBody = 0;
  for (const version of model.apiVersions) {
    const schema = await loadSchema(values.generated, version);
    const types = typeLookup(model.types.filter((t) => t.apiVersion === version));
    for (const operation of model.operations) {
      if (operation.apiVersion !== version) continue;
      for (const example of operation.examples) {
        for (const role of ['request', 'response'] as const) {
          const message = example[role];
          if (!hasBody(message)) {
            if (message !== null) withoutBody++;
            continue;
          }
          const expectation = expectedType(role, operation, message, types);
          const problems = expectation.outcome === 'check' ? [...expectation.problems, ...expectation.checks.flatMap((c) => schema.check(c.value, c.type, c.path))] : [];
          const where = at(message);
          record(tally, { version, role, at: where, file: where.replace(/:\d+$/, ''), truncated: message.truncated }, expectation, problems);
          if (problems.length > 0 && expectation.outcome === 'check') {
            invalid.push({ at: where, role, operation: operation.id, target: expectation.target, truncated: message.truncated, problems });
          }
        }
      }
    }
  }
  console.log(`validate-examples: model ${values.model}, validators ${values.generated}/<version>/validators (${model.apiVersions.join(', ')})`);
  console.log(`messages without a body (not counted): ${withoutBody}`);
  console.log(formatTally(tally, Number(values.samples)));
  if (values.out) writeFileSync(values.out, `${JSON.stringify(invalid, null, 1)}\n`);
  return 0;
}

process.exitCode = await main();
