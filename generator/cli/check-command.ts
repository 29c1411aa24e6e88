/**
 * `docs2ts check`: the conformance rules over an input, reported as text,
 * JSON, SARIF or GitHub annotations. Exit 0 when clean, 1 on findings at
 * error level (or more warnings than `--max-warnings`), 2 on usage or
 * internal errors. `--update-baseline` records today's findings; `--baseline`
 * fails only on findings the baseline does not have.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { buildModel } from '../pipeline/build-model.js';
import { UsageError } from '../parse/input.js';
import { GENERATOR_VERSION } from '../model/version.js';
import { applyBaseline, baselineOf, DEFAULT_BASELINE, readBaseline, serializeBaseline } from '../check/baseline.js';
import { FORMATS, type FormatName } from '../check/formatters/index.js';
import { diskPages, lineReader } from '../check/page-text.js';
import { runRules } from '../check/run-check.js';
import { RULES } from '../check/rules/index.js';
import { METADATA_RULE_DESCRIPTIONS, metadataRules } from '../check/metadata/rules.js';
import type { RuleLevel } from '../check/types.js';
import { loadConfig } from './config.js';
import { unknownRuleId } from '../check/rule-ids.js';
import { DEFAULT_CACHE_DIR, type CommonOptions } from './options.js';
import { writeAtomic } from '../pipeline/write-atomic.js';
import { lockCache } from './run-lock.js';
import { metadataByVersion, readMetadata } from './metadata-option.js';
import { changedSince } from './changed-since.js';
import { onChangedLines } from '../check/changed-lines.js';

export interface CheckOptions extends Omit<CommonOptions, 'input'> {
  input?: string;
  format?: string;
  /** A file, or true for the default file. */
  baseline?: string | boolean;
  updateBaseline?: boolean;
  maxWarnings?: number;
  /** `id=level` settings. */
  rule?: string[];
  /** `[version=]FILE`: the service's CSDL to compare the docs with. */
  metadata?: string[];
  /** A git revision: only findings on lines changed since it. */
  changedSince?: string;
  /** Cache folder for page facts (relative to the working folder); false with --no-cache. */
  cache?: string | false;
  /** A config file instead of docs2ts.config.json. */
  config?: string;
  /** The folder links leaving the input are checked against (else config `linkRoot`). */
  linkRoot?: string;
}

export interface CheckIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/** The working folder when the command runs, not when this module loaded: `main` may run many times in one process. */
const defaultIo: CheckIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  get cwd() {
    return process.cwd();
  },
};

