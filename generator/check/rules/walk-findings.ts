/** The findings of one rule from the shared example walk (example-walk.ts). */
import type { CheckContext } from '../context.js';
import { walkExamples, type WalkFinding, type WalkRule } from '../example-walk.js';
import { oncePer, type RuleFinding } from '../rule.js';

export function walkFindings(ctx: CheckContext, rule: WalkRule): RuleFinding[] {
  const findings = walkExamples(ctx).findings.filter((finding) => finding.rule === rule);
  return (rule === 'example-unknown-property' ? oncePerBodyAndKey(findings) : findings).map(({ at, message, key, related }) => ({ at, message, key, ...(related ? { related } : {}) }));
}

/**
 * One unknown key of one type repeated in the objects of one body (`criteria[0].id`, `criteria[1].id`, ... of a list
 * response) is one problem: reported at its first object, the others its related spots.
 */
function oncePerBodyAndKey(findings: readonly WalkFinding[]): WalkFinding[] {
  return oncePer(findings, (finding) => `${finding.at.file}\0${finding.key.replace(/\[\d+\]/g, '[]')}\0${finding.message}`);
}
