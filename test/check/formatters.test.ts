/** Output formats: text grouping, JSON against its schema, SARIF against the official schema, GitHub escaping. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { formatGithub } from '../../generator/check/formatters/github.js';
import { formatJson } from '../../generator/check/formatters/json.js';
import { formatSarif } from '../../generator/check/formatters/sarif.js';
import { formatText } from '../../generator/check/formatters/text.js';
import type { FormatInput } from '../../generator/check/formatters/format.js';
import { memoryPages } from '../../generator/check/page-text.js';
import { runRules } from '../../generator/check/run-check.js';
import type { Finding } from '../../generator/check/types.js';
import { repoRoot } from '../helpers/corpus.js';
import { buildPages } from './helpers.js';
import { apiPage, CREATE_REQUEST, CREATED_RESPONSE, widgetWorld } from './pages.js';

const finding = (file: string, line: number, ruleId: string, severity: Finding['severity'], message: string): Finding => ({
  ruleId,
  severity,
  message,
  file,
  line,
  column: 3,
  fingerprint: '0123456789abcdef0123',
});

const sample: FormatInput = {
  findings: [
    finding('v1.0/api/a.md', 4, 'link-broken', 'error', 'Unexpected link to `x.md` that no page in the input has, expected an existing page'),
    finding('v1.0/api/a.md', 9, 'type-unresolved', 'warning', 'Unexpected type `x` that no page documents, expected a documented type'),
    finding('v1.0/api/b.md', 2, 'link-broken', 'error', 'Unexpected link to `y.md` that no page in the input has, expected an existing page'),
  ],
  rules: [
    { id: 'link-broken', description: 'Relative links point at pages and headings that exist in the input.', level: 'error' },
    { id: 'type-unresolved', description: 'Every type a page references is documented.', level: 'warn' },
  ],
  input: 'docs',
  baselined: 0,
  toolVersion: '0.1.0',
};

/** A table cell reported for what other spots show: one on its own page, one on another. */
const resting: Finding = {
  ...finding('v1.0/resources/w.md', 17, 'example-type-mismatch', 'error', 'Unexpected type `Int32` for `size` in the properties table, expected a string'),
  related: [
    { file: 'v1.0/api/w-create.md', line: 38, column: 11 },
    { file: 'v1.0/resources/w.md', line: 29, column: 11 },
  ],
};

/** A real check result: the widget world with a few mistakes, every rule and the extraction codes. */
function realResult(): FormatInput {
  const api = apiPage({
    examples: [{ request: CREATE_REQUEST(['{', '  "displayNme": "x",', '  "size": "big",', '}']), response: CREATED_RESPONSE(['{', '  "id": "1"', '}']) }],
  });
  const pages = widgetWorld(api, { 'v1.0/resources/orphan.md': '---\ndoc_type: resourcePageType\n---\n# orphan resource type\n\nSee [nothing](nothing.md).\n' });
  const result = runRules(buildPages(pages), memoryPages(pages));
  return { findings: result.findings, rules: result.rules, input: 'docs-input', baselined: 0, toolVersion: '0.1.0' };
}

function ajvWithFormats(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv;
}

describe('text', () => {
  it('groups findings by file and sums up per rule', () => {
    expect(formatText(sample)).toBe(
      [
        'docs/v1.0/api/a.md',
        '  4:3       error    Unexpected link to `x.md` that no page in the input has, expected an existing page  link-broken',
        '  9:3       warning  Unexpected type `x` that no page documents, expected a documented type  type-unresolved',
        '',
        'docs/v1.0/api/b.md',
        '  2:3       error    Unexpected link to `y.md` that no page in the input has, expected an existing page  link-broken',
        '',
        '3 problems (2 errors, 1 warning)',
        '  link-broken                  2 errors',
        '  type-unresolved              1 warning',
        '',
      ].join('\n'),
    );
  });

  it('lists the spots a finding rests on under it, naming the file only when it is another', () => {
    expect(formatText({ ...sample, findings: [resting] }).split('\n').slice(0, 3)).toEqual([
      'docs/v1.0/resources/w.md',
      '  17:3      error    Unexpected type `Int32` for `size` in the properties table, expected a string  example-type-mismatch',
      '            see docs/v1.0/api/w-create.md:38:11, 29:11',
    ]);
  });

  it('says so when there is nothing to report, and counts baselined findings', () => {
    expect(formatText({ ...sample, findings: [], baselined: 2 })).toBe('0 problems (0 errors, 0 warnings); 2 more in the baseline\n');
  });
});

