/**
 * The fuzz properties, shared by the bounded test (`test/robustness/fuzz.test.ts`)
 * and the long run (`npm run fuzz`).
 *
 * - damaged pages: any mix of mutations over a seed group; every stage
 *   finishes without throwing and every position lies inside its page.
 * - cut JSON: a JSON body that parsed, cut after some of its lines, gives a
 *   json diagnostic between the block's fence and the cut.
 */
import fc from 'fast-check';
import { extractPage } from '../../generator/extract/page.js';
import type { BodyFacts, PageFacts } from '../../generator/extract/facts.js';
import { applyMutations, mutationsArbitrary, type Mutation, type MutationOptions } from './mutate.js';
import { runCase, type CasePage } from './run-case.js';
import { loadGroup, type SeedGroup } from './seeds.js';

export interface PropertyOptions extends MutationOptions {
  /** Format (prettier) every n-th case; 0 never. */
  formatEvery?: number;
  /** Called before each case runs (the long run's watchdog reports the case it was on). */
  onCase?: (pages: readonly CasePage[], mutations: readonly Mutation[]) => void;
}

export function damagedPagesProperty(groups: readonly SeedGroup[], options: PropertyOptions = {}) {
  let count = 0;
  return fc.asyncProperty(fc.nat({ max: groups.length - 1 }), mutationsArbitrary(options), async (g, mutations) => {
    const seed = loadGroup(groups[g]!);
    const texts = applyMutations(
      seed.map((page) => page.text),
      mutations,
    );
    const pages = seed.map((page, i) => ({ ...page, text: texts[i]! }));
    options.onCase?.(pages, mutations);
    const format = !!options.formatEvery && count++ % options.formatEvery === 0;
    const { failures } = await runCase(pages, { format });
    if (failures.length > 0) throw new Error(`${failures.length} problem(s):\n${failures.join('\n')}`);
  });
}

/** A JSON body that parsed in a seed page, with the page it is on. */
export interface JsonTarget {
  page: CasePage;
  /** 1-based page line of the body's first line. */
  line: number;
  /** Lines the body spans. */
  lines: number;
}

/** The multi-line JSON bodies that parse, in the given groups' pages. */
export function jsonTargets(groups: readonly SeedGroup[]): JsonTarget[] {
  const targets: JsonTarget[] = [];
  for (const group of groups) {
    for (const page of loadGroup(group)) {
      for (const body of parsedBodies(extractPage(page))) {
        // Trailing blank lines are not part of the JSON: cutting them would leave it whole.
        const lines = body.raw.trimEnd().split('\n').length;
        if (lines >= 2) targets.push({ page, line: body.source.line, lines });
      }
    }
  }
  return targets;
}

function parsedBodies(facts: PageFacts): BodyFacts[] {
  const bodies: (BodyFacts | undefined)[] = [
    ...facts.resources.map((r) => r.json?.body),
    ...facts.operations.flatMap((o) => o.examples.flatMap((e) => [e.request?.body, e.response?.body])),
  ];
  return bodies.filter((b): b is BodyFacts => !!b?.parsed);
}

export function cutJsonProperty(targets: readonly JsonTarget[]) {
  return fc.asyncProperty(fc.nat({ max: targets.length - 1 }), fc.nat(), async (t, cut) => {
    const target = targets[t]!;
    const keep = 1 + (cut % (target.lines - 1));
    const lines = target.page.text.split('\n');
    const first = target.line - 1;
    lines.splice(first + keep, target.lines - keep);
    const page = { ...target.page, text: lines.join('\n') };
    const { failures, model } = await runCase([page]);
    if (failures.length > 0) throw new Error(failures.join('\n'));
    const json = (model?.diagnostics ?? []).filter((d) => /json/.test(d.code) && d.line >= target.line - 1 && d.line <= target.line + keep);
    if (json.length === 0) {
      const seen = (model?.diagnostics ?? []).map((d) => `${d.code}@${d.line}:${d.column}`).join(', ');
      throw new Error(`${page.file}: body at line ${target.line} cut to ${keep} of ${target.lines} lines gave no json diagnostic in lines ${target.line - 1}-${target.line + keep} (saw: ${seen || 'none'})`);
    }
  });
}
