/**
 * The project config: `docs2ts.config.json` in the working directory, a
 * `docs2ts` key in its package.json, or the file `--config` names. Sets input,
 * output, the slice and what is emitted (`generate`, `model`), rule levels and
 * ignores (`check`). A bad config is a usage error naming the file, the key
 * and the fix. Paths in a file named by `--config` are relative to its folder.
 *
 *   {
 *     "input": "docs",
 *     "output": "generated",
 *     "include": ["/users/{id}/messages/**", "/me/sendMail#POST"],
 *     "versions": ["v1.0"],
 *     "emit": ["models", "validators", "client"],
 *     "openTypes": "closed",
 *     "rules": { "type-unresolved": "off", "link-broken": "warn" },
 *     "ignore": ["beta/**", { "rule": "section-missing", "file": "v1.0/api/legacy-*.md" }]
 *   }
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../parse/input.js';
import { closest } from '../check/did-you-mean.js';
import type { RuleLevel } from '../check/types.js';
import { parsePathPattern, type PathPattern } from '../model/path-pattern.js';
import { EMIT_KINDS, OPEN_TYPE_POLICIES, type EmitKind } from '../pipeline/output-options.js';
import type { OpenTypes } from '../emit/emitter.js';

export const CONFIG_FILE = 'docs2ts.config.json';

export interface Docs2tsConfig {
  input?: string;
  output?: string;
  /** Level by rule id or extraction diagnostic code. */
  rules?: Record<string, RuleLevel>;
  /** `check`: the folder links leaving the input are checked against (unset: not checked). */
  linkRoot?: string;
  /** Input-relative file globs to skip entirely. */
  ignoreFiles?: string[];
  /** Rule + file glob pairs to skip. */
  ignore?: { rule: string; file: string }[];
  /** Path patterns (`model/path-pattern.ts`) of the operations to generate, and of those to leave out. */
  include?: PathPattern[];
  exclude?: PathPattern[];
  versions?: string[];
  emit?: EmitKind[];
  openTypes?: OpenTypes;
  /** The file the config came from, or null when there is none. */
  source: string | null;
}

const KEYS = ['input', 'output', 'include', 'exclude', 'versions', 'emit', 'openTypes', 'rules', 'ignore', 'linkRoot'];
const LEVELS: RuleLevel[] = ['off', 'warn', 'error'];

