/**
 * What a run is asked to emit, beyond the input and output folders: the slice
 * of the API (`model/slice.ts`), which emitters run, and how open types are
 * typed. The config (`cli/config.ts`), the command line and the programmatic
 * API (`generator/index.ts`) all hand these to the pipeline.
 */
import { hashOf } from '../model/hash.js';
import type { Emitter, OpenTypes } from '../emit/emitter.js';
import type { Model } from '../model/ir.js';
import { isWholeSelection, sliceModel, type Selection } from '../model/slice.js';

export const EMIT_KINDS = ['models', 'validators', 'client'] as const;
export type EmitKind = (typeof EMIT_KINDS)[number];
export const OPEN_TYPE_POLICIES: readonly OpenTypes[] = ['closed', 'index-signature'];

export interface OutputOptions {
  selection?: Selection;
  /** Emitters to run (`models` always among them: the others import it); absent: all. */
  emit?: readonly EmitKind[];
  openTypes?: OpenTypes;
}

/** Whether the options cut the model (then versions are never relinked from a few pages: `pipeline/generate.ts`). */
export function slices(options: OutputOptions | undefined): options is OutputOptions & { selection: Selection } {
  return options?.selection !== undefined && !isWholeSelection(options.selection);
}

/**
 * The options as part of the run's manifest key: the emit code id alone for the
 * defaults (so a plain run keeps its last run), else hashed with them, so a
 * changed slice or policy is never taken for the output the last run left.
 */
export function keyedCodeId(emitCodeId: string, options: OutputOptions | undefined): string {
  const emit = options?.emit && options.emit.length < EMIT_KINDS.length ? [...options.emit].sort() : [];
  const selection = slices(options) ? { include: options.selection.include.map((p) => p.text), exclude: options.selection.exclude.map((p) => p.text), versions: options.selection.versions ?? [] } : null;
  const openTypes = options?.openTypes ?? 'closed';
  if (emit.length === 0 && selection === null && openTypes === 'closed') return emitCodeId;
  return hashOf(emitCodeId, JSON.stringify({ emit, selection, openTypes }));
}

/** The emit options these settings give: the chosen emitters, in their order, and the open-type policy. */
export function emitSettings(emitters: readonly Emitter[], options: OutputOptions | undefined): { emitters: readonly Emitter[]; openTypes: OpenTypes } {
  const wanted = options?.emit;
  return {
    emitters: wanted ? emitters.filter((emitter) => (wanted as readonly string[]).includes(emitter.name)) : emitters,
    openTypes: options?.openTypes ?? 'closed',
  };
}

/** The model to emit: the slice, with the whole model it was cut from (identifiers are assigned over it), or the model itself. */
export function modelToEmit(model: Model, options: OutputOptions | undefined): { model: Model; whole?: Model } {
  return slices(options) ? { model: sliceModel(model, options.selection), whole: model } : { model };
}
