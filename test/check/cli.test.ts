/** `docs2ts check` end to end on small inputs in a temporary folder: exit codes, baselines, config. */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCheck, type CheckOptions } from '../../generator/cli/check-command.js';
import { loadConfig } from '../../generator/cli/config.js';
import { main } from '../../generator/cli/main.js';
import * as api from '../../generator/index.js';
import { UsageError } from '../../generator/parse/input.js';
import { generate } from '../../generator/pipeline/generate.js';
import { resourcePage } from './pages.js';

const CLEAN = resourcePage('widget', { rows: ['|id|String|Identifier.|', '|displayName|String|Name.|'], json: '{\n  "id": "String",\n  "displayName": "String"\n}' });
/** One error (a JSON key no table lists). */
const ONE_ERROR = CLEAN.replace('"displayName": "String"', '"displayName": "String",\n  "colour": "String"');
/** One warning (a type no page documents). */
const ONE_WARNING = CLEAN.replace('|displayName|String|Name.|', '|displayName|String|Name.|\n|shape|shape|Shape.|').replace('"displayName": "String"', '"displayName": "String",\n  "shape": {}');

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function project(pages: Record<string, string>, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-check-'));
  dirs.push(dir);
  for (const [file, text] of Object.entries({ ...Object.fromEntries(Object.entries(pages).map(([f, t]) => [`docs/${f}`, t])), ...files })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function check(cwd: string, options: CheckOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCheck({ input: 'docs', workers: 1, ...options }, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

describe('exit codes', () => {
  it('is 0 when clean', async () => {
    expect((await check(project({ 'v1.0/resources/widget.md': CLEAN }))).code).toBe(0);
  });

  it('is 1 on an error finding', async () => {
    const { code, stdout } = await check(project({ 'v1.0/resources/widget.md': ONE_ERROR }));
    expect(code).toBe(1);
    expect(stdout).toContain('table-json-mismatch');
  });

  it('is 0 on warnings, 1 past --max-warnings', async () => {
    const dir = project({ 'v1.0/resources/widget.md': ONE_WARNING });
    expect((await check(dir)).code).toBe(0);
    expect((await check(dir, { maxWarnings: 1 })).code).toBe(0);
    expect((await check(dir, { maxWarnings: 0 })).code).toBe(1);
  });

  it('reads facts from the cache when warm, with the same findings, and after an edit sees the edit', async () => {
    const dir = project({ 'v1.0/resources/widget.md': ONE_ERROR });
    const cold = await check(dir, { format: 'json' });
    const packs = readFileSync(path.join(dir, '.docs2ts-cache/facts/facts.pack'));
    expect(packs.length).toBeGreaterThan(0);
    const details = readFileSync(path.join(dir, '.docs2ts-cache/facts/facts.detail.pack'));
    const warm = await check(dir, { format: 'json' });
    expect(warm.stdout).toBe(cold.stdout);
    expect(readFileSync(path.join(dir, '.docs2ts-cache/facts/facts.pack')).equals(packs)).toBe(true);
    expect(readFileSync(path.join(dir, '.docs2ts-cache/facts/facts.detail.pack')).equals(details)).toBe(true);
    writeFileSync(path.join(dir, 'docs/v1.0/resources/widget.md'), CLEAN);
    expect((await check(dir)).code).toBe(0);
    expect((await check(dir, { cache: false })).code).toBe(0);
  });

  it('sees headings, links and JSON representations in facts that generate cached (generate itself reads only their core)', async () => {
    const page = ONE_ERROR.replace('## Properties', 'See [the gadget](widget.md#gadget) and [below](#nowhere), not [the properties](#properties).\n\n## Properties');
    const dir = project({ 'v1.0/resources/widget.md': page });
    const packs = () => ['facts.pack', 'facts.detail.pack'].map((file) => readFileSync(path.join(dir, '.docs2ts-cache/facts', file)));
    await generate({ input: path.join(dir, 'docs'), out: path.join(dir, 'out'), cacheDir: path.join(dir, '.docs2ts-cache'), workers: 1 });
    const filled = packs();
    const warm = await check(dir, { format: 'json' });
    // Nothing extracted again: the packs are as generate left them.
    expect(packs()).toEqual(filled);
    expect(warm.stdout).toBe((await check(dir, { format: 'json', cache: false })).stdout);
    const rules = (JSON.parse(warm.stdout) as { ruleId: string; message: string }[]).map((f) => `${f.ruleId}: ${f.message}`);
    expect(rules.filter((r) => r.startsWith('link-broken'))).toHaveLength(2);
    expect(rules.filter((r) => r.startsWith('table-json-mismatch'))).toHaveLength(1);
  });

  it('follows --rule levels', async () => {
    const dir = project({ 'v1.0/resources/widget.md': ONE_ERROR });
    expect((await check(dir, { rule: ['table-json-mismatch=warn'] })).code).toBe(0);
    expect((await check(dir, { rule: ['table-json-mismatch=off'], format: 'json' })).stdout).toBe('[]\n');
  });

  it('is 2 on usage errors', async () => {
    const dir = project({ 'v1.0/resources/widget.md': CLEAN });
    await expect(check(dir, { rule: ['table-json-mismatch=loud'] })).rejects.toThrow(UsageError);
    await expect(check(dir, { rule: ['table-json-mismach=off'] })).rejects.toThrow(/did you mean `table-json-mismatch`/);
    await expect(check(dir, { baseline: 'missing.json' })).rejects.toThrow(/baseline missing.json cannot be read/);
    expect(await main(['check', '--input', path.join(dir, 'nope'), '--quiet'])).toBe(2);
    expect(await main(['check', '--input', path.join(dir, 'docs'), '--format', 'xml', '--quiet'])).toBe(2);
    expect(await main(['check', '--input', path.join(dir, 'docs'), '--max-warnings', '-1', '--quiet'])).toBe(2);
  });

  it('is 0 through main on a clean input', async () => {
    const dir = project({ 'v1.0/resources/widget.md': CLEAN });
    expect(await main(['check', '--input', path.join(dir, 'docs'), '--quiet', '--format', 'json', '--workers', '1'])).toBe(0);
  });
});

describe('baseline', () => {
  it('adopts today’s findings, then fails only on a new one', async () => {
    const dir = project({ 'v1.0/resources/widget.md': ONE_ERROR, 'v1.0/resources/gadget.md': ONE_ERROR.replace(/widget/g, 'gadget') });
    const adopted = await check(dir, { updateBaseline: true });
    expect(adopted.code).toBe(0);
    const baseline = JSON.parse(readFileSync(path.join(dir, 'docs2ts-baseline.json'), 'utf8'));
    expect(baseline.findings).toHaveLength(2);

    expect((await check(dir, { baseline: true })).code).toBe(0);

    // Lines added above the old finding keep its fingerprint; one new problem is all that fails.
    const page = path.join(dir, 'docs/v1.0/resources/widget.md');
    const edited = ONE_ERROR.replace('Represents a widget.', 'Represents a widget.\n\nMore words.\n\nAnd more.').replace('"colour": "String"', '"colour": "String",\n  "weight": 1');
    writeFileSync(page, edited);
    const after = await check(dir, { baseline: true, format: 'json' });
    expect(after.code).toBe(1);
    const findings = JSON.parse(after.stdout);
    expect(findings.map((f: { message: string }) => f.message)).toEqual(['Unexpected `weight` in the JSON representation, expected a property the tables list']);
    expect(after.stderr).toContain('2 in the baseline');

    writeFileSync(page, edited.replace(',\n  "weight": 1', ''));
    expect((await check(dir, { baseline: true })).code).toBe(0);
    expect((await check(dir)).code).toBe(1);
  });

  it('writes and reads a named baseline file', async () => {
    const dir = project({ 'v1.0/resources/widget.md': ONE_ERROR });
    expect((await check(dir, { updateBaseline: true, baseline: 'ci/base.json' })).code).toBe(0);
    expect((await check(dir, { baseline: 'ci/base.json' })).code).toBe(0);
  });
});

describe('config', () => {
  it('reads docs2ts.config.json: input, rule levels and ignores', async () => {
    const config = { input: 'docs', rules: { 'table-json-mismatch': 'warn' }, ignore: ['beta/**', { rule: 'type-unresolved', file: 'v1.0/resources/*.md' }] };
    const dir = project({ 'v1.0/resources/widget.md': ONE_ERROR, 'v1.0/resources/shape.md': ONE_WARNING.replace(/widget/g, 'shape2'), 'beta/resources/widget.md': ONE_ERROR }, { 'docs2ts.config.json': JSON.stringify(config) });
    const loaded = await loadConfig(dir);
    expect(loaded).toMatchObject({ input: 'docs', rules: { 'table-json-mismatch': 'warn' }, ignoreFiles: ['beta/**'], source: 'docs2ts.config.json' });
    const { code, stdout } = await check(dir, { input: undefined, format: 'json' });
    expect(code).toBe(0);
    const findings = JSON.parse(stdout) as { ruleId: string; file: string; severity: string }[];
    expect(findings.every((f) => !f.file.startsWith('beta/') && f.ruleId !== 'type-unresolved')).toBe(true);
    expect(findings.filter((f) => f.ruleId === 'table-json-mismatch').map((f) => f.severity)).toEqual(['warning']);
  });

  it('checks links leaving the input against linkRoot (config or --link-root), and not without it', async () => {
    const page = CLEAN.replace('# widget resource type', '# widget resource type\n\nSee [a](../../../includes/a.md) and [b](../../../includes/b.md).');
    const dir = project({ 'v1.0/resources/widget.md': page }, { 'includes/a.md': 'An include.\n' });
    expect((await check(dir)).code).toBe(0);
    const flag = await check(dir, { linkRoot: '.', format: 'json' });
    expect(flag.code).toBe(1);
    expect((JSON.parse(flag.stdout) as { ruleId: string; message: string }[]).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([
      'link-broken: Unexpected link to `../../../includes/b.md` that the link root does not have (`includes/b.md`), expected a page under the link root (did you mean `a.md`?)',
    ]);
    writeFileSync(path.join(dir, 'docs2ts.config.json'), JSON.stringify({ input: 'docs', linkRoot: '.' }));
    expect(await loadConfig(dir)).toMatchObject({ linkRoot: '.' });
    expect((await check(dir, { input: undefined })).code).toBe(1);
    await expect(check(dir, { linkRoot: 'nowhere' })).rejects.toThrow('--link-root nowhere: not a folder');
    // The programmatic check takes it as an option too.
    rmSync(path.join(dir, 'docs2ts.config.json'));
    expect((await api.check({ cwd: dir, input: 'docs', workers: 1, cache: false })).findings).toEqual([]);
    const viaApi = await api.check({ cwd: dir, input: 'docs', linkRoot: '.', workers: 1, cache: false });
    expect(viaApi.findings.map((f) => f.ruleId)).toEqual(['link-broken']);
  });

  it('reads an input outside the link root (a copy of some pages) as if its folders were the link root\'s', async () => {
    const page = CLEAN.replace('# widget resource type', '# widget resource type\n\nSee [part](part.md) and [group](group.md).');
    const dir = project({ 'v1.0/resources/widget.md': page }, { 'full/v1.0/resources/part.md': '# part\n' });
    expect((await check(dir)).code).toBe(0);
    const { code, stdout } = await check(dir, { linkRoot: 'full', format: 'json' });
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { message: string; line: number; column: number }[]).map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '8:33 Unexpected link to `group.md` that the link root does not have (`v1.0/resources/group.md`), expected a page under the link root',
    ]);
  });

  it('reads the docs2ts key of package.json', async () => {
    const dir = project({}, { 'package.json': JSON.stringify({ name: 'x', docs2ts: { rules: { 'link-broken': 'off' } } }) });
    expect(await loadConfig(dir)).toEqual({ rules: { 'link-broken': 'off' }, source: 'package.json (key "docs2ts")' });
  });

  it('has no config when there is neither', async () => {
    expect(await loadConfig(project({}))).toEqual({ source: null });
  });

  it.each([
    ['{ "rulez": {} }', 'docs2ts.config.json: unknown key `rulez`; use input, output, include, exclude, versions, emit, openTypes, rules, ignore, linkRoot (did you mean `rules`?)'],
    ['{ "rules": { "link-broken": "warning" } }', 'docs2ts.config.json: `rules.link-broken` is "warning"; use "off", "warn" or "error"'],
    ['{ "rules": { "link-brokn": "off" } }', 'docs2ts.config.json: `rules` names unknown rule `link-brokn`; use a rule id (did you mean `link-broken`?); docs2ts check --help lists them'],
    ['{ "ignore": [3] }', 'docs2ts.config.json: `ignore[0]` is 3; write a file glob string or { "rule": "id", "file": "glob" }'],
    ['{ "input": ', 'docs2ts.config.json: not valid JSON'],
  ])('rejects %s with a one-line fix', async (text, message) => {
    const dir = project({}, { 'docs2ts.config.json': text });
    await expect(loadConfig(dir)).rejects.toThrow(UsageError);
    await expect(loadConfig(dir)).rejects.toThrow(message);
  });
});
