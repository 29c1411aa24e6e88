/** Text for the terminal: one line per change (severity, where, what, kind), then the summary. */
import type { DiffFormatter } from './format.js';
import { changeLocation, revisionOf, summaryText } from './format.js';

export const formatDiffText: DiffFormatter = (input) => {
  const lines = input.result.changes.map((change) => {
    const revision = revisionOf(input, change);
    const side = revision === undefined ? '' : ` (in ${revision})`;
    return `${change.severity.padEnd(8)} ${changeLocation(input, change)}${side}  ${change.message}  [${change.kind}]`;
  });
  lines.push(`${input.base.label} → ${input.head.label}: ${summaryText(input.result.summary)}`);
  return lines.map((line) => `${line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?')}\n`).join('');
};
