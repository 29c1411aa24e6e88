/**
 * The check stage: every enabled rule over the page facts and model, plus the
 * model's extraction diagnostics, then levels and ignores applied, findings
 * fingerprinted and sorted. Rules run in registry order; a rule that throws is
 * recorded as an internal error, never a crash of the whole check.
 */
import picomatch from 'picomatch';
import { compareStrings, type SourceRef } from '../model/diagnostic.js';
import { createContext, type CheckInput, type LinkRoot } from './context.js';
import { extractionFindings } from './extraction.js';
import { fingerprintOf, messageKey, numberRepeats } from './fingerprint.js';
import type { PageTextSource } from './page-text.js';
import { RULES } from './rules/index.js';
import { RULE_IDS, type Finding, type FindingSeverity, type Rule, type RuleFinding, type RuleId, type RuleLevel } from './types.js';

/** A rule outside the registry (the metadata rules, `metadata/rules.ts`): run after the registry's when given. */
export type ExtraRule = Omit<Rule, 'id'> & { id: string };

export interface CheckSettings {
  /** Level by rule id or extraction code; unset ones keep their default. */
  levels?: Readonly<Record<string, RuleLevel>>;
  /** Globs of input-relative files to skip. */
  ignoreFiles?: readonly string[];
  /** Rule (or code) + file glob pairs to skip. */
  ignore?: readonly { rule: string; file: string }[];
  /** Where links leaving the input are checked (`linkRoot`): absolute input and link-root folders. */
  links?: LinkRoot;
  /** Run only these rules (tests); extraction diagnostics are left out when set. */
  only?: readonly RuleId[];
  /** Rules run after the registry's (the metadata rules with `--metadata`). */
  extraRules?: readonly ExtraRule[];
}

export interface RuleSummary {
  id: string;
  description: string;
  level: RuleLevel;
}

export interface CheckResult {
  findings: Finding[];
  /** Rules that ran (and extraction codes that reported), for SARIF and summaries. */
  rules: RuleSummary[];
  /** Rules that threw: the check is incomplete. */
  internalErrors: { ruleId: string; message: string }[];
}

const EXTRACTION_DESCRIPTION = 'Reported while reading the page (docs2ts extraction diagnostic).';

export function runRules(input: CheckInput, texts: PageTextSource, settings: CheckSettings = {}): CheckResult {
  const ctx = createContext(input, texts, settings.links);
  const levels = settings.levels ?? {};
  const ids = settings.only ?? RULE_IDS;
  const raw: (Omit<Finding, 'fingerprint'> & { key: string })[] = [];
  const rules: RuleSummary[] = [];
  const internalErrors: CheckResult['internalErrors'] = [];
  for (const rule of [...ids.map((id): ExtraRule => RULES[id]), ...(settings.extraRules ?? [])]) {
    const id = rule.id;
    const level = levels[id] ?? rule.defaultLevel;
    rules.push({ id, description: rule.description, level });
    if (level === 'off') continue;
    try {
      for (const finding of rule.check(ctx)) {
        const related = relatedSpots(finding);
        raw.push({ ruleId: id, severity: severityOf(level), message: finding.message, ...finding.at, key: finding.key ?? messageKey(finding.message), ...(related.length ? { related } : {}) });
      }
    } catch (error) {
      internalErrors.push({ ruleId: id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  if (!settings.only) {
    const seen = new Set<string>();
    for (const { ruleId, severity, diagnostic } of extractionFindings(input.model.diagnostics)) {
      const level = levels[ruleId] ?? (severity === 'error' ? 'error' : 'warn');
      if (!seen.has(ruleId)) {
        seen.add(ruleId);
        rules.push({ id: ruleId, description: EXTRACTION_DESCRIPTION, level });
      }
      if (level === 'off') continue;
      const { file, line, column, message } = diagnostic;
      raw.push({ ruleId, severity: severityOf(level), message, file, line, column, key: messageKey(message) });
    }
  }
  const ignoredFile = globs(settings.ignoreFiles ?? []);
  const ignoredPairs = (settings.ignore ?? []).map((pair) => ({ rule: pair.rule, file: globs([pair.file]) }));
  const kept = raw
    .filter((f) => !ignoredFile(f.file) && !ignoredPairs.some((p) => p.rule === f.ruleId && p.file(f.file)))
    .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.message, b.message));
  const fingerprints = numberRepeats(kept.map((f) => fingerprintOf(f.ruleId, f.file, f.key)));
  const findings = kept.map(({ key: _key, ...f }, i) => ({ ...f, fingerprint: fingerprints[i]! }));
  rules.sort((a, b) => compareStrings(a.id, b.id));
  return { findings, rules, internalErrors };
}

/** A matcher of input-relative paths (`/` separators) for ignore globs: `**`, `*`, `?`, `{a,b}`, `[ab]`; dot files too. An empty glob matches nothing. */
function globs(patterns: readonly string[]): (file: string) => boolean {
  const given = patterns.filter((pattern) => pattern !== '');
  return given.length === 0 ? () => false : picomatch(given, { dot: true });
}

/** A finding's related spots, each once, sorted, its own spot left out. */
function relatedSpots(finding: RuleFinding): SourceRef[] {
  const seen = new Set([spotKey(finding.at)]);
  return (finding.related ?? [])
    .map(({ file, line, column }) => ({ file, line, column }))
    .filter((spot) => !seen.has(spotKey(spot)) && !!seen.add(spotKey(spot)))
    .sort((a, b) => compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column);
}

const spotKey = (spot: SourceRef) => `${spot.file}\0${spot.line}\0${spot.column}`;

function severityOf(level: RuleLevel): FindingSeverity {
  return level === 'error' ? 'error' : 'warning';
}
