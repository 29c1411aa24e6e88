/** The one-screen summary `model` (and other commands) print on stderr. */
import type { Model } from '../model/ir.js';
import type { SkippedFile } from '../parse/input.js';
import { compareStrings } from '../model/diagnostic.js';

export function formatSummary(model: Model, skipped: readonly SkippedFile[], seconds: number): string {
  const { pages } = model;
  const lines: string[] = [];
  const kinds = Object.entries(pages.byKind)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  lines.push(`pages read: ${pages.total} (${kinds}); ${pages.empty} yielded no type or operation`);
  if (skipped.length) {
    const sample = skipped.slice(0, 3).map((s) => `${s.file} (${s.reason})`).join(', ');
    lines.push(`files skipped: ${skipped.length}: ${sample}${skipped.length > 3 ? ', ...' : ''}`);
  }
  for (const version of model.apiVersions) {
    const types = model.types.filter((t) => t.apiVersion === version);
    const count = (kind: string) => types.filter((t) => t.kind === kind).length;
    const operations = model.operations.filter((o) => o.apiVersion === version);
    const examples = operations.reduce((n, o) => n + o.examples.length, 0);
    lines.push(
      `${version}: types ${types.length} (entity ${count('entity')}, complex ${count('complex')}, enum ${count('enum')}, unresolved ${count('unresolved')}); operations ${operations.length}; examples ${examples}`,
    );
  }
  const byCode = new Map<string, { error: number; warning: number; info: number }>();
  for (const d of model.diagnostics) {
    const entry = byCode.get(d.code) ?? { error: 0, warning: 0, info: 0 };
    entry[d.severity]++;
    byCode.set(d.code, entry);
  }
  lines.push(`diagnostics: ${model.diagnostics.length}`);
  for (const [code, counts] of [...byCode].sort(([a], [b]) => compareStrings(a, b))) {
    const parts = (['error', 'warning', 'info'] as const).filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`);
    lines.push(`  ${code.padEnd(28)} ${parts.join(', ')}`);
  }
  lines.push(...formatInputProblems(model));
  lines.push(`done in ${seconds.toFixed(1)} s`);
  return lines.join('\n');
}

/** Codes that mean a page could not be read as it should: shown by name, whatever the command. */
const INPUT_PROBLEMS = new Set(['page-encoding', 'page-unreadable', 'page-too-large', 'page-too-complex', 'line-too-long', 'input-unreadable', 'internal-error']);

/** Whether a diagnostic code means a page that could not be read (`formatInputProblems` lists those). */
export function isInputProblemCode(code: string): boolean {
  return INPUT_PROBLEMS.has(code);
}

/** One line per page that could not be read properly (the first ten), naming the file and the fix. */
export function formatInputProblems(model: Model, limit = 10): string[] {
  const problems = model.diagnostics.filter((d) => isInputProblemCode(d.code));
  const lines = problems.slice(0, limit).map((d) => `docs2ts: ${d.file}: ${d.message}`);
  if (problems.length > limit) lines.push(`docs2ts: ... and ${problems.length - limit} more pages that could not be read`);
  return lines;
}
