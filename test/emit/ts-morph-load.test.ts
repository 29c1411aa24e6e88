/**
 * Planning the output and building every file's statements loads no ts-morph (with
 * the TypeScript compiler it requires, a quarter of a second): an edit's main
 * thread never pays for it, its render thread does (`pipeline/pool.ts`). Printing
 * loads it. Run on the compiled code in a child process, whose module cache is its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

const dist = path.join(repoRoot, 'dist/generator');
const built = existsSync(path.join(dist, 'emit/index.js'));
if (!built) console.warn('ts-morph load test skipped: dist/ is absent (npm test builds it; or run npm run build)');

const SCRIPT = `
import { createRequire } from 'node:module';
const { buildModel } = await import(${JSON.stringify(path.join(dist, 'pipeline/build-model.js'))});
const { planOutput } = await import(${JSON.stringify(path.join(dist, 'emit/index.js'))});
const { EMITTERS } = await import(${JSON.stringify(path.join(dist, 'emit/emitters.js'))});
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/node_modules/ts-morph/'));
const { model } = await buildModel(${JSON.stringify(path.join(repoRoot, 'docs-input'))}, { workers: 1 });
const plans = planOutput(model, { inputLabel: 'docs-input', emitters: EMITTERS });
const jobs = plans.filter((plan) => plan.print).map((plan) => plan.print());
const before = loaded();
const text = plans.find((plan) => plan.print).render();
console.log(JSON.stringify({ plans: plans.length, jobs: jobs.length, before, after: loaded(), text: text.length }));
`;

describe.skipIf(!built)('ts-morph loading', () => {
  it('planning and building statements load no ts-morph; printing does', () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
    expect(child.stderr).toBe('');
    const result = JSON.parse(child.stdout) as { plans: number; jobs: number; before: boolean; after: boolean; text: number };
    expect(result.jobs).toBeGreaterThan(5);
    expect(result.before).toBe(false);
    expect(result.after).toBe(true);
    expect(result.text).toBeGreaterThan(100);
  });
});
