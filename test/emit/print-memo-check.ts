/**
 * The check `print-memo.test.ts` and the corpus test run on models files: each
 * file rendered without a memo, with an empty one, and with one made of the
 * entries the empty one gave (through JSON, as saved) gives the same text, and
 * the last prints nothing.
 */
import type { FilePlan } from '../../generator/emit/index.js';
import { PrintMemo } from '../../generator/emit/print-memo.js';

export function memoProblems(plans: readonly FilePlan[]): { problems: string[]; statements: number } {
  const problems: string[] = [];
  let statements = 0;
  for (const plan of plans) {
    const whole = plan.render();
    const empty = new PrintMemo();
    if (plan.render(empty) !== whole) problems.push(`${plan.path}: printed one statement at a time, differs`);
    const saved = new PrintMemo(JSON.parse(JSON.stringify(empty.entries())) as [string, string][]);
    if (plan.render(saved) !== whole) problems.push(`${plan.path}: from the saved memo, differs`);
    if (saved.printed !== 0) problems.push(`${plan.path}: ${saved.printed} statements printed again from the saved memo`);
    statements += empty.printed;
  }
  return { problems, statements };
}
