/** The line `generate` (and each `--watch` run) prints on the API changes since the last run. */
import type { GenerateResult } from '../pipeline/generate.js';

/** One line on the API changes since the last run (`incremental/api-changes.ts`), or undefined when there are none. */
export function describeApiChanges(result: GenerateResult): string | undefined {
  const changes = result.apiChanges;
  if (!changes || changes.breaking + changes.warning + changes.info === 0) return undefined;
  const first = changes.first ? ` (${changes.breaking ? 'breaking: ' : ''}${changes.first})` : '';
  return `API changes since the last run: ${changes.breaking} breaking, ${changes.warning} ${changes.warning === 1 ? 'warning' : 'warnings'}, ${changes.info} info${first}`;
}
