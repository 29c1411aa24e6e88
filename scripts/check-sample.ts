/**
 * `npm run check-sample [-- --seed 1 --n 100 | --per-rule 5] [--findings out.json] [--unjudged]`:
 * the precision sample of issue 20. Runs `check` on the corpus (or reads the
 * `--format json` findings of an earlier run), draws a seeded uniform random
 * sample of N findings over all findings (or K per rule with `--per-rule`;
 * `check-sample/sample.ts`), and prints each at file:line:column with the
 * page's lines around it and a caret at the column, so a person can judge it
 * at the spot.
 *
 * Judgments live in `scripts/check-sample-judged.json` (fingerprint → the spot
 * judged, verdict, position exact, one-line reason), so the figures printed at
 * the end are reproducible and a new sample only needs its unjudged findings
 * read; a finding that moved since it was judged counts as not judged.
 * Skips with a message when the corpus is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../generator/check/types.js';
import { draw, judgmentOf, type Judgment, type Verdict } from './check-sample/sample.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const JUDGED = path.join(ROOT, 'scripts', 'check-sample-judged.json');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function loadFindings(corpus: string): Finding[] {
  const saved = option('findings', '');
  const json = saved
    ? readFileSync(saved, 'utf8')
    : // exit 1 = errors found, which is the normal case on the corpus
      (() => {
        try {
          return execFileSync('node', [path.join(ROOT, 'bin', 'docs2ts.js'), 'check', '--input', corpus, '--format', 'json', '--quiet'], { maxBuffer: 1 << 30, encoding: 'utf8' });
        } catch (error) {
          const out = (error as { stdout?: string }).stdout;
          if (!out) throw error;
          return out;
        }
      })();
  return JSON.parse(json) as Finding[];
}

/** The page's lines around the finding, with a caret under its column. */
function excerpt(file: string, line: number, column: number): string {
  if (!existsSync(file)) return `    (no file ${file})`;
  const lines = readFileSync(file, 'utf8').split(/\r\n?|\n/);
  const out: string[] = [];
  for (let n = Math.max(1, line - 3); n <= Math.min(lines.length, line + 3); n++) {
    const text = lines[n - 1]!;
    out.push(`${n === line ? '>' : ' '}${String(n).padStart(5)} | ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
    if (n === line) out.push(`       | ${text.slice(0, column - 1).replace(/[^\t]/g, ' ')}^`);
  }
  return out.join('\n');
}

const pct = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');

function figures(label: string, sample: Finding[], judged: Record<string, Judgment>, corpus: string): void {
  const known = sample.map((f) => judgmentOf(judged, f, corpus)).filter((j): j is Judgment => j !== undefined);
  const count = (verdict: Verdict) => known.filter((j) => j.verdict === verdict).length;
  const exact = known.filter((j) => j.exact).length;
  console.log(
    `${label}: ${sample.length} drawn, ${known.length} judged: real ${count('real')} (${pct(count('real'), known.length)}), ` +
      `noise ${count('noise')}, false positive ${count('false-positive')}; position exact ${exact} (${pct(exact, known.length)})` +
      (known.length < sample.length ? `; ${sample.length - known.length} not judged yet` : ''),
  );
}

function perRuleTable(all: Finding[], sample: Finding[], judged: Record<string, Judgment>, corpus: string): void {
  const rules = [...new Set(all.map((f) => f.ruleId))].sort();
  console.log('| rule | findings | judged | real | noise | false positive | position exact |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const rule of rules) {
    const known = sample.filter((f) => f.ruleId === rule).map((f) => judgmentOf(judged, f, corpus)).filter((j): j is Judgment => j !== undefined);
    const count = (verdict: Verdict) => known.filter((j) => j.verdict === verdict).length;
    const total = all.filter((f) => f.ruleId === rule).length;
    console.log(`| ${rule} | ${total} | ${known.length} | ${count('real')} | ${count('noise')} | ${count('false-positive')} | ${known.filter((j) => j.exact).length} |`);
  }
}

function main(): void {
  const corpus = path.resolve(option('corpus', path.join(ROOT, '..', 'shared', 'graph-docs')));
  if (!existsSync(corpus) && !process.argv.includes('--findings')) {
    console.log(`check-sample: no corpus at ${corpus}; skipped (pass --corpus DIR)`);
    return;
  }
  const seed = Number(option('seed', '1'));
  const perRule = Number(option('per-rule', '0'));
  const judged = existsSync(JUDGED) ? (JSON.parse(readFileSync(JUDGED, 'utf8')) as Record<string, Judgment>) : {};
  const all = loadFindings(corpus).sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
  const rules = [...new Set(all.map((f) => f.ruleId))].sort();
  const sample = perRule
    ? rules.flatMap((rule) => draw(all.filter((f) => f.ruleId === rule), perRule, seed))
    : draw(all, Number(option('n', '100')), seed);
  const onlyUnjudged = process.argv.includes('--unjudged');
  sample.forEach((f, i) => {
    const j = judgmentOf(judged, f, corpus);
    if (onlyUnjudged && j) return;
    const file = path.isAbsolute(f.file) ? f.file : path.join(corpus, f.file);
    const verdict = j ? `[${j.verdict}${j.exact ? '' : ', position off'}: ${j.reason}]` : '[not judged]';
    console.log(`\n#${i + 1} ${f.fingerprint} ${path.relative(corpus, file)}:${f.line}:${f.column} ${f.ruleId}\n  ${f.message}\n  ${verdict}`);
    console.log(excerpt(file, f.line, f.column));
  });
  console.log(`\n${all.length} findings on ${corpus}; seed ${seed}`);
  if (perRule) perRuleTable(all, sample, judged, corpus);
  figures(perRule ? `${perRule} per rule` : 'uniform sample', sample, judged, corpus);
}

main();
