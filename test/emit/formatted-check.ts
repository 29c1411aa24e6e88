/**
 * The check `schema-formatted.test.ts` and the corpus test run on files their
 * emitter marks `formatted` (`PlannedFile.formatted`): prettier, as runs format
 * files (`formatFile`), gives each text back unchanged.
 */
import type { FilePlan } from '../../generator/emit/index.js';
import { formatFile } from '../../generator/emit/format.js';

export async function unformattedMarked(plans: readonly FilePlan[]): Promise<{ checked: number; differ: string[] }> {
  const marked = plans.filter((plan) => plan.formatted);
  const differ: string[] = [];
  for (const plan of marked) {
    const content = plan.render();
    if ((await formatFile({ path: plan.path, content })).content !== content) differ.push(plan.path);
  }
  return { checked: marked.length, differ };
}
