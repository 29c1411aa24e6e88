/**
 * Text output: findings grouped by file (`line:column  severity  message  rule`,
 * then `see [file:]line:column, ...`: the spots the finding rests on),
 * then one summary line per rule and a total.
 */
import { countsByRule, displayPath, plural, totalText, type Formatter } from './format.js';

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
    if (f.related) lines.push(`  ${''.padEnd(9)} see ${f.related.map((spot) => `${spot.file === f.file ? '' : `${displayPath(input, spot.file)}:`}${spot.line}:${spot.column}`).join(', ')}`);
  }
  if (findings.length) lines.push('');
  lines.push(totalText(findings, baselined));
  for (const [rule, counts] of countsByRule(findings)) {
    const parts = [counts.error ? plural(counts.error, 'error') : '', counts.warning ? plural(counts.warning, 'warning') : ''].filter(Boolean);
    lines.push(`  ${rule.padEnd(28)} ${parts.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
};
