/**
 * Text output: findings grouped by file (`line:column  severity  message  rule`),
 * then one summary line per rule and a total.
 */
import { compareStrings } from '../../model/diagnostic.js';
import { displayPath, type Formatter } from './format.js';

export const formatText: Formatter = ({ findings, input, baselined }) => {
  const lines: string[] = [];
  let current = '';
  for (const f of findings) {
    if (f.file !== current) {
      if (current) lines.push('');
      lines.push(displayPath(input, f.file));
      current = f.file;
    }
    lines.push(`  ${`${f.line}:${f.column}`.padEnd(9)} ${f.severity.padEnd(7)}  ${f.message}  ${f.ruleId}`);
  }
  const byRule = new Map<string, { error: number; warning: number }>();
  for (const f of findings) {
    const entry = byRule.get(f.ruleId) ?? { error: 0, warning: 0 };
    entry[f.severity]++;
    byRule.set(f.ruleId, entry);
  }
  if (findings.length) lines.push('');
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  lines.push(`${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})${baselined ? `; ${baselined} more in the baseline` : ''}`);
  for (const [rule, counts] of [...byRule].sort(([a], [b]) => compareStrings(a, b))) {
    const parts = [counts.error ? plural(counts.error, 'error') : '', counts.warning ? plural(counts.warning, 'warning') : ''].filter(Boolean);
    lines.push(`  ${rule.padEnd(28)} ${parts.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