describe('json', () => {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/check.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  it('matches schema/check.schema.json on a real check result', () => {
    const input = realResult();
    expect(input.findings.length).toBeGreaterThan(3);
    const data = JSON.parse(formatJson(input));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data[0]).toMatchObject({ path: `docs-input/${data[0].file}` });
  });

  it('carries the spots a finding rests on, as the schema says', () => {
    const data = JSON.parse(formatJson({ ...sample, findings: [resting] }));
    expect(data[0].related).toEqual(resting.related);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(validate([{ ...data[0], related: [] }])).toBe(false);
    expect(validate([{ ...data[0], related: [{ file: 'x.md', line: 0, column: 1 }] }])).toBe(false);
  });

  it('rejects what the schema rules out', () => {
    expect(validate([{ ...sample.findings[0], path: 'x', severity: 'info' }])).toBe(false);
    expect(validate([{ ...sample.findings[0] }])).toBe(false);
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'test/check/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
  const validate = ajvWithFormats().compile(schema);

  it('is valid SARIF 2.1.0 (official schema) on a real check result', () => {
    const log = JSON.parse(formatSarif(realResult()));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('lists the rules in tool.driver.rules and places every result', () => {
    const log = JSON.parse(formatSarif(sample));
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['link-broken', 'type-unresolved']);
    expect(run.tool.driver.rules[1].defaultConfiguration).toEqual({ level: 'warning' });
    expect(run.results[1]).toEqual({
      ruleId: 'type-unresolved',
      ruleIndex: 1,
      level: 'warning',
      message: { text: 'Unexpected type `x` that no page documents, expected a documented type' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'docs/v1.0/api/a.md' }, region: { startLine: 9, startColumn: 3 } } }],
      partialFingerprints: { 'docs2ts/v1': '0123456789abcdef0123' },
    });
  });
});

describe('sarif related locations', () => {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'test/check/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
  const validate = ajvWithFormats().compile(schema);

  it('gives the spots a finding rests on as relatedLocations', () => {
    const log = JSON.parse(formatSarif({ ...sample, findings: [resting] }));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].results[0].relatedLocations).toEqual([
      { id: 0, physicalLocation: { artifactLocation: { uri: 'docs/v1.0/api/w-create.md' }, region: { startLine: 38, startColumn: 11 } } },
      { id: 1, physicalLocation: { artifactLocation: { uri: 'docs/v1.0/resources/w.md' }, region: { startLine: 29, startColumn: 11 } } },
    ]);
  });
});

describe('github', () => {
  it('names the spots a finding rests on after its message', () => {
    expect(formatGithub({ ...sample, findings: [resting] })).toBe(
      '::error file=docs/v1.0/resources/w.md,line=17,col=3,title=example-type-mismatch::Unexpected type `Int32` for `size` in the properties table, expected a string (see docs/v1.0/api/w-create.md:38:11, docs/v1.0/resources/w.md:29:11)\n',
    );
  });

  it('prints one workflow command per finding', () => {
    expect(formatGithub({ ...sample, findings: sample.findings.slice(0, 2) })).toBe(
      '::error file=docs/v1.0/api/a.md,line=4,col=3,title=link-broken::Unexpected link to `x.md` that no page in the input has, expected an existing page\n' +
        '::warning file=docs/v1.0/api/a.md,line=9,col=3,title=type-unresolved::Unexpected type `x` that no page documents, expected a documented type\n',
    );
  });

  it('escapes %, CR and LF in messages and also : and , in properties', () => {
    const tricky = finding('v1.0/api/a,b:c.md', 1, 'link-broken', 'error', '100% broken\r\nreally: yes, truly');
    expect(formatGithub({ ...sample, input: 'in%put', findings: [tricky] })).toBe(
      '::error file=in%25put/v1.0/api/a%2Cb%3Ac.md,line=1,col=3,title=link-broken::100%25 broken%0D%0Areally: yes, truly\n',
    );
  });
});
