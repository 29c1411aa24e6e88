/**
 * The programmatic API: `import { generate, model, check } from 'docs2ts'`.
 * Each takes the config's keys as options (checked as the config is: a bad
 * value throws a `UsageError` naming it), runs as the command of the same
 * name does, and returns data instead of printing. Relative paths are taken
 * from `cwd` (default: the working folder).
 */
import path from 'node:path';
import { validateConfig } from './cli/config.js';
import { generateOnce } from './cli/generate-command.js';
import { checkInput } from './cli/check-command.js';
import { outputOptions } from './cli/output-flags.js';
import { DEFAULT_CACHE_DIR, DEFAULT_INPUT, DEFAULT_OUTPUT } from './cli/options.js';
import { buildModel } from './pipeline/build-model.js';
import { modelToEmit, type EmitKind } from './pipeline/output-options.js';
import type { GenerateResult } from './pipeline/generate.js';
import type { Model } from './model/ir.js';
import type { Finding, RuleLevel } from './check/types.js';
import type { OpenTypes } from './emit/emitter.js';

export { UsageError } from './parse/input.js';
export type { GenerateResult, Model, Finding, RuleLevel, EmitKind, OpenTypes };

export interface CommonApiOptions {
  /** Folder relative paths are taken from; default: `process.cwd()`. */
  cwd?: string;
  /** Docs root; default `docs-input`. */
  input?: string;
  /** Cache folder (default `.docs2ts-cache`), or false for none. */
  cache?: string | false;
  /** Worker threads; default: available cores. */
  workers?: number;
}

export interface SliceOptions {
  /** Path patterns of the operations to generate: `/users/{id}/messages/**`, `/me/sendMail#POST`. */
  include?: string[];
  exclude?: string[];
  versions?: string[];
  /** Outputs to emit; `models` is always among them. Default: all. */
  emit?: EmitKind[];
  /** Open types: no index signature (`closed`, default) or `[property: string]: unknown`. */
  openTypes?: OpenTypes;
}

export interface GenerateOptions extends CommonApiOptions, SliceOptions {
  /** Output folder; default `generated`. */
  output?: string;
  /** Compare only: nothing is written; `result.stale` names the files that differ. */
  check?: boolean;
  /** Write into a folder holding files docs2ts did not write (they are kept). */
  force?: boolean;
}

/** Generates TypeScript into the output folder, as `docs2ts generate` does. */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const { cwd, settings } = await checked(options, 'generate');
  return generateOnce({
    input: path.resolve(cwd, settings.input ?? DEFAULT_INPUT),
    out: path.resolve(cwd, settings.output ?? DEFAULT_OUTPUT),
    output: outputOptions(settings, {}),
    cache: cacheOf(options, cwd),
    quiet: true,
    ...(options.check ? { check: true } : {}),
    ...(options.force ? { force: true } : {}),
    ...(options.workers ? { workers: options.workers } : {}),
  });
}

/** The linked intermediate model (sliced when asked), as `docs2ts model` writes it. */
export async function model(options: CommonApiOptions & SliceOptions = {}): Promise<Model> {
  const { cwd, settings } = await checked(options, 'model');
  const cache = cacheOf(options, cwd);
  const built = await buildModel(path.resolve(cwd, settings.input ?? DEFAULT_INPUT), {
    ...(options.workers ? { workers: options.workers } : {}),
    ...(cache === false ? {} : { cacheDir: cache }),
  });
  return modelToEmit(built.model, outputOptions(settings, {})).model;
}

export interface CheckApiOptions extends CommonApiOptions {
  /** Level by rule id, as the config's `rules`. */
  rules?: Record<string, RuleLevel>;
  /** The folder links leaving the input are checked against, as the config's `linkRoot`. */
  linkRoot?: string;
  /** A git revision: only findings on lines changed since it (all of a new file), as `--changed-since`. */
  changedSince?: string;
}

/** The conformance findings, as `docs2ts check --format json` lists them (before any baseline). */
export async function check(options: CheckApiOptions = {}): Promise<{ findings: Finding[]; errors: number; warnings: number }> {
  const { cwd, settings } = await checked(options, 'check');
  const rule = Object.entries(settings.rules ?? {}).map(([id, level]) => `${id}=${level}`);
  const { findings } = await checkInput(
    {
      input: settings.input ?? DEFAULT_INPUT,
      cache: cacheOf(options, cwd),
      quiet: true,
      rule,
      ...(options.workers ? { workers: options.workers } : {}),
      ...(settings.linkRoot === undefined ? {} : { linkRoot: settings.linkRoot }),
      ...(options.changedSince === undefined ? {} : { changedSince: options.changedSince }),
    },
    cwd,
  );
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { findings, errors, warnings: findings.length - errors };
}

/** The options a config may hold, checked as the config is. */
async function checked(options: object, name: string) {
  const { cwd, cache: _cache, workers: _workers, check: _check, force: _force, changedSince: _changedSince, ...keys } = options as GenerateOptions & CheckApiOptions;
  return { cwd: cwd ?? process.cwd(), settings: await validateConfig(keys, `${name}() options`) };
}

function cacheOf(options: CommonApiOptions, cwd: string): string | false {
  return options.cache === false ? false : path.resolve(cwd, options.cache ?? DEFAULT_CACHE_DIR);
}
