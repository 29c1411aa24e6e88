/**
 * `check --metadata`: the docs against the service's CSDL, findings at the doc
 * row. Small CSDL fixtures in `fixtures/metadata/`; pages from `pages.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metadataByVersion, readMetadata } from '../../generator/cli/metadata-option.js';
import { parseCsdl, type CsdlModel } from '../../generator/check/metadata/csdl.js';
import { operationName } from '../../generator/check/metadata/compare-operations.js';
import { metadataRules } from '../../generator/check/metadata/rules.js';
import { memoryPages } from '../../generator/check/page-text.js';
import { runRules } from '../../generator/check/run-check.js';
import { UsageError } from '../../generator/parse/input.js';
import { buildPages, lineOf, type Pages } from './helpers.js';
import { apiPage, enumPage, resourcePage, WIDGET_JSON, WIDGET_PROPERTIES } from './pages.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'metadata');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

function csdl(name = 'widgets.xml'): CsdlModel {
  const parsed = parseCsdl(fixture(name));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.model;
}

/** Findings of the metadata rules alone, as `rule file:line:column: message`. */
function check(pages: Pages, model = csdl()): string[] {
  const result = runRules(buildPages(pages), memoryPages(pages), { only: [], extraRules: metadataRules(new Map([['v1.0', model]])) });
  expect(result.internalErrors).toEqual([]);
  return result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}: ${f.message}`);
}

const WIDGET = resourcePage('widget', { rows: WIDGET_PROPERTIES, json: WIDGET_JSON });
const PART = resourcePage('part', { rows: ['|name|String|Name of the part.|', '|weight|Double|Weight.|'], annotation: '"blockType": "resource", "@odata.type": "microsoft.graph.part"' });
const STATE = enumPage('widgetState', ['on', 'off', 'broken']);

describe('parseCsdl', () => {
  it('reads types, members, operations and resolves aliases', () => {
    const model = csdl();
    expect(model.types.get('microsoft.graph.widget')).toMatchObject({ kind: 'entity', baseType: 'microsoft.graph.entity' });
    expect(model.types.get('microsoft.graph.widget')!.properties.map((p) => `${p.name}: ${p.type.isCollection ? `Collection(${p.type.name})` : p.type.name}`)).toEqual([
      'displayName: Edm.String',
      'size: Edm.Int64',
      'state: microsoft.graph.widgetState',
      'parts: Collection(microsoft.graph.part)',
      'colour: Edm.String',
      'owner: microsoft.graph.directoryObject',
    ]);
    expect(model.types.get('microsoft.graph.part')?.kind).toBe('complex');
    expect(model.types.get('microsoft.graph.widgetState')?.members).toEqual(['on', 'off', 'unknownFutureValue']);
    expect(model.operations.get('polish')).toEqual([
      {
        kind: 'action',
        name: 'polish',
        boundTo: { name: 'microsoft.graph.widget', isCollection: false },
        parameters: [
          { name: 'level', type: { name: 'Edm.Int32', isCollection: false } },
          { name: 'force', type: { name: 'Edm.Boolean', isCollection: false } },
        ],
        returnType: { name: 'microsoft.graph.widget', isCollection: false },
      },
    ]);
    expect(model.operations.get('summarize')?.[0]?.returnType).toEqual({ name: 'Edm.String', isCollection: true });
  });

  it.each([
    ['broken.xml', 6, 13, 'Unexpected XML (unexpected close tag), expected well-formed CSDL'],
    ['not-csdl.xml', 1, 1, 'Unexpected XML without edmx:Edmx/edmx:DataServices/Schema, expected CSDL ($metadata)'],
  ])('reports %s as a positioned problem', (name, line, column, message) => {
    expect(parseCsdl(fixture(name))).toEqual({ ok: false, line, column, message });
  });

  it('is a one-line usage error naming file:line:column on the command line', async () => {
    await expect(readMetadata(['broken.xml'], FIXTURES)).rejects.toThrow(UsageError);
    await expect(readMetadata(['v1.0=broken.xml'], FIXTURES)).rejects.toThrow("--metadata broken.xml:6:13: Unexpected XML (unexpected close tag), expected well-formed CSDL; pass the service's $metadata XML (CSDL)");
  });
});

describe('metadata for API versions', () => {
  it('takes a bare file for an input of one version, and needs a version for more', async () => {
    const [bare] = await readMetadata(['widgets.xml'], FIXTURES);
    expect([...metadataByVersion([bare!], ['v1.0']).keys()]).toEqual(['v1.0']);
    expect(() => metadataByVersion([bare!], ['beta', 'v1.0'])).toThrow('--metadata widgets.xml: the input has API versions beta, v1.0; write --metadata <version>=widgets.xml');
    const [named] = await readMetadata(['beta=widgets.xml'], FIXTURES);
    expect([...metadataByVersion([named!], ['beta', 'v1.0']).keys()]).toEqual(['beta']);
    expect(() => metadataByVersion([named!], ['v1.0'])).toThrow('the input has no API version `beta`; use one of v1.0');
  });
});

describe('types', () => {
  it('is silent when the docs agree with the service', () => {
    const agreeing = resourcePage('widget', { rows: ['|id|String|Id.|', '|displayName|String|Name.|', '|size|Int64|Size.|', '|state|[widgetState](widgetstate.md)|State.|', '|parts|[part](part.md) collection|Parts.|', '|colour|String|Colour.|'], relationships: ['|owner|[directoryObject](directoryobject.md)|Owner.|'] });
    const pages = { 'v1.0/resources/widget.md': agreeing, 'v1.0/resources/part.md': PART, 'v1.0/resources/widgetstate.md': enumPage('widgetState', ['on', 'off', 'unknownFutureValue']) };
    expect(check(pages)).toEqual([]);
  });

  it('reports properties, types, enum members and base types at their rows', () => {
    const gadget = resourcePage('gadget', { intro: 'Inherits from [part](part.md).', rows: ['|name|String|Name.|'] });
    const doohickey = resourcePage('doohickey', { rows: ['|id|String|Id.|'] });
    const pages = {
      'v1.0/resources/widget.md': WIDGET,
      'v1.0/resources/part.md': PART,
      'v1.0/resources/widgetstate.md': STATE,
      'v1.0/resources/gadget.md': gadget,
      'v1.0/resources/doohickey.md': doohickey,
    };
    const w = (needle: string) => lineOf(WIDGET, needle);
    expect(check(pages)).toEqual([
      'metadata-type-missing v1.0/resources/doohickey.md:6:1: Unexpected type `microsoft.graph.doohickey`, expected one the service\'s metadata declares',
      // At the base type's link in "Inherits from [part](part.md)."
      'metadata-base-type v1.0/resources/gadget.md:10:15: Unexpected base type `microsoft.graph.part` for `microsoft.graph.gadget`, expected `microsoft.graph.widget` as the service\'s metadata declares',
      `metadata-property-undocumented v1.0/resources/widget.md:${w('|Property|')}:1: Unexpected properties of \`microsoft.graph.widget\` without \`colour\` (Edm.String), expected every property the service's metadata declares`,
      `metadata-property-undocumented v1.0/resources/widget.md:${w('|Property|')}:1: Unexpected properties of \`microsoft.graph.widget\` without \`owner\` (microsoft.graph.directoryObject), expected every property the service's metadata declares`,
      `metadata-type-mismatch v1.0/resources/widget.md:${w('|size|')}:7: Unexpected type \`Edm.Int32\` of \`size\`, expected \`Edm.Int64\` as the service's metadata declares`,
      `metadata-property-missing v1.0/resources/widget.md:${w('|createdDateTime|')}:1: Unexpected property \`createdDateTime\` of \`microsoft.graph.widget\`, expected one the service's metadata declares`,
      'metadata-enum-mismatch v1.0/resources/widgetstate.md:6:1: Unexpected enum `microsoft.graph.widgetState` without member `unknownFutureValue`, expected it as the service\'s metadata declares',
      `metadata-enum-mismatch v1.0/resources/widgetstate.md:${lineOf(STATE, '|broken|')}:1: Unexpected member \`broken\` of enum \`microsoft.graph.widgetState\`, expected one of the service's: \`on\`, \`off\`, \`unknownFutureValue\``,
    ]);
  });

  it('suggests the service spelling of a misspelt property', () => {
    const page = resourcePage('part', { rows: ['|name|String|Name.|', '|wieght|Double|Weight.|'], annotation: '"blockType": "resource", "@odata.type": "microsoft.graph.part"' });
    expect(check({ 'v1.0/resources/part.md': page })).toEqual([
      `metadata-property-undocumented v1.0/resources/part.md:${lineOf(page, '|Property|')}:1: Unexpected properties of \`microsoft.graph.part\` without \`weight\` (Edm.Double), expected every property the service's metadata declares`,
      `metadata-property-missing v1.0/resources/part.md:${lineOf(page, '|wieght|')}:1: Unexpected property \`wieght\` of \`microsoft.graph.part\`, expected one the service's metadata declares (did you mean \`weight\`?)`,
    ]);
  });

  it('suggests the service type a misspelt type heading is near', () => {
    const page = resourcePage('widgit', { rows: ['|id|String|Id.|'] });
    expect(check({ 'v1.0/resources/widgit.md': page })).toEqual([
      `metadata-type-missing v1.0/resources/widgit.md:${lineOf(page, '# widgit')}:1: Unexpected type \`microsoft.graph.widgit\`, expected one the service's metadata declares (did you mean \`microsoft.graph.widget\`?)`,
    ]);
  });

  it('reports an entity the service declares as a complex type at its heading', () => {
    const page = resourcePage('part', { rows: ['|name|String|Name.|', '|weight|Double|Weight.|'] });
    expect(check({ 'v1.0/resources/part.md': page })).toEqual([
      `metadata-type-mismatch v1.0/resources/part.md:${lineOf(page, '# part')}:1: Unexpected entity type \`microsoft.graph.part\`, expected a complex type as the service's metadata declares`,
    ]);
  });
});

