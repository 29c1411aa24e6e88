/**
 * The emit stage: every emitter plugin over every API version of the model,
 * then prettier. Files come back sorted by path, so output is deterministic.
 */
import { compareStrings } from '../model/diagnostic.js';
import type { Model } from '../model/ir.js';
import type { EmitContext, EmittedFile, Emitter } from './emitter.js';
import { formatFile } from './format.js';
import { NameTable } from './naming.js';

export interface EmitOptions {
  /** What the header says the output was made from (a relative path, never absolute). */
  inputLabel: string;
  emitters: readonly Emitter[];
}

export function emitContexts(model: Model, inputLabel: string): EmitContext[] {
  return model.apiVersions.map((apiVersion) => {
    const types = model.types.filter((type) => type.apiVersion === apiVersion);
    const operations = model.operations.filter((operation) => operation.apiVersion === apiVersion);
    return {
      model,
      apiVersion,
      types,
      operations,
      typeIndex: new Map(types.map((type) => [type.fullName, type])),
      names: new NameTable(types, operations),
      inputLabel,
    };
  });
}

/** Runs the emitters, unformatted. */
export function emitModel(model: Model, options: EmitOptions): EmittedFile[] {
  const files = new Map<string, EmittedFile>();
  for (const ctx of emitContexts(model, options.inputLabel)) {
    for (const emitter of options.emitters) {
      for (const file of emitter.emit(ctx)) {
        if (files.has(file.path)) throw new Error(`emitter ${emitter.name} wrote ${file.path} twice`);
        files.set(file.path, file);
      }
    }
  }
  return [...files.values()].sort((a, b) => compareStrings(a.path, b.path));
}

/** Runs the emitters and formats every file. */
export async function emitFormatted(model: Model, options: EmitOptions): Promise<EmittedFile[]> {
  return Promise.all(emitModel(model, options).map(formatFile));
}
