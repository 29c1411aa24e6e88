/**
 * The client emitter: operations → typed client stubs. Per API version:
 * `runtime.ts` (transport, errors, encoding), `client/<group>.ts` (one file per
 * resource the operations act on, else per first path segment) and
 * `client/index.ts` re-exporting every group.
 */
import { Project, StructureKind, type ImportDeclarationStructure, type StatementStructures, type WriterFunction } from 'ts-morph';
import type { ModelOperation } from '../model/ir.js';
import { compareStrings } from '../model/diagnostic.js';
import { generatedHeader, type EmitContext, type EmittedFile, type Emitter } from './emitter.js';
import { groupOperations } from './client-groups.js';
import { operationStructures } from './client-operation.js';
import { planOperation, type OperationPlan, type PlanScope } from './client-plan.js';
import { modelPlan } from './model-plan.js';
import { runtimeSource } from './client-runtime.js';

export const clientEmitter: Emitter = {
  name: 'client',
  emit(ctx) {
    const project = new Project({ useInMemoryFileSystem: true });
    const taken = new Set(ctx.operations.map((operation) => ctx.names.operationName(operation.id) ?? ''));
    const aliases = { runtime: freeName('runtime', taken), models: freeName('models', taken) };
    const groups = groupOperations(ctx.operations, ctx);
    const files: EmittedFile[] = [{ path: `${ctx.apiVersion}/runtime.ts`, content: generatedHeader(ctx) + runtimeSource(ctx.apiVersion) }];
    const stems: string[] = [];
    for (const { stem, operations } of groups) {
      const content = groupFile(project, ctx, operations, aliases);
      if (content === null) continue;
      stems.push(stem);
      files.push({ path: `${ctx.apiVersion}/client/${stem}.ts`, content });
    }
    files.push({ path: `${ctx.apiVersion}/client/index.ts`, content: generatedHeader(ctx) + barrel(stems) });
    return files;
  },
};

function groupFile(
  project: Project,
  ctx: EmitContext,
  operations: readonly ModelOperation[],
  aliases: { runtime: string; models: string },
): string | null {
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
  if (plans.length === 0) return null;
  const imports: ImportDeclarationStructure[] = [
    { kind: StructureKind.ImportDeclaration, namespaceImport: aliases.runtime, moduleSpecifier: '../runtime.js' },
  ];
  if (scope.usesModels) {
    imports.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: aliases.models, moduleSpecifier: '../models/index.js' });
  }
  const statements: (StatementStructures | WriterFunction)[] = [
    ...imports,
    (writer) => writer.blankLineIfLastNot(),
    ...plans.flatMap((plan) => operationStructures(plan, aliases.runtime)),
  ];
  const file = project.createSourceFile(`/client-${project.getSourceFiles().length}.ts`, { statements }, { overwrite: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return generatedHeader(ctx) + text;
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
