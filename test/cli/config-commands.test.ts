/**
 * Every command reads `docs2ts.config.json` through the one loader
 * (`cli/config.ts`), through the compiled command line: a bad config (not
 * JSON, an unknown key, a value of the wrong type, in the file or in
 * package.json) is exit 2 with one line naming the file and the problem, and
 * nothing is written; `input` and `output` are honoured by generate and model,
 * and command-line flags win over them. One refusal runs as a whole process
 * (its exit code and stderr); the others, and the runs that write, go through
 * the CLI's `main` in this process (`cliInProcess`), which `bin/docs2ts.js` calls.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../generator/pipeline/output-owner.js';
import { built, cli, cliInProcess, SEEDS } from '../helpers/cli.js';

const SLOW = { timeout: 120_000 };

describe.skipIf(!built)('docs2ts.config.json, read the same by every command (compiled CLI)', () => {
  let work: string;
  const config = (text: string) => writeFileSync(path.join(work, 'docs2ts.config.json'), text);

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-config-'));
    cpSync(SEEDS, path.join(work, 'pages'), { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"input": ', /^docs2ts: docs2ts\.config\.json: not valid JSON \(.*\); fix the syntax or remove the file$/],
    ['an unknown key', '{"inputs": "pages"}', /^docs2ts: docs2ts\.config\.json: unknown key `inputs`; use input, output, include, exclude, versions, emit, openTypes, rules, ignore, linkRoot \(did you mean `input`\?\)$/],
    ['a value of the wrong type', '{"output": 3}', /^docs2ts: docs2ts\.config\.json: `output` is 3; set it to a folder path string$/],
  ];
  const commands: [string, string[]][] = [
    ['generate', ['generate', '-i', 'pages']],
    ['generate --check', ['generate', '-i', 'pages', '--check']],
    ['model', ['model', '-i', 'pages', '-o', 'model.json']],
    ['check', ['check', '-i', 'pages']],
    ['diff', ['diff', '-i', 'pages', '--base', 'pages']],
  ];

  const nothingWritten = () => {
    for (const file of ['generated', 'model.json', '.docs2ts-cache']) expect(existsSync(path.join(work, file))).toBe(false);
  };

  it('a bad config refused by a whole process: exit 2, one line, nothing written', SLOW, () => {
    config(bad[0]![1]);
    const run = cli(work, 'generate', '-i', 'pages');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(bad[0]![2])]);
    expect(run.status).toBe(2);
    nothingWritten();
  });

  describe.each(commands)('%s', (_, args) => {
    it.each(bad)('a config that is %s: exit 2, one line, nothing written', SLOW, async (__, text, message) => {
      config(text);
      const run = await cliInProcess(work, ...args);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
      expect(run.status).toBe(2);
      nothingWritten();
    });
  });

  it('a bad "docs2ts" key in package.json is refused by generate as by check', SLOW, async () => {
    rmSync(path.join(work, 'docs2ts.config.json'), { force: true });
    writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'x', docs2ts: { input: ['pages'] } }));
    for (const args of [['generate'], ['check'], ['model']]) {
      const run = await cliInProcess(work, ...args);
      expect(run.stderr).toBe('docs2ts: package.json (key "docs2ts"): `input` is ["pages"]; set it to a folder path string\n');
      expect(run.status).toBe(2);
    }
    rmSync(path.join(work, 'package.json'));
  });

  it('check run twice in one process reads the config of the folder it runs in each time', SLOW, async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-config-elsewhere-'));
    try {
      rmSync(path.join(work, 'docs2ts.config.json'), { force: true });
      expect((await cliInProcess(work, 'check', '-i', 'pages')).status).toBe(0);
      writeFileSync(path.join(elsewhere, 'docs2ts.config.json'), bad[0]![1]);
      const run = await cliInProcess(elsewhere, 'check', '-i', path.join(work, 'pages'));
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(bad[0]![2])]);
      expect(run.status).toBe(2);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('generate and model take input and output from the config; flags win', SLOW, async () => {
    config('{"input": "pages", "output": "types"}');
    const generated = await cliInProcess(work, 'generate', '--no-cache');
    expect(generated.stderr).toMatch(/generated \d+ files in types from 4 pages/);
    expect(generated.status).toBe(0);
    expect(existsSync(path.join(work, 'types', OUTPUT_MARKER))).toBe(true);

    const flagged = await cliInProcess(work, 'generate', '--no-cache', '-o', 'elsewhere');
    expect(flagged.stderr).toMatch(/generated \d+ files in elsewhere/);
    expect(flagged.status).toBe(0);

    const model = await cliInProcess(work, 'model', '--no-cache', '-o', 'model.json', '--quiet');
    expect(model.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(work, 'model.json'), 'utf8')).pages.total).toBe(4);

    const missing = await cliInProcess(work, 'model', '--no-cache', '-i', 'nowhere', '-o', 'model.json');
    expect(missing.stderr).toMatch(/nowhere/);
    expect(missing.status).toBe(2);
  });
});
