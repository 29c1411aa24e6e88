/**
 * The models emitter: per API version, `models/<namespace>.ts` files (large
 * namespaces split into `models/<namespace>/<prefix>.ts`) holding interfaces,
 * unions, enums and unknown placeholders, plus a `models/index.ts` barrel.
 */
import type { StatementStructures } from 'ts-morph';
import type { ModelType } from '../model/ir.js';
import { generatedHeader, renderAll, sourcelessType, type EmitContext, type Emitter, type PlannedFile } from './emitter.js';
import { enumStatements, unresolvedStatements } from './model-enum.js';
import { declaredPropertyTexts, interfaceStatements, type InterfaceEnv } from './model-interface.js';
import { importSpecifier, type Chunk } from './model-layout.js';
import { modelPlan, type ModelPlan, type ModelPlanOptions } from './model-plan.js';
import { addImport, printedFile, typeImports } from './ts-print.js';
import { isStructured, ownProperties } from './type-map.js';

export const MODELS_FOLDER = 'models';

export function createModelsEmitter(options: ModelPlanOptions = {}): Emitter {
  const emitter: Emitter = {
    name: 'models',
    emit: (ctx) => renderAll(emitter.plan!(ctx)),
    plan(ctx: EmitContext): PlannedFile[] {
      const plan = modelPlan(ctx, options);
      const declared = memoDeclaredProperties(plan, ctx.typeIndex);
      const header = generatedHeader(ctx);
      const files: PlannedFile[] = plan.layout.chunks.map((chunk) =>
        printedFile(
          `${ctx.apiVersion}/${MODELS_FOLDER}/${chunk.id}.ts`,
          () => [...chunk.types.map(sourcelessType), ...inheritedInputs(chunk, plan)],
          () => ({ header, statements: chunkStatements(chunk, plan, ctx, declared) }),
        ),
      );
      files.push({ path: `${ctx.apiVersion}/${MODELS_FOLDER}/index.ts`, inputs: () => [], render: () => barrel(header, plan.layout.chunks) });
      return files;
    },
  };
  return emitter;
}

/** What a chunk's interfaces read from their ancestors: inherited property types (to skip redeclarations), key and open flags. */
function inheritedInputs(chunk: Chunk, plan: ModelPlan): unknown[] {
  return ancestorsOf(chunk, plan).map(inheritedView);
}

const inherited = new WeakMap<ModelType, unknown[]>();

/** What descendants read of a type, one view per type (model objects never change: a digest kept across watch runs holds). */
function inheritedView(type: ModelType): unknown[] {
  let view = inherited.get(type);
  if (!view) {
    view = [type.fullName, type.keyProperty ?? null, type.openType ?? null, ownProperties(type).map((property) => [property.name, property.type.name, property.type.isCollection, property.nullable ?? null])];
    inherited.set(type, view);
  }
  return view;
}

/** The ancestors of a chunk's types, each once, in first-met order. */
function ancestorsOf(chunk: Chunk, plan: ModelPlan): ModelType[] {
  const ancestors = new Map<string, ModelType>();
  for (const type of chunk.types) for (const ancestor of plan.hierarchy.ancestorsOf(type)) ancestors.set(ancestor.fullName, ancestor);
  return [...ancestors.values()];
}

export const modelsEmitter: Emitter = createModelsEmitter();

function chunkStatements(chunk: Chunk, plan: ModelPlan, ctx: EmitContext, declaredProperties: InterfaceEnv['declaredProperties']): StatementStructures[] {
  const imports = new Map<string, Set<string>>();
  const use = (fullName: string, identifier: string | undefined) => {
    const home = plan.layout.chunkOf(fullName);
    if (identifier !== undefined && home && home.id !== chunk.id) addImport(imports, importSpecifier(chunk.id, home.id), identifier);
    return identifier;
  };
  const env: InterfaceEnv = {
    plan,
    typeIndex: ctx.typeIndex,
    openTypes: ctx.openTypes ?? 'closed',
    reference: (fullName) => use(fullName, plan.names.reference(fullName)),
    plain: (fullName) => use(fullName, plan.names.type(fullName)),
    declaredProperties,
  };
  const body: StatementStructures[] = [];
  for (const type of chunk.types) {
    if (type.kind === 'enum') body.push(...enumStatements(type, plan.names));
    else if (type.kind === 'unresolved') body.push(...unresolvedStatements(type, plan.names));
    else body.push(...interfaceStatements(type, env));
  }
  return [...typeImports(imports), ...body];
}

function memoDeclaredProperties(plan: ModelPlan, typeIndex: ReadonlyMap<string, ModelType>): InterfaceEnv['declaredProperties'] {
  const memo = new Map<string, ReadonlyMap<string, string>>();
  const declared = (type: ModelType): ReadonlyMap<string, string> => {
    let texts = memo.get(type.fullName);
    if (!texts) {
      const base = isStructured(type) ? plan.hierarchy.baseOf(type) : undefined;
      texts = declaredPropertyTexts(type, plan, typeIndex, base ? declared(base) : new Map(), (fullName) => plan.names.reference(fullName));
      memo.set(type.fullName, texts);
    }
    return texts;
  };
  return declared;
}

function barrel(header: string, chunks: readonly Chunk[]): string {
  const lines = chunks.map((chunk) => `export * from ${JSON.stringify(`./${chunk.id}.js`)};`);
  return `${header}${lines.length ? lines.join('\n') : 'export {};'}\n`;
}