export async function loadConfig(cwd: string = process.cwd(), file?: string): Promise<Docs2tsConfig> {
  if (file !== undefined) {
    const named = await readFile(path.resolve(cwd, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--config ${file}: cannot be read (${error.code ?? String(error)}); name an existing JSON file`);
    });
    return relativeTo(path.dirname(path.resolve(cwd, file)), cwd, await validateConfig(parseJson(named, file), file));
  }
  const own = path.join(cwd, CONFIG_FILE);
  const text = await readFile(own, 'utf8').catch(() => undefined);
  if (text !== undefined) return validateConfig(parseJson(text, CONFIG_FILE), CONFIG_FILE);
  const pkg = await readFile(path.join(cwd, 'package.json'), 'utf8').catch(() => undefined);
  if (pkg === undefined) return { source: null };
  const data = parseJson(pkg, 'package.json') as Record<string, unknown> | null;
  const section = data && typeof data === 'object' ? data['docs2ts'] : undefined;
  return section === undefined ? { source: null } : validateConfig(section, 'package.json (key "docs2ts")');
}

export async function validateConfig(data: unknown, source: string): Promise<Docs2tsConfig> {
  const fail = (problem: string, fix: string): never => {
    throw new UsageError(`${source}: ${problem}; ${fix}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('the config is not a JSON object', `write { "rules": { ... } } or remove it`);
  const config: Docs2tsConfig = { source };
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KEYS.includes(key)) fail(`unknown key \`${key}\``, `use ${KEYS.join(', ')}${hint(key, KEYS)}`);
  }
  for (const key of ['input', 'output', 'linkRoot'] as const) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') fail(`\`${key}\` is ${JSON.stringify(value)}`, `set it to a folder path string`);
    config[key] = value as string;
  }
  for (const key of ['include', 'exclude'] as const) {
    if (record[key] === undefined) continue;
    config[key] = stringList(record[key], key, fail, 'write ["/users/{id}/messages/**", "/me/sendMail#POST"]').map((text, i) => {
      const pattern = parsePathPattern(text);
      return 'problem' in pattern ? fail(`\`${key}[${i}]\` is ${JSON.stringify(text)}: ${pattern.problem}`, 'see "Selective generation" in the README') : pattern;
    });
  }
  if (record['versions'] !== undefined) config.versions = stringList(record['versions'], 'versions', fail, 'write ["v1.0"] or ["v1.0", "beta"]');
  if (record['emit'] !== undefined) {
    const emit = stringList(record['emit'], 'emit', fail, `write a list of ${EMIT_KINDS.join(', ')}`);
    emit.forEach((kind, i) => (EMIT_KINDS as readonly string[]).includes(kind) || fail(`\`emit[${i}]\` is ${JSON.stringify(kind)}`, `use ${EMIT_KINDS.join(', ')}${hint(kind, [...EMIT_KINDS])}`));
    if (!emit.includes('models')) fail('`emit` leaves out "models"', 'add "models": validators and client import the models');
    config.emit = emit as EmitKind[];
  }
  if (record['openTypes'] !== undefined) {
    const policy = record['openTypes'];
    if (!OPEN_TYPE_POLICIES.includes(policy as OpenTypes)) fail(`\`openTypes\` is ${JSON.stringify(policy)}`, `use ${OPEN_TYPE_POLICIES.map((p) => JSON.stringify(p)).join(' or ')}`);
    config.openTypes = policy as OpenTypes;
  }
  if (record['rules'] !== undefined) {
    const rules = record['rules'];
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) fail('`rules` is not an object', 'write { "rule-id": "off" | "warn" | "error" }');
    config.rules = {};
    for (const [id, level] of Object.entries(rules as Record<string, unknown>)) {
      await checkRuleId(id, (problem, fix) => fail(`\`rules\` names ${problem}`, fix));
      if (!LEVELS.includes(level as RuleLevel)) fail(`\`rules.${id}\` is ${JSON.stringify(level)}`, `use "off", "warn" or "error"`);
      config.rules[id] = level as RuleLevel;
    }
  }
  if (record['ignore'] !== undefined) {
    const ignore = record['ignore'];
    if (!Array.isArray(ignore)) fail('`ignore` is not a list', 'write ["glob", { "rule": "id", "file": "glob" }]');
    const ignoreFiles: string[] = (config.ignoreFiles = []);
    const ignored: { rule: string; file: string }[] = (config.ignore = []);
    for (const [i, entry] of (ignore as unknown[]).entries()) {
      if (typeof entry === 'string' && entry.trim() !== '') ignoreFiles.push(entry);
      else if (entry && typeof entry === 'object' && typeof (entry as { rule?: unknown }).rule === 'string' && typeof (entry as { file?: unknown }).file === 'string') {
        const { rule, file } = entry as { rule: string; file: string };
        await checkRuleId(rule, (problem, fix) => fail(`\`ignore[${i}]\` names ${problem}`, fix));
        ignored.push({ rule, file });
      } else fail(`\`ignore[${i}]\` is ${JSON.stringify(entry)}`, 'write a file glob string or { "rule": "id", "file": "glob" }');
    }
  }
  return config;
}

/**
 * A rule id, a metadata rule id or an extraction diagnostic code (`table-malformed`); anything else fails with a
 * did-you-mean. The rules are loaded only here (50 ms), for a config that names one: `generate` never needs them.
 */
async function checkRuleId(id: string, fail: (problem: string, fix: string) => never): Promise<void> {
  const unknown = (await import('../check/rule-ids.js')).unknownRuleId(id);
  if (unknown) fail(unknown.problem, unknown.fix);
}

/** A non-empty list of non-empty strings, else a usage error naming the key. */
function stringList(value: unknown, key: string, fail: (problem: string, fix: string) => never, fix: string): string[] {
  if (!Array.isArray(value) || value.length === 0) return fail(`\`${key}\` is ${JSON.stringify(value)}`, fix);
  value.forEach((item, i) => (typeof item === 'string' && item.trim() !== '') || fail(`\`${key}[${i}]\` is ${JSON.stringify(item)}`, fix));
  return value as string[];
}

/** A config read from another folder: its input and output paths made relative to the working folder. */
function relativeTo(dir: string, cwd: string, config: Docs2tsConfig): Docs2tsConfig {
  const rebase = (p: string | undefined) => (p === undefined ? undefined : path.relative(cwd, path.resolve(dir, p)) || '.');
  const input = rebase(config.input);
  const output = rebase(config.output);
  const linkRoot = rebase(config.linkRoot);
  return { ...config, ...(input === undefined ? {} : { input }), ...(output === undefined ? {} : { output }), ...(linkRoot === undefined ? {} : { linkRoot }) };
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source}: not valid JSON (${(error as Error).message}); fix the syntax or remove the file`);
  }
}

function hint(name: string, names: string[]): string {
  const near = closest(name, names);
  return near ? ` (did you mean \`${near}\`?)` : '';
}
