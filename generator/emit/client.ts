/**
 * The client emitter: operations → typed client stubs. Per API version:
 * `runtime.ts` (transport, errors, encoding), `client/<group>.ts` (one file per
 * resource the operations act on, else per first path segment) and
 * `client/index.ts` re-exporting every group.
 */
import type { ImportDeclarationStructure } from 'ts-morph';
import { StructureKind } from './ts-morph-values.js';
import type { ModelOperation } from '../model/ir.js';
import { compareStrings } from '../model/diagnostic.js';
import { generatedHeader, renderAll, type EmitContext, type Emitter, type PlannedFile, type PrintJob } from './emitter.js';
import { groupOperations } from './client-groups.js';
import { operationStructures } from './client-operation.js';
import { printedFile } from './ts-print.js';
import { isPlannable, planOperation, type OperationPlan, type PlanScope } from './client-plan.js';
import { modelPlan } from './model-plan.js';
import { runtimeSource } from './client-runtime.js';

export const clientEmitter: Emitter = {
  name: 'client',
  emit: (ctx) => renderAll(clientEmitter.plan!(ctx)),
  plan(ctx) {
    const taken = new Set(ctx.operations.map((operation) => ctx.names.operationName(operation.id) ?? ''));
    const aliases = { runtime: freeName('runtime', taken), models: freeName('models', taken) };
    // The groups with an operation the client can emit: one file each.
    const groups = groupOperations(ctx.operations, ctx).filter(({ operations }) => operations.some((operation) => ctx.names.operationName(operation.id) && isPlannable(operation)));
    const files: PlannedFile[] = [{ path: `${ctx.apiVersion}/runtime.ts`, inputs: () => [], render: () => generatedHeader(ctx) + runtimeSource(ctx.apiVersion) }];
    const stems: string[] = [];
    for (const { stem, operations } of groups) {
      stems.push(stem);
      files.push(
        printedFile(
          `${ctx.apiVersion}/client/${stem}.ts`,
          // Type references read names and kinds only, which the shape covers; examples are not emitted.
          () => operations.map(clientView),
          () => groupFile(ctx, planGroup(ctx, operations, aliases), aliases),
        ),
      );
    }
    files.push({ path: `${ctx.apiVersion}/client/index.ts`, inputs: () => [], render: () => generatedHeader(ctx) + barrel(stems) });
    return files;
  },
};

const views = new WeakMap<ModelOperation, object>();

/** An operation as its client file depends on it: without its examples; one view per operation (model objects never change: a digest kept across watch runs holds). */
function clientView(operation: ModelOperation): object {
  let view = views.get(operation);
  if (!view) {
    const { examples: _examples, ...rest } = operation;
    view = rest;
    views.set(operation, view);
  }
  return view;
}

/** The plans of a group's operations (those that can be emitted). */
function planGroup(ctx: EmitContext, operations: readonly ModelOperation[], aliases: { runtime: string; models: string }): { plans: OperationPlan[]; scope: PlanScope } {
  const names = modelPlan(ctx).names;
  const scope: PlanScope = {
    typeIndex: ctx.typeIndex,
    reference: (fullName) => names.reference(fullName),
    modelsAlias: aliases.models,
    runtimeAlias: aliases.runtime,
    usesModels: false,
  };
  const plans = operations.flatMap((operation): OperationPlan[] => {
    const name = ctx.names.operationName(operation.id);
    const plan = name ? planOperation(operation, name, scope) : null;
    return plan ? [plan] : [];
  });
  return { plans, scope };
}

function groupFile(ctx: EmitContext, { plans, scope }: { plans: OperationPlan[]; scope: PlanScope }, aliases: { runtime: string; models: string }): PrintJob {
  const imports: ImportDeclarationStructure[] = [
    { kind: StructureKind.ImportDeclaration, namespaceImport: aliases.runtime, moduleSpecifier: '../runtime.js' },
  ];
  if (scope.usesModels) {
    imports.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: aliases.models, moduleSpecifier: '../models/index.js' });
  }
  // A blank line after the imports.
  const statements = [...imports, '\n', ...plans.flatMap((plan) => operationStructures(plan, aliases.runtime))];
  return { header: generatedHeader(ctx), statements };
}

function barrel(stems: readonly string[]): string {
  if (stems.length === 0) return 'export {};\n';
  return [...stems].sort(compareStrings).map((stem) => `export * from './${stem}.js';\n`).join('');
}

function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  return name;
}
