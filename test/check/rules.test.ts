/**
 * Every rule's fixtures, beside the rule (generator/check/rules/<id>/): each
 * case folder is a small docs input, checked as `docs2ts check` checks one
 * (discover pages, build the model, run the rule). An `ok` case has no finding;
 * a `not-ok` case has exactly the lines of its `expected.txt`
 * (`file:line:column: message`, file relative to the case folder, then
 * ` (see file:line:column, ...)` when the finding rests on other spots). A case may
 * hold `settings.json` with rule levels (`{ "levels": { "<id>": "warn" } }`),
 * e.g. to turn on a rule that is off by default; without it the rule runs at
 * its default level, so an off rule reports nothing. `"linkRoot": "."` sets the
 * link root (`--link-root`) to a folder relative to the case folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskPages } from '../../generator/check/page-text.js';
import { runRules, type CheckSettings } from '../../generator/check/run-check.js';
import { RULE_IDS, type RuleId } from '../../generator/check/types.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';

const rulesDir = path.join(repoRoot, 'generator/check/rules');
const KINDS = ['ok', 'not-ok'] as const;

function folders(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
}

async function findingLines(caseDir: string, rule: RuleId): Promise<string[]> {
  const build = await buildModel(caseDir, { workers: 1 });
  const result = runRules(build, diskPages(caseDir), { ...settingsOf(caseDir), only: [rule] });
  expect(result.internalErrors).toEqual([]);
  return result.findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message}${f.related ? ` (see ${f.related.map((s) => `${s.file}:${s.line}:${s.column}`).join(', ')})` : ''}`);
}

function settingsOf(caseDir: string): CheckSettings {
  const file = path.join(caseDir, 'settings.json');
  if (!existsSync(file)) return {};
  const { levels, linkRoot, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Pick<CheckSettings, 'levels'> & { linkRoot?: string };
  expect(Object.keys(rest)).toEqual([]);
  return { ...(levels ? { levels } : {}), ...(linkRoot ? { links: { input: caseDir, root: path.resolve(caseDir, linkRoot) } } : {}) };
}

function expectedLines(caseDir: string): string[] {
  const file = path.join(caseDir, 'expected.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((line) => line !== '') : [];
}

describe('rule fixtures', () => {
  it('has a fixture folder for every rule and no other', () => {
    expect(folders(rulesDir)).toEqual([...RULE_IDS].sort());
  });

  for (const rule of RULE_IDS) {
    describe(rule, () => {
      for (const kind of KINDS) {
        const cases = folders(path.join(rulesDir, rule, kind));
        it(`has ${kind} cases`, () => expect(cases.length).toBeGreaterThan(0));
        for (const name of cases) {
          const caseDir = path.join(rulesDir, rule, kind, name);
          it(`${kind}: ${name}`, async () => {
            const expected = expectedLines(caseDir);
            if (kind === 'ok') expect(expected).toEqual([]);
            else expect(expected.length).toBeGreaterThan(0);
            expect(await findingLines(caseDir, rule)).toEqual(expected);
          });
        }
      }
    });
  }
});
