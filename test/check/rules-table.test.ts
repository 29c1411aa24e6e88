/**
 * generator/check/README.md's rule table is the one scripts/rules-table.ts
 * writes from the rule files (run `npm run rules-table` when this fails), and
 * the hand-kept corpus table names the same rules at the same levels.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../generator/check/rules/index.js';
import { README, rulesTable, withRulesTable } from '../../scripts/rules-table.js';

const readme = readFileSync(README, 'utf8');

describe('the rule table of generator/check/README.md', () => {
  it('is what npm run rules-table writes', () => {
    expect(readme).toBe(withRulesTable(readme));
  });

  it('has a row per rule with its level and description', () => {
    const rows = rulesTable().split('\n').slice(2);
    expect(rows).toHaveLength(Object.keys(RULES).length);
    expect(rows).toContain('| link-broken | error | Relative links point at headings that exist, not at a misspelt page of the input; pages the input lacks are checked only against a `linkRoot` folder. |  |');
  });

  it('says where the markers are missing instead of writing a half table', () => {
    expect(() => withRulesTable('# no table here\n')).toThrow(/markers/);
  });

  it('has corpus figures for the same rules at the same levels', () => {
    const corpus = readme.slice(readme.indexOf('## Real corpus'));
    const levels = Object.fromEntries([...corpus.matchAll(/^\| ([a-z-]+) \| (error|warn|off) \|/gm)].map((m) => [m[1], m[2]]));
    expect(levels).toEqual(Object.fromEntries(Object.values(RULES).map((rule) => [rule.id, rule.defaultLevel])));
  });
});
