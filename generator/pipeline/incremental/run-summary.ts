/**
 * The counts a run reports, per API version and together. A run that links
 * only some versions takes the others' counts from the last run's manifest.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { compareDiagnostics } from '../../model/diagnostic.js';
import { SCHEMA_VERSION, type Model } from '../../model/ir.js';
import { GENERATOR_VERSION } from '../../model/version.js';
import type { RunSummary, VersionSummary } from './run-manifest.js';
import { formatInputProblems, isInputProblemCode } from '../summary.js';

/** The summary of a model linked from one version's pages only. */
export function versionSummary(model: Model): VersionSummary {
  return {
    types: model.types.length,
    operations: model.operations.length,
    diagnostics: model.diagnostics.length,
    problems: model.diagnostics.filter(isInputProblem),
  };
}

export function runSummary(pages: number, inputDiagnostics: readonly Diagnostic[], versions: readonly VersionSummary[]): RunSummary {
  const sum = (pick: (v: VersionSummary) => number) => versions.reduce((n, v) => n + pick(v), 0);
  const problems = [...inputDiagnostics.filter(isInputProblem), ...versions.flatMap((v) => v.problems)].sort(compareDiagnostics);
  return {
    pages,
    types: sum((v) => v.types),
    operations: sum((v) => v.operations),
    diagnostics: inputDiagnostics.length + sum((v) => v.diagnostics),
    inputProblems: formatInputProblems(modelOf(problems)),
  };
}

/** Whether the CLI names this diagnostic as a page that could not be read. */
function isInputProblem(diagnostic: Diagnostic): boolean {
  return isInputProblemCode(diagnostic.code);
}

function modelOf(diagnostics: Diagnostic[]): Model {
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'docs2ts', version: GENERATOR_VERSION },
    apiVersions: [],
    pages: { total: 0, byKind: { api: 0, resource: 0, enum: 0, conceptual: 0 }, empty: 0 },
    types: [],
    operations: [],
    diagnostics,
  };
}
