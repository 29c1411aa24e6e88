/**
 * One self-contained HTML report (inline CSS and script, nothing fetched): the
 * total and a summary per rule with a filter box each, severity filters, then
 * findings grouped by file, each with its source line and a `^` under the column.
 * Docs are untrusted: every doc string is escaped, and a Content-Security-Policy
 * lets only the report's own script run (by hash), so a `<script>` in a page
 * stays text even if escaping were missed.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../types.js';
import { countsByRule, displayPath, totalText, type Formatter } from './format.js';

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#1f2328}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.2em .6em;text-align:left}
td.n{text-align:right}h2{font-size:1em;margin:1.2em 0 .3em;font-family:monospace}
.finding{margin:.4em 0 .8em 1em}.pos{font-family:monospace;color:#57606a}.error .sev{color:#cf222e}.warning .sev{color:#9a6700}
.rule{color:#57606a;font-family:monospace}pre{margin:.2em 0;padding:.3em .5em;background:#f6f8fa;overflow-x:auto}
.marker{color:#cf222e;font-weight:bold}.related{color:#57606a;font-family:monospace}[hidden]{display:none!important}`;

/** Shows a finding when its rule's box and its severity's box are checked; a file when any of its findings shows. */
const SCRIPT = `(() => {
  const boxes = [...document.querySelectorAll('input[data-filter]')];
  const update = () => {
    const on = new Set(boxes.filter((b) => b.checked).map((b) => b.dataset.filter + ':' + b.value));
    let shown = 0;
    for (const section of document.querySelectorAll('section.file')) {
      let any = false;
      for (const finding of section.querySelectorAll('.finding')) {
        const show = on.has('rule:' + finding.dataset.rule) && on.has('severity:' + finding.dataset.severity);
        finding.hidden = !show;
        if (show) { any = true; shown++; }
      }
      section.hidden = !any;
    }
    document.getElementById('shown').textContent = String(shown);
  };
  for (const box of boxes) box.addEventListener('change', update);
  update();
})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

export const formatHtml: Formatter = ({ findings, rules, input, baselined, toolVersion, sourceLine }) => {
  const descriptions = new Map(rules.map((r) => [r.id, r.description]));
  const summary = countsByRule(findings).map(
    ([rule, counts]) =>
      `<tr data-rule="${escape(rule)}"><td><label title="${escape(descriptions.get(rule) ?? '')}"><input type="checkbox" data-filter="rule" value="${escape(rule)}" checked> ${escape(rule)}</label></td><td class="n errors">${counts.error}</td><td class="n warnings">${counts.warning}</td></tr>`,
  );
  const files: string[] = [];
  for (let i = 0; i < findings.length; ) {
    const file = findings[i]!.file;
    const items: string[] = [];
    for (; i < findings.length && findings[i]!.file === file; i++) items.push(findingHtml(findings[i]!, sourceLine?.(file, findings[i]!.line) ?? '', input));
    files.push(`<section class="file" data-file="${escape(file)}"><h2>${escape(displayPath(input, file))}</h2>\n${items.join('\n')}\n</section>`);
  }
  const severities = (['error', 'warning'] as const).map((s) => `<label><input type="checkbox" data-filter="severity" value="${s}" checked> ${s}s</label>`).join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>docs2ts check: ${escape(input)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>docs2ts check</h1>
<p id="total">${escape(totalText(findings, baselined))}; <span id="shown">${findings.length}</span> shown. docs2ts ${escape(toolVersion)}, input ${escape(input)}.</p>
<p id="severities">${severities}</p>
<table id="summary"><thead><tr><th>rule</th><th>errors</th><th>warnings</th></tr></thead>
<tbody>
${summary.join('\n')}
</tbody></table>
<main>
${files.join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
};

function findingHtml(f: Finding, line: string, input: string): string {
  // Tabs kept so the marker lines up under the column in a <pre>.
  const marker = `${line.slice(0, f.column - 1).replace(/[^\t]/g, ' ')}${' '.repeat(Math.max(0, f.column - 1 - line.length))}^`;
  return `<div class="finding ${f.severity}" data-rule="${escape(f.ruleId)}" data-severity="${f.severity}" data-line="${f.line}" data-column="${f.column}">
<div><span class="pos">${f.line}:${f.column}</span> <span class="sev">${f.severity}</span> <span class="msg">${escape(f.message)}</span> <span class="rule">${escape(f.ruleId)}</span></div>
<pre><span class="source">${escape(line)}</span>
<span class="marker">${marker}</span></pre>${relatedHtml(f, input)}
</div>`;
}

/** The spots a finding rests on, as `see file:line:column` (the file left out when it is the finding's own). */
function relatedHtml(f: Finding, input: string): string {
  if (!f.related) return '';
  const spots = f.related.map((spot) => `${spot.file === f.file ? '' : `${displayPath(input, spot.file)}:`}${spot.line}:${spot.column}`);
  return `\n<div class="related">see ${escape(spots.join(', '))}</div>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
