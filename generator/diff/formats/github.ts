/**
 * GitHub Actions workflow commands, one per change: breaking as `::error`,
 * warning as `::warning`, info as `::notice`, titled with the change kind.
 */
import { escapeData, escapeProperty } from '../../check/formatters/github.js';
import type { ChangeSeverity } from '../change.js';
import type { DiffFormatter } from './format.js';
import { changePath } from './format.js';

const COMMAND: Readonly<Record<ChangeSeverity, string>> = { breaking: 'error', warning: 'warning', info: 'notice' };

export const formatDiffGithub: DiffFormatter = (input) =>
  input.result.changes
    .map((change) => {
      const properties = [`file=${escapeProperty(changePath(input, change))}`, `line=${change.source.line}`, `col=${change.source.column}`, `title=${escapeProperty(`${change.severity}: ${change.kind}`)}`].join(',');
      return `::${COMMAND[change.severity]} ${properties}::${escapeData(change.message)}\n`;
    })
    .join('');
