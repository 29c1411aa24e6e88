/**
 * The validators emitter: per API version, under `validators/`,
 * - `runtime.ts`: the one validator runtime (no dependencies);
 * - `schema/<chunk>.ts`: the schema table, plain data, same layout as `models/`;
 * - `schema/index.ts`: the table indexed (`schema.check`, `schema.conforms`);
 * - `<chunk>.ts`: per type `validateX: Validator` and `isX: Guard<X>`;
 * - `index.ts`: barrel.
 */
import type { ImportDeclarationStructure, StatementStructures, VariableStatementStructure } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph-values.js';
import type { ModelType } from '../model/ir.js';
import { generatedHeader, renderAll, sourcelessType, type EmitContext, type Emitter, type PlannedFile } from './emitter.js';
import { importSpecifier, type Chunk } from './model-layout.js';
import { modelPlan, type ModelPlan, type ModelPlanOptions } from './model-plan.js';
import { MODELS_FOLDER } from './models-emitter.js';
import { jsDoc, printedFile } from './ts-print.js';
import { validatorRuntimeSource } from './validator-runtime-source.js';
import { schemaEntry } from './validator-schema.js';

export const VALIDATORS_FOLDER = 'validators';

export function createValidatorsEmitter(options: ModelPlanOptions = {}): Emitter {
  const emitter: Emitter = {
    name: 'validators',
    emit: (ctx) => renderAll(emitter.plan!(ctx)),
    plan(ctx: EmitContext): PlannedFile[] {
      const plan = modelPlan(ctx, options);
      const header = generatedHeader(ctx);
      const root = `${ctx.apiVersion}/${VALIDATORS_FOLDER}`;
      const files: PlannedFile[] = [{ path: `${root}/runtime.ts`, inputs: () => [], render: () => `${header}${validatorRuntimeSource()}` }];
      for (const chunk of plan.layout.chunks) {
        files.push({
          path: `${root}/schema/${chunk.id}.ts`,
          inputs: () => chunk.types.map(sourcelessType),
          render: () => schemaChunk(chunk, plan, header),
          formatted: PLAIN_SPECIFIER.test(schemaRuntime(chunk)),
        });
      }
      files.push(printedFile(`${root}/schema/index.ts`, () => [], () => ({ header, statements: schemaIndex(plan.layout.chunks) })));
      for (const chunk of plan.layout.chunks) {
        // Wrappers read names and kinds only, which the shape covers.
        if (chunk.types.some((type) => hasWrappers(type, plan))) files.push(printedFile(`${root}/${chunk.id}.ts`, () => [], () => ({ header, statements: wrappers(chunk, plan) })));
      }
      files.push({ path: `${root}/index.ts`, inputs: () => [], render: () => barrel(header, plan) });
      return files;
    },
  };
  return emitter;
}

export const validatorsEmitter: Emitter = createValidatorsEmitter();

/** An import specifier prettier leaves as it is once single-quoted. */
const PLAIN_SPECIFIER = /^[\w./@-]+$/;

function schemaRuntime(chunk: Chunk): string {
  return importSpecifier(`schema/${chunk.id}`, 'runtime');
}

/**
 * A schema chunk: plain data laid out one property per line by the emitter, under
 * `prettier-ignore`, after the header and an import written as prettier writes it.
 * So prettier gives the text back as it is (`test/emit/schema-formatted.test.ts`,
 * and on the corpus), and the file is marked `formatted`: a run does not spend
 * prettier's parse of the whole table on it.
 */
function schemaChunk(chunk: Chunk, plan: ModelPlan, header: string): string {
  const entries = chunk.types.map((type) => `  ${schemaEntry(type, plan.hierarchy)},\n`).join('');
  const runtime = schemaRuntime(chunk);
  return [
    header,
    `import type { TypeSchema } from ${PLAIN_SPECIFIER.test(runtime) ? `'${runtime}'` : JSON.stringify(runtime)};\n\n`,
    '// prettier-ignore\n',
    `export const types: readonly TypeSchema[] = [\n${entries}];\n`,
  ].join('');
}

function schemaIndex(chunks: readonly Chunk[]): StatementStructures[] {
  const alias = (i: number) => `types${i}`;
  return [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime.js', namedImports: ['SchemaIndex'] },
    ...chunks.map((chunk, i): ImportDeclarationStructure => ({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: importSpecifier(`schema/index`, `schema/${chunk.id}`),
      namedImports: [{ name: 'types', alias: alias(i) }],
    })),
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'schema', type: 'SchemaIndex', initializer: `new SchemaIndex([${chunks.map((_, i) => `...${alias(i)}`).join(', ')}])` }],
      docs: jsDoc('Every type of this API version, indexed for validation.'),
    },
  ];
}

function wrappers(chunk: Chunk, plan: ModelPlan): StatementStructures[] {
  const statements = chunk.types.flatMap((type) => typeWrappers(type, plan));
  if (statements.length === 0) return [];
  const from = `${VALIDATORS_FOLDER}/${chunk.id}`;
  return [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: importSpecifier(from, `${MODELS_FOLDER}/index`), namespaceImport: '$models' },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: importSpecifier(from, `${VALIDATORS_FOLDER}/runtime`), namedImports: ['Guard', 'Validator'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: importSpecifier(from, `${VALIDATORS_FOLDER}/schema/index`), namedImports: ['schema'] },
    ...statements,
  ];
}

function hasWrappers(type: ModelType, plan: ModelPlan): boolean {
  const { names } = plan;
  return names.validator(type.fullName) !== undefined && names.guard(type.fullName) !== undefined && names.reference(type.fullName) !== undefined;
}

/**
 * `validateX: Validator` (every problem, `unknown-property` included) and
 * `isX: Guard<X>` (unknown properties allowed), typed explicitly so the output
 * also compiles under `isolatedDeclarations`. A type with derived types guards
 * its union, so `@odata.type` narrows further.
 */
function typeWrappers(type: ModelType, plan: ModelPlan): VariableStatementStructure[] {
  const validator = plan.names.validator(type.fullName);
  const guard = plan.names.guard(type.fullName);
  const target = plan.names.reference(type.fullName);
  if (validator === undefined || guard === undefined || target === undefined) return [];
  const name = JSON.stringify(type.fullName);
  const what = type.kind === 'enum' ? `a member of enum \`${type.fullName}\`` : `a \`${type.fullName}\` or a type derived from it (by \`@odata.type\`)`;
  const lenient = type.kind === 'enum' ? '' : '; properties the docs do not define are allowed';
  const constant = (identifier: string, typeText: string, initializer: string, docs: string): VariableStatementStructure => ({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: identifier, type: typeText, initializer }],
    docs: jsDoc(docs),
  });
  return [
    constant(validator, 'Validator', `schema.validator(${name})`, `Every problem of a value as ${what}, each with a JSON path.`),
    constant(guard, `Guard<$models.${target}>`, `schema.guard(${name})`, `Whether a value is ${what}${lenient}.`),
  ];
}

function barrel(header: string, plan: ModelPlan): string {
  const lines = ["export * from './runtime.js';", "export { schema } from './schema/index.js';"];
  for (const chunk of plan.layout.chunks) {
    if (chunk.types.some((type) => plan.names.validator(type.fullName) !== undefined)) lines.push(`export * from ${JSON.stringify(`./${chunk.id}.js`)};`);
  }
  return `${header}${lines.join('\n')}\n`;
}
