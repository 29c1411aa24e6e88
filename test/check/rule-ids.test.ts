/** Unknown rule ids on the command line or in the config are usage errors (exit 2) with a did-you-mean. */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRuleSettings, runCheck } from '../../generator/cli/check-command.js';
import { loadConfig } from '../../generator/cli/config.js';
import { main } from '../../generator/cli/main.js';
import { EXTRACTION_CODES } from '../../generator/check/extraction-codes.js';
import { KNOWN_RULE_IDS, unknownRuleId } from '../../generator/check/rule-ids.js';
import { UsageError } from '../../generator/parse/input.js';
import { repoRoot } from '../helpers/corpus.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
  vi.restoreAllMocks();
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-rule-ids-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('--rule', () => {
  it('exits 2 on an unknown rule id, naming it on one line', async () => {
    const dir = folder({ 'docs/v1.0/resources/widget.md': '# widget resource type\n' });
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => ((stderr += String(text)), true));
    expect(await main(['check', '--input', path.join(dir, 'docs'), '--rule', 'nosuch=off', '--quiet', '--no-cache'])).toBe(2);
    expect(stderr.trim().split('\n')).toEqual(['docs2ts: --rule nosuch=off: unknown rule `nosuch`; use a rule id; docs2ts check --help lists them']);
  });

  it.each([
    ['link-brokn=off', 'did you mean `link-broken`?'],
    ['metadata-type-mising=warn', 'did you mean `metadata-type-missing`?'],
    ['table-malfomed=off', 'did you mean `table-malformed`?'],
  ])('suggests the nearest id for %s', (setting, hint) => {
    expect(() => parseRuleSettings([setting])).toThrow(UsageError);
    expect(() => parseRuleSettings([setting])).toThrow(hint);
  });

  it('accepts rule ids, metadata rule ids and extraction codes', () => {
    expect(parseRuleSettings(['link-broken=warn', 'metadata-property-undocumented=off', 'table-malformed=error'])).toEqual({
      'link-broken': 'warn',
      'metadata-property-undocumented': 'off',
      'table-malformed': 'error',
    });
  });
});

describe('config', () => {
  it.each([
    ['{ "rules": { "nosuch": "off" } }', 'docs2ts.config.json: `rules` names unknown rule `nosuch`; use a rule id; docs2ts check --help lists them'],
    ['{ "ignore": [{ "rule": "nosuch", "file": "*.md" }] }', 'docs2ts.config.json: `ignore[0]` names unknown rule `nosuch`'],
    ['{ "rules": { "metadata-enum-mismach": "off" } }', '(did you mean `metadata-enum-mismatch`?)'],
  ])('rejects %s', async (text, message) => {
    const dir = folder({ 'docs2ts.config.json': text });
    await expect(loadConfig(dir)).rejects.toThrow(UsageError);
    await expect(loadConfig(dir)).rejects.toThrow(message);
  });

  it('stops the check before it reads a page when the config names an unknown rule', async () => {
    const dir = folder({ 'docs/v1.0/resources/widget.md': '# widget resource type\n', 'docs2ts.config.json': '{ "rules": { "nosuch": "off" } }' });
    const io = { stdout: () => {}, stderr: () => {}, cwd: dir };
    await expect(runCheck({ input: 'docs', workers: 1, cache: false }, io)).rejects.toThrow('`rules` names unknown rule `nosuch`');
  });
});

describe('the list of known ids', () => {
  /** Codes passed as string literals to `report(...)` or `diagnostic(...)` in the stages before check. */
  function reportedCodes(): Set<string> {
    const codes = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    for (const file of ['parse', 'extract', 'model', 'pipeline'].flatMap((stage) => walk(path.join(repoRoot, 'generator', stage)))) {
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['report', 'diagnostic'].includes(node.expression.text)) {
          for (const arg of node.arguments) if (ts.isStringLiteral(arg) && /^[a-z]+(-[a-z0-9]+)+$/.test(arg.text)) codes.add(arg.text);
        }
        ts.forEachChild(node, visit);
      };
      visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest));
    }
    return codes;
  }

  it('holds every code the extraction stages report, and no other', () => {
    const reported = reportedCodes();
    expect(reported.size).toBeGreaterThan(40);
    expect([...reported].sort()).toEqual([...EXTRACTION_CODES].sort());
  });

  it('knows each id once, sorted', () => {
    expect(KNOWN_RULE_IDS).toEqual([...new Set(KNOWN_RULE_IDS)].sort());
    expect(unknownRuleId('example-odata-type')).toBeUndefined();
    expect(unknownRuleId('Link-Broken')).toEqual({ problem: 'unknown rule `Link-Broken`', fix: 'use a rule id (did you mean `link-broken`?); docs2ts check --help lists them' });
  });
});
