/**
 * The off switch of the parse fast paths: `DOCS2TS_PARSE=micromark` parses each
 * page whole with remark-parse, and gives what the default (blocks, fast paths,
 * memo) gives: the same trees, and the same model from the compiled command.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pageParser, parseMode } from '../../generator/parse/parse-memo.js';
import { parseMarkdown } from '../../generator/parse/processor.js';
import { BIN, built, SEEDS } from '../helpers/cli.js';

const PAGE = [
  '# user resource type',
  '',
  '| Property | Type | Description |',
  '|:---|:---|:---|',
  '| aboutMe | String | A [link](../api/user-get.md) and `code`. |',
  '',
  '```json',
  '{ "aboutMe": "String" }',
  '```',
  '',
  '<!-- { "blockType": "resource" } -->',
  'Text with *emphasis* and a <br/> tag.',
  '',
].join('\n');

describe('DOCS2TS_PARSE', () => {
  it('reads the mode from the environment, memo unless micromark is asked for', () => {
    expect(parseMode({})).toBe('memo');
    expect(parseMode({ DOCS2TS_PARSE: 'micromark' })).toBe('micromark');
    expect(parseMode({ DOCS2TS_PARSE: 'other' })).toBe('memo');
  });

  it('parses whole pages with remark-parse when off, and the same tree either way', () => {
    expect(pageParser('micromark', 1 << 20)).toBe(parseMarkdown);
    const memo = pageParser('memo', 1 << 20);
    expect(JSON.stringify(memo(PAGE))).toBe(JSON.stringify(parseMarkdown(PAGE)));
    // A second parse comes from the memo and is still the same tree.
    expect(JSON.stringify(memo(PAGE))).toBe(JSON.stringify(parseMarkdown(PAGE)));
  });

  it.runIf(built)('gives the same model of the seeds from the compiled command', () => {
    const model = (mode?: string) => {
      const env: NodeJS.ProcessEnv = { ...process.env, CI: '1' };
      if (mode) env['DOCS2TS_PARSE'] = mode;
      else delete env['DOCS2TS_PARSE'];
      const run = spawnSync(process.execPath, [BIN, 'model', '--input', SEEDS, '--no-cache'], { encoding: 'utf8', env, maxBuffer: 1 << 28 });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout;
    };
    const whole = model('micromark');
    expect(whole.length).toBeGreaterThan(1000);
    expect(whole).toBe(model());
  });
});
