/**
 * The project config: `docs2ts.config.json` in the working directory, or a
 * `docs2ts` key in its package.json. Sets input, output, rule levels and
 * ignores. A bad config is a usage error naming the file and the fix.
 *
 *   {
 *     "input": "docs",
 *     "output": "generated",
 *     "rules": { "type-unresolved": "off", "link-broken": "warn" },
 *     "ignore": ["beta/**", { "rule": "section-missing", "file": "v1.0/api/legacy-*.md" }]
 *   }
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../parse/input.js';
import { closest } from '../check/did-you-mean.js';
import { unknownRuleId } from '../check/rule-ids.js';
import type { RuleLevel } from '../check/types.js';

export const CONFIG_FILE = 'docs2ts.config.json';

export interface Docs2tsConfig {
  input?: string;
  output?: string;
  /** Level by rule id or extraction diagnostic code. */
  rules?: Record<string, RuleLevel>;
  /** Input-relative file globs to skip entirely. */
  ignoreFiles?: string[];
  /** Rule + file glob pairs to skip. */
  ignore?: { rule: string; file: string }[];
  /** The file the config came from, or null when there is none. */
  source: string | null;
}

const KEYS = ['input', 'output', 'rules', 'ignore'];
const LEVELS: RuleLevel[] = ['off', 'warn', 'error'];

export async function loadConfig(cwd: string = process.cwd()): Promise<Docs2tsConfig> {
  const own = path.join(cwd, CONFIG_FILE);
  const text = await readFile(own, 'utf8').catch(() => undefined);
  if (text !== undefined) return validateConfig(parseJson(text, CONFIG_FILE), CONFIG_FILE);
  const pkg = await readFile(path.join(cwd, 'package.json'), 'utf8').catch(() => undefined);
  if (pkg === undefined) return { source: null };
  const data = parseJson(pkg, 'package.json') as Record<string, unknown> | null;
  const section = data && typeof data === 'object' ? data['docs2ts'] : undefined;
  return section === undefined ? { source: null } : validateConfig(section, 'package.json (key "docs2ts")');
}

export function validateConfig(data: unknown, source: string): Docs2tsConfig {
  const fail = (problem: string, fix: string): never => {
    throw new UsageError(`${source}: ${problem}; ${fix}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('the config is not a JSON object', `write { "rules": { ... } } or remove it`);
  const config: Docs2tsConfig = { source };
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KEYS.includes(key)) fail(`unknown key \`${key}\``, `use ${KEYS.join(', ')}${hint(key, KEYS)}`);
  }
  for (const key of ['input', 'output'] as const) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') fail(`\`${key}\` is ${JSON.stringify(value)}`, `set it to a folder path string`);
    config[key] = value as string;
  }
  if (record['rules'] !== undefined) {
    const rules = record['rules'];
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) fail('`rules` is not an object', 'write { "rule-id": "off" | "warn" | "error" }');
    config.rules = {};
    for (const [id, level] of Object.entries(rules as Record<string, unknown>)) {
      checkRuleId(id, (problem, fix) => fail(`\`rules\` names ${problem}`, fix));
      if (!LEVELS.includes(level as RuleLevel)) fail(`\`rules.${id}\` is ${JSON.stringify(level)}`, `use "off", "warn" or "error"`);
      config.rules[id] = level as RuleLevel;
    }
  }
  if (record['ignore'] !== undefined) {
    const ignore = record['ignore'];
    if (!Array.isArray(ignore)) fail('`ignore` is not a list', 'write ["glob", { "rule": "id", "file": "glob" }]');
    config.ignoreFiles = [];
    config.ignore = [];
    (ignore as unknown[]).forEach((entry, i) => {
      if (typeof entry === 'string' && entry.trim() !== '') config.ignoreFiles!.push(entry);
      else if (entry && typeof entry === 'object' && typeof (entry as { rule?: unknown }).rule === 'string' && typeof (entry as { file?: unknown }).file === 'string') {
        const { rule, file } = entry as { rule: string; file: string };
        checkRuleId(rule, (problem, fix) => fail(`\`ignore[${i}]\` names ${problem}`, fix));
        config.ignore!.push({ rule, file });
      } else fail(`\`ignore[${i}]\` is ${JSON.stringify(entry)}`, 'write a file glob string or { "rule": "id", "file": "glob" }');
    });
  }
  return config;
}

/** A rule id, a metadata rule id or an extraction diagnostic code (`table-malformed`); anything else fails with a did-you-mean. */
export function checkRuleId(id: string, fail: (problem: string, fix: string) => never): void {
  const unknown = unknownRuleId(id);
  if (unknown) fail(unknown.problem, unknown.fix);
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
