/**
 * GitHub Actions workflow commands, one per finding:
 * `::error file=…,line=…,col=…,title=<rule>::message`. Property values escape
 * `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF (GitHub's rules).
 * The spots a finding rests on follow the message as `(see path:line:column, ...)`.
 */
import { displayPath, type Formatter } from './format.js';

export const formatGithub: Formatter = ({ findings, input }) =>
  findings
    .map((f) => {
      const command = f.severity === 'error' ? 'error' : 'warning';
      const properties = [
        `file=${escapeProperty(displayPath(input, f.file))}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      const related = f.related?.map((spot) => `${displayPath(input, spot.file)}:${spot.line}:${spot.column}`);
      return `::${command} ${properties}::${escapeData(related ? `${f.message} (see ${related.join(', ')})` : f.message)}\n`;
    })
    .join('');

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
