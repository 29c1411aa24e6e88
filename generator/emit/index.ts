/**
 * The emit stage: every emitter plugin over every API version of the model,
 * then prettier. Files come back sorted by path, so output is deterministic.
 * `planOutput` is the same stage for incremental runs: every file planned with a
 * fingerprint of what its text depends on, rendered only when asked.
 */
import { Digester, hashOf } from '../model/hash.js';
import { compareStrings } from '../model/diagnostic.js';
import type { Model, ModelOperation, ModelType } from '../model/ir.js';
import type { EmitContext, EmittedFile, Emitter, OpenTypes, PlannedFile } from './emitter.js';
import { NameTable } from './naming.js';

export interface EmitOptions {
  /** What the header says the output was made from (a relative path, never absolute). */
  inputLabel: string;
  emitters: readonly Emitter[];
  /**
   * The whole model a slice (`model/slice.ts`) was cut from: identifiers and file
   * layout are assigned over it, so a slice prints each type and operation as the
   * whole output does.
   */
  whole?: Model;
  /** Open types: no index signature (default), or `[property: string]: unknown` so any property is accepted. */
  openTypes?: OpenTypes;
  /**
   * The digester of the files' inputs, kept between the runs of a watch session: the views of model objects an
   * edit left as they were are not serialised again (the kept model's objects are never changed in place).
   */
  digester?: Digester;
}

export function emitContexts(model: Model, inputLabel: string, options: Pick<EmitOptions, 'whole' | 'openTypes'> = {}): (EmitContext & { shape: string })[] {
  return model.apiVersions.map((apiVersion) => {
    const types = model.types.filter((type) => type.apiVersion === apiVersion);
    const operations = model.operations.filter((operation) => operation.apiVersion === apiVersion);
    const whole = options.whole && {
      types: options.whole.types.filter((type) => type.apiVersion === apiVersion),
      operations: options.whole.operations.filter((operation) => operation.apiVersion === apiVersion),
    };
    const shape = versionShape(apiVersion, inputLabel, types, operations);
    return {
      model,
      apiVersion,
      types,
      operations,
      typeIndex: new Map(types.map((type) => [type.fullName, type])),
      names: whole ? new NameTable(whole.types, whole.operations) : new NameTable(types, operations),
      inputLabel,
      shape,
      ...(whole ? { whole } : {}),
      openTypes: options.openTypes ?? 'closed',
    };
  });
}

/** Runs the emitters, unformatted. */
export function emitModel(model: Model, options: EmitOptions): EmittedFile[] {
  return planOutput(model, options).map((file) => ({ path: file.path, content: file.render() }));
}

/** Runs the emitters and formats every file. */
export async function emitFormatted(model: Model, options: EmitOptions): Promise<EmittedFile[]> {
  // Prettier loads only here: runs that format elsewhere (a worker thread) never load it in this one.
  const { formatFile } = await import('./format.js');
  return Promise.all(emitModel(model, options).map(formatFile));
}

export interface FilePlan extends PlannedFile {
  emitter: string;
  /** Changes whenever the file's text may change (given the same generator code). */
  fingerprint: string;
}

/** Every output file, sorted by path, fingerprinted, not yet rendered. */
export function planOutput(model: Model, options: EmitOptions): FilePlan[] {
  const files = new Map<string, FilePlan>();
  const digest = options.digester ?? new Digester();
  for (const ctx of emitContexts(model, options.inputLabel, options)) {
    const { shape } = ctx;
    for (const emitter of options.emitters) {
      for (const file of emitter.plan ? emitter.plan(ctx) : renderedPlan(emitter, ctx)) {
        if (files.has(file.path)) throw new Error(`emitter ${emitter.name} wrote ${file.path} twice`);
        files.set(file.path, { ...file, emitter: emitter.name, fingerprint: hashOf(emitter.name, file.path, shape, digest.list(file.inputs())) });
      }
    }
  }
  return [...files.values()].sort((a, b) => compareStrings(a.path, b.path));
}

/** An emitter without a plan: rendered now, fingerprinted by its text. */
function renderedPlan(emitter: Emitter, ctx: EmitContext): PlannedFile[] {
  return emitter.emit(ctx).map((file) => ({ path: file.path, inputs: () => [file.content], render: () => file.content }));
}

/**
 * What every file of an API version depends on: the header, and the names,
 * kinds, namespaces, base types (so identifiers, layout, hierarchy and client
 * groups) of its types and operations.
 */
function versionShape(apiVersion: string, inputLabel: string, types: readonly ModelType[], operations: readonly ModelOperation[]): string {
  const typeShapes = types.map((type) => [type.fullName, type.name, type.namespace, type.kind, type.baseType]);
  const operationShapes = operations.map((operation) => [operation.id, operation.title, operation.resource, operation.method, operation.paths]);
  return hashOf(apiVersion, inputLabel, JSON.stringify(typeShapes), JSON.stringify(operationShapes));
}