export async function runCheck(options: CheckOptions, io: CheckIo = defaultIo): Promise<number> {
  const started = performance.now();
  const format = (options.format ?? 'text') as FormatName;
  if (!(format in FORMATS)) throw new UsageError(`--format ${format} is not a format: use ${Object.keys(FORMATS).join(', ')}`);
  const checked = await checkInput(options, io.cwd);
  const { input, build, result, pages } = checked;
  for (const error of result.internalErrors) io.stderr(`docs2ts: internal error in rule ${error.ruleId}: ${options.debug ? error.message : error.message.split('\n')[0]}\n`);
  const crashed = result.findings.filter((f) => f.ruleId === 'internal-error');

  const baselineFile = typeof options.baseline === 'string' ? options.baseline : DEFAULT_BASELINE;
  if (options.updateBaseline) {
    await writeAtomic(path.resolve(io.cwd, baselineFile), serializeBaseline(baselineOf(result.findings)));
    if (!options.quiet) io.stderr(`wrote ${result.findings.length} findings to ${baselineFile}\n`);
    return result.internalErrors.length || crashed.length ? 2 : 0;
  }
  let findings = checked.findings;
  let baselined = 0;
  if (options.baseline) {
    const applied = applyBaseline(findings, await readBaseline(path.resolve(io.cwd, baselineFile), baselineFile));
    findings = applied.fresh;
    baselined = applied.baselined;
  }
  io.stdout(FORMATS[format]({ findings, rules: result.rules, input, baselined, toolVersion: GENERATOR_VERSION, sourceLine: lineReader(pages) }));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (!options.quiet) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stderr(`checked ${build.model.pages.total} pages in ${seconds} s: ${errors} errors, ${warnings} warnings${baselined ? `, ${baselined} in the baseline` : ''}\n`);
  }
  if (result.internalErrors.length || crashed.length) return 2;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    if (!options.quiet) io.stderr(`docs2ts: ${warnings} warnings is more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The rules over the input, as the command and the programmatic API (`generator/index.ts`) run them. */
export async function checkInput(options: CheckOptions, cwd: string) {
  const config = await loadConfig(cwd, options.config);
  const input = options.input ?? config.input ?? 'docs-input';
  const levels = { ...config.rules, ...parseRuleSettings(options.rule ?? []) };
  const metadata = await readMetadata(options.metadata ?? [], cwd);
  const given = options.linkRoot ?? config.linkRoot;
  const linkRoot = given === undefined ? undefined : await folder(path.resolve(cwd, given), given);
  const changed = options.changedSince === undefined ? undefined : await changedSince(input, options.changedSince, cwd);
  const cacheDir = options.cache === false ? null : path.resolve(cwd, options.cache ?? DEFAULT_CACHE_DIR);
  // Locked as `model` locks it: the run writes the facts cache.
  const release = await lockCache(cacheDir, options.quiet);
  const build = await buildModel(path.resolve(cwd, input), {
    ...(options.workers ? { workers: options.workers } : {}),
    ...(cacheDir === null ? {} : { cacheDir }),
  }).finally(release);
  const pages = diskPages(path.resolve(cwd, input));
  const result = runRules(build, pages, {
    levels,
    ...(linkRoot === undefined ? {} : { links: { input: path.resolve(cwd, input), root: linkRoot } }),
    ...(metadata.length ? { extraRules: metadataRules(metadataByVersion(metadata, build.model.apiVersions)) } : {}),
    ...(config.ignoreFiles ? { ignoreFiles: config.ignoreFiles } : {}),
    ...(config.ignore ? { ignore: config.ignore } : {}),
  });
  // `--changed-since`: the findings on lines changed since the revision (all of a new file); `result` keeps them all.
  const findings = changed ? onChangedLines(result.findings, changed) : result.findings;
  return { input, build, result, findings, pages };
}

/** An existing folder (the link root), else a usage error naming it. */
async function folder(absolute: string, given: string): Promise<string> {
  const found = await stat(absolute).catch(() => null);
  if (!found?.isDirectory()) throw new UsageError(`--link-root ${given}: not a folder; name the folder links leaving the input point into (a checkout of the whole docs)`);
  return absolute;
}

/** `id=level` pairs from `--rule`. */
export function parseRuleSettings(settings: readonly string[]): Record<string, RuleLevel> {
  const out: Record<string, RuleLevel> = {};
  for (const setting of settings) {
    const match = /^([^=]+)=(off|warn|error)$/.exec(setting.trim());
    if (!match) throw new UsageError(`--rule ${setting}: write --rule <rule-id>=off|warn|error`);
    const unknown = unknownRuleId(match[1]!);
    if (unknown) throw new UsageError(`--rule ${setting}: ${unknown.problem}; ${unknown.fix}`);
    out[match[1]!] = match[2] as RuleLevel;
  }
  return out;
}

/** The rule list `docs2ts check --help` ends with. */
export function ruleHelp(): string {
  const lines = [...Object.values(RULES), ...Object.entries(METADATA_RULE_DESCRIPTIONS).map(([id, description]) => ({ id, defaultLevel: 'error', description }))].map(
    (rule) => `  ${rule.id.padEnd(30)} ${rule.defaultLevel.padEnd(5)}  ${rule.description}`,
  );
  return `\nRules (id, default level, what it checks); extraction diagnostics (table-malformed, ...) are reported under their own codes:\n${lines.join('\n')}\n`;
}
