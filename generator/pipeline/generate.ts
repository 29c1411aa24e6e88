/**
 * `generate` (and `generate --check`): the docs in, TypeScript out, stage by
 * stage. The incremental engine (`incremental/run.ts`) wraps the stages: it
 * finds what changed since the last run, serves unchanged pages' facts from
 * memory or the facts cache, lets files whose fingerprint did not change keep
 * their output, and records the run. The stages know nothing of it.
 * Heavy modules (remark, ts-morph, prettier) load only when something changed;
 * in an edit, ts-morph and prettier load in a render thread (`pool.ts`).
 */
import type { FilePlan } from '../emit/index.js';
import { Digester } from '../model/hash.js';
import { lazyPool, renderThread } from './pool.js';
import { openRun, type GenerateRequest, type GenerateResult } from './incremental/run.js';
import { outputReader, renderChanged } from './incremental/render.js';
import { emitSettings, modelToEmit } from './output-options.js';
import { linkVersions } from './incremental/relink.js';

export type { GenerateRequest, GenerateResult, GenerateSession, Phase } from './incremental/run.js';

export async function generate(request: GenerateRequest): Promise<GenerateResult> {
  // Discover the pages and compare them and the output with the last run: stop here when nothing changed.
  const run = await openRun(request);
  if (run.upToDate) return run.upToDate;
  const pool = request.session ? (request.session.pool ??= lazyPool(request.workers)) : lazyPool(request.workers);
  // An edit in a fresh process has a render thread (in watch mode, ts-morph and prettier stay loaded here).
  const renderer = run.edit && !request.session ? renderThread(request.workers) : undefined;
  try {
    // Extract the pages of the API versions to build (the facts cache serves unchanged ones) while the emitters load.
    const load = run.loadFacts(renderer ? () => renderer : pool.extract);
    // The render thread loads ts-morph and prettier once it has extracted the edited pages (should that fail, its first print loads them).
    renderer?.warm().catch(() => undefined);
    const [{ linkModel }, { planOutput }, { EMITTERS }] = await stageModules();
    const loaded = await load.finish();
    // Link each version, whole (in watch mode, an edit of descriptions only patches the version's kept model).
    const { models, how } = linkVersions(run.versions, loaded.facts, (pages) => linkModel({ pages }), request.session && (request.session.linked ??= new Map()));
    run.lap('link');
    // Plan every output file (of the slice, when the request takes one), with a fingerprint of what its text depends on
    // (in watch mode, the digests of the kept models' objects are kept too).
    const session = request.session && { digester: (request.session.digester ??= new Digester()) };
    const emitOptions = { inputLabel: run.inputLabel, ...emitSettings(EMITTERS, request.output), ...session };
    const plans: FilePlan[] = models.flatMap((model) => {
      // A slice is planned with the whole model it was cut from (`output-options.ts`).
      const cut = modelToEmit(model, request.output);
      return planOutput(cut.model, { ...emitOptions, whole: cut.whole }).map((plan) => inFolder(plan, model.apiVersions[0]!));
    });
    run.lap('plan');
    // Render and format the files whose fingerprint or output changed.
    const rendered = await renderChanged(plans, run.intact, { pool: plans.length > 0 ? pool.get : undefined, renderer, lastOutput: outputReader(request.out), onProgress: (done, total) => request.onProgress?.('emit', done, total) });
    run.lap('render');
    // Write the output folder (or compare it, for --check) and record the run.
    return await run.finish(models, plans, rendered, loaded, how);
  } finally {
    if (!request.session) await pool.destroy();
    await renderer?.destroy();
  }
}

/** The modules that link, plan and render (ts-morph among them: a quarter of a second). */
function stageModules() {
  return Promise.all([import('../model/link.js'), import('../emit/index.js'), import('../emit/emitters.js')]);
}

/** A version's plan, refused when its emitter wrote outside the version's folder. */
function inFolder(plan: FilePlan, version: string): FilePlan {
  if (!plan.path.startsWith(`${version}/`)) throw new Error(`emitter ${plan.emitter} wrote ${plan.path} outside the ${version}/ folder`);
  return plan;
}