describe('operations', () => {
  const polish = (rows: string[], response: string) =>
    apiPage({
      title: 'widget: polish',
      httpRequest: ['POST /widgets/{id}/polish'],
      requestBody: ['In the request body, supply a JSON object with the following parameters.', '', '|Parameter|Type|Description|', '|:---|:---|:---|', ...rows],
      response,
    });

  it('is silent when parameters and return type agree', () => {
    const page = polish(['|level|Int32|How much.|', '|force|Boolean|Even if polished.|'], 'If successful, this action returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.');
    expect(check({ 'v1.0/api/widget-polish.md': page, 'v1.0/resources/widget.md': resourcePage('widget', { rows: ['|id|String|Id.|', '|displayName|String|Name.|', '|size|Int64|Size.|', '|state|[widgetState](widgetstate.md)|State.|', '|parts|[part](part.md) collection|Parts.|', '|colour|String|Colour.|', '|owner|[directoryObject](directoryobject.md)|Owner.|'] }) })).toEqual([]);
  });

  it('reports parameters and the return type at their rows', () => {
    const page = polish(['|level|String|How much.|', '|shine|Boolean|Shiny.|'], 'If successful, this action returns a `204 No Content` response code.');
    const findings = check({ 'v1.0/api/widget-polish.md': page }).filter((f) => f.includes('widget-polish'));
    expect(findings).toEqual([
      `metadata-operation-mismatch v1.0/api/widget-polish.md:${lineOf(page, '|Parameter|')}:1: Unexpected parameters of action \`polish\` without \`force\` (Edm.Boolean), expected every parameter the service's metadata declares`,
      `metadata-operation-mismatch v1.0/api/widget-polish.md:${lineOf(page, '|level|')}:8: Unexpected type \`Edm.String\` of \`level\`, expected \`Edm.Int32\` as the service's metadata declares`,
      `metadata-operation-mismatch v1.0/api/widget-polish.md:${lineOf(page, '|shine|')}:1: Unexpected parameter \`shine\` of action \`polish\`, expected one the service's metadata declares`,
      `metadata-operation-mismatch v1.0/api/widget-polish.md:${lineOf(page, '## Response') + 1}:1: Unexpected no return type of action \`polish\`, expected \`microsoft.graph.widget\` as the service's metadata declares`,
    ]);
  });

  it('reports an action the service does not have, with the nearest name', () => {
    const page = apiPage({ title: 'widget: polsh', httpRequest: ['POST /widgets/{id}/polsh'], requestBody: ['Do not supply a request body for this method.'], response: 'If successful, this action returns a `204 No Content` response code.' });
    expect(check({ 'v1.0/api/widget-polsh.md': page }).filter((f) => f.includes('widget-polsh'))).toEqual([
      `metadata-operation-mismatch v1.0/api/widget-polsh.md:${lineOf(page, '# widget: polsh')}:1: Unexpected action \`polsh\`, expected one the service's metadata declares (did you mean \`polish\`?)`,
    ]);
  });

  it('checks function parameters and a collection return type', () => {
    const page = apiPage({
      title: 'widget: summarize',
      httpRequest: ['GET /widgets/{id}/summarize(since={since})'],
      requestBody: null,
      response: 'If successful, this function returns a `200 OK` response code and a String collection in the response body.',
    }).replace('## Response', '## Function parameters\n|Parameter|Type|Description|\n|:---|:---|:---|\n|since|DateTimeOffset|From when.|\n\n## Response');
    expect(check({ 'v1.0/api/widget-summarize.md': page }).filter((f) => f.includes('widget-summarize'))).toEqual([]);
    const wrong = page.replace('|since|DateTimeOffset|', '|since|String|').replace('a String collection', 'a String');
    expect(check({ 'v1.0/api/widget-summarize.md': wrong }).filter((f) => f.includes('widget-summarize'))).toEqual([
      `metadata-operation-mismatch v1.0/api/widget-summarize.md:${lineOf(wrong, '|since|')}:8: Unexpected type \`Edm.String\` of \`since\`, expected \`Edm.DateTimeOffset\` as the service's metadata declares`,
      `metadata-operation-mismatch v1.0/api/widget-summarize.md:${lineOf(wrong, '## Response') + 1}:1: Unexpected return type \`Edm.String\` of function \`summarize\`, expected \`Collection(Edm.String)\` as the service's metadata declares`,
    ]);
  });

  it.each([
    ['/widgets/{id}/polish', 'polish'],
    ['/widgets/{id}/microsoft.graph.polish', 'polish'],
    ["/widgets/{id}/summarize(since='{since}')", 'summarize'],
    ['/me/calendar/calendarView?startDateTime={s}', 'calendarView'],
    ['/widgets/{id}', ''],
  ])('names the operation of %s', (requestPath, name) => {
    expect(operationName(requestPath)).toBe(name);
  });
});

