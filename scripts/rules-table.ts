/**
 * The rule table of generator/check/README.md, written from the rule files
 * (id, default level, description, why the level is not `error`) between the
 * `rules-table` markers. `npm run rules-table` rewrites it; test/check/rules-table.test.ts
 * fails when the README's table is not what this script writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../generator/check/rules/index.js';

export const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../generator/check/README.md');
const START = '<!-- rules-table:start (npm run rules-table writes this table from the rule files) -->';
const END = '<!-- rules-table:end -->';

/** The table, one row per rule in registry order. */
export function rulesTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = Object.values(RULES).map((rule) => `| ${rule.id} | ${rule.defaultLevel} | ${cell(rule.description)} | ${cell(rule.levelReason ?? '')} |`);
  return ['| rule | default level | what it checks | why not `error` |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by the table; throws when a marker is missing. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${README} has no ${START} ... ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${rulesTable()}\n${readme.slice(end)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const before = readFileSync(README, 'utf8');
  const after = withRulesTable(before);
  if (after !== before) writeFileSync(README, after);
  console.log(after === before ? `${README}: rule table up to date` : `${README}: rule table written`);
}
