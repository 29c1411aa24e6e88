/**
 * What the models and validators emitters share for one API version: the
 * inheritance they agree on, the identifiers beside each type name, and the
 * file layout. Computed once per emit context.
 */
import type { EmitContext } from './emitter.js';
import { DEFAULT_CHUNK_SIZE, ModelLayout } from './model-layout.js';
import { ModelNames } from './model-names.js';
import { TypeHierarchy } from './type-hierarchy.js';

export interface ModelPlan {
  hierarchy: TypeHierarchy;
  names: ModelNames;
  layout: ModelLayout;
}

export interface ModelPlanOptions {
  /** Most types in one file before a namespace is split into a folder. */
  chunkSize?: number;
}

const plans = new WeakMap<EmitContext, Map<number, ModelPlan>>();

export function modelPlan(ctx: EmitContext, options: ModelPlanOptions = {}): ModelPlan {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  let bySize = plans.get(ctx);
  if (!bySize) plans.set(ctx, (bySize = new Map()));
  let plan = bySize.get(chunkSize);
  if (!plan) {
    const hierarchy = new TypeHierarchy(ctx.typeIndex);
    // A slice: names and layout over the whole version, so each type is printed, and placed, as in the whole output.
    const from = ctx.whole ?? ctx;
    const names = ctx.whole
      ? new ModelNames({ ...ctx.whole, names: ctx.names }, new TypeHierarchy(new Map(ctx.whole.types.map((type) => [type.fullName, type]))))
      : new ModelNames(ctx, hierarchy);
    const layout = new ModelLayout(
      from.types.filter((type) => ctx.names.typeName(type.fullName) !== undefined),
      chunkSize,
      ctx.whole ? new Set(ctx.types.map((type) => type.fullName)) : undefined,
    );
    plan = { hierarchy, names, layout };
    bySize.set(chunkSize, plan);
  }
  return plan;
}