describe('docs2ts check --metadata', () => {
  it('adds the metadata findings to the check, and only with the flag', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const { runCheck } = await import('../../generator/cli/check-command.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-metadata-'));
    try {
      const page = resourcePage('part', { rows: ['|name|String|Name.|', '|weight|Int32|Weight.|'], annotation: '"blockType": "resource", "@odata.type": "microsoft.graph.part"', json: '{\n  "name": "String",\n  "weight": 1\n}' });
      mkdirSync(path.join(dir, 'docs/v1.0/resources'), { recursive: true });
      writeFileSync(path.join(dir, 'docs/v1.0/resources/part.md'), page);
      writeFileSync(path.join(dir, 'service.xml'), fixture('widgets.xml'));
      const run = async (metadata?: string[]) => {
        let stdout = '';
        const code = await runCheck({ input: 'docs', workers: 1, cache: false, format: 'json', quiet: true, ...(metadata ? { metadata } : {}) }, { stdout: (t) => (stdout += t), stderr: () => {}, cwd: dir });
        return { code, findings: (JSON.parse(stdout) as { ruleId: string; line: number; column: number }[]).map((f) => `${f.ruleId} ${f.line}:${f.column}`) };
      };
      expect(await run()).toEqual({ code: 0, findings: [] });
      expect(await run(['service.xml'])).toEqual({ code: 1, findings: [`metadata-type-mismatch ${lineOf(page, '|weight|')}:9`] });
      await expect(run(['nope.xml'])).rejects.toThrow(/nope\.xml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
