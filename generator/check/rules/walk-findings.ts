/** The findings of one rule from the shared example walk (example-walk.ts). */
import type { CheckContext } from '../context.js';
import { walkExamples, type WalkRule } from '../example-walk.js';
import type { RuleFinding } from '../rule.js';

export function walkFindings(ctx: CheckContext, rule: WalkRule): RuleFinding[] {
  return walkExamples(ctx)
    .findings.filter((finding) => finding.rule === rule)
    .map(({ at, message, key, related }) => ({ at, message, key, ...(related ? { related } : {}) }));
}
