/**
 * The rule contract (remark-lint style: one rule = one small file). A rule file
 * declares everything about its rule once, through `defineRule`: id, docs,
 * default level; `rules/index.ts` lists the rule modules and derives the ids
 * and the registry from them. Severity, ignores, fingerprints and baselines are
 * applied by `run-check.ts`, not by rules.
 */
import type { SourceRef } from '../model/diagnostic.js';
import type { CheckContext } from './context.js';

/** What a user sets a rule to (config file, `--rule id=level`). */
export type RuleLevel = 'off' | 'warn' | 'error';

/** What a rule returns: where, what, and the identity that survives edits above it. */
export interface RuleFinding {
  at: SourceRef;
  /** "Unexpected X, expected Y" (with "did you mean `z`?" where one fits). */
  message: string;
  /**
   * Stable identity within the rule and file (a JSON path, a property name, a
   * link target): what the fingerprint hashes instead of the line. When absent,
   * the message with its numbers blanked is used.
   */
  key?: string;
  /**
   * The other spots the finding rests on, when it is reported at one place for a
   * fault seen at another (a table cell that the examples contradict, a section
   * line an example's request is missing from): shown beside the finding, and
   * `--changed-since` keeps the finding when any of them changed.
   */
  related?: SourceRef[];
}

export interface Rule<Id extends string = string> {
  id: Id;
  /** One sentence for `--help`, SARIF `shortDescription` and the docs. */
  description: string;
  defaultLevel: RuleLevel;
  /** Why the default level is not `error` (precision on the real corpus), when it is not. */
  levelReason?: string;
  /** Extraction diagnostic codes this rule re-checks with more precision: they are not reported under their own code. */
  supersedes?: readonly string[];
  check: (ctx: CheckContext) => RuleFinding[];
}

/** A rule, its id kept as a literal type so the registry can derive `RuleId`. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

/**
 * The findings with the first of each identity `idOf` gives (undefined: not a repeat, kept as it is): one problem that
 * several spots show is reported once, resting on the spots of the others (`related`).
 */
export function oncePer<T extends RuleFinding>(findings: readonly T[], idOf: (finding: T) => string | undefined): T[] {
  const first = new Map<string, T>();
  return findings.flatMap((finding) => {
    const id = idOf(finding);
    if (id === undefined) return [finding];
    const kept = first.get(id);
    if (!kept) {
      const copy = { ...finding, related: [...(finding.related ?? [])] };
      first.set(id, copy);
      return [copy];
    }
    kept.related!.push(finding.at, ...(finding.related ?? []));
    return [];
  });
}

/** `oncePer` by file and key, for the keys `repeats` picks (a section line or a table cell that several examples find at fault). */
export function oncePerKey<T extends RuleFinding>(findings: readonly T[], repeats: (key: string) => boolean): T[] {
  return oncePer(findings, (finding) => (finding.key !== undefined && repeats(finding.key) ? `${finding.at.file}\0${finding.key}` : undefined));
}
