/**
 * An action's parameters from its request body, on pages in today's format
 * (test/fixtures/today-operations): the one object a table describes
 * (`addPassword`), named by the prose or only by the example, and example body
 * keys the table lacks, typed from their JSON value, the resource's
 * same-named property or the documented type of that name.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';

const ROOT = path.join(repoRoot, 'test/fixtures/today-operations');
const API = 'api-reference/v1.0/api';

describe('action parameters from the request body', async () => {
  const { model } = await buildModel(ROOT, { workers: 1 });
  const parameters = (stem: string) =>
    model.operations.find((o) => o.id === `v1.0:${stem}`)!.parameters.map((p) => [p.name, p.type && `${p.type.name}${p.type.isCollection ? '[]' : ''}`, p.from, p.required, `${p.source.file}:${p.source.line}:${p.source.column}`]);

  it('reads a table of one object\'s properties as that object, named by the prose (at its name), optional as the prose says', () => {
    expect(parameters('application-addpassword')).toEqual([
      ['passwordCredential', 'microsoft.graph.passwordCredential', 'prose', false, `${API}/application-addpassword.md:36:42`],
    ]);
  });

  it('reads the object from the example body\'s one key when the prose names none (at the key)', () => {
    expect(parameters('serviceprincipal-addpassword')).toEqual([
      ['passwordCredential', 'microsoft.graph.passwordCredential', 'example', undefined, `${API}/serviceprincipal-addpassword.md:62:3`],
    ]);
  });

  it('types the one object only an example key names, which is no type, as the resource the table describes (a collection for an array)', () => {
    expect(parameters('site-follow')).toEqual([['value', 'microsoft.graph.site[]', 'example', true, `${API}/site-follow.md:49:3`]]);
  });

  it('reads the keys of the JSON object a Request body section without a table shows as the parameters (at each key; an annotation key is none)', () => {
    expect(parameters('team-archive')).toEqual([['shouldSetSpoSiteReadOnlyForMembers', 'Edm.Boolean', 'example', undefined, `${API}/team-archive.md:33:3`]]);
  });

  it('adds the example body\'s keys the table lacks, typed from the value, the resource\'s property or a type of that name, at each key', () => {
    const at = (line: number) => `${API}/user-sendmail.md:${line}:3`;
    expect(parameters('user-sendmail')).toEqual([
      ['message', 'microsoft.graph.message', 'table', true, `${API}/user-sendmail.md:35:1`],
      ['saveToSentItems', 'Edm.Boolean', 'example', undefined, at(54)],
      ['attachmentsLimit', 'Edm.Int32', 'example', undefined, at(55)],
      ['onBehalfOf', 'microsoft.graph.emailAddress', 'example', undefined, at(56)],
      ['emailAddress', 'microsoft.graph.emailAddress', 'example', undefined, at(59)],
      ['extraData', null, 'example', undefined, at(62)],
      ['categories', 'Edm.String[]', 'example', undefined, at(65)],
    ]);
  });

  it('says the table lacks each such key, once, as info at the key', () => {
    const found = model.diagnostics.filter((d) => d.code === 'parameter-row-missing');
    expect(found.map((d) => `${d.line}:${d.column} ${d.severity}`)).toEqual(['54:3', '55:3', '56:3', '59:3', '62:3', '65:3'].map((place) => `${place} info`));
    expect(found[0]!.message).toBe('Unexpected parameter `saveToSentItems` in the example request body only, expected a row for it in the parameter table (read as a parameter typed from the example)');
  });

  it('reads a key one or two edits from a row as that row misspelt (info at the key, no parameter), and an @odata.bind key as no parameter', () => {
    expect(model.diagnostics.filter((d) => d.code === 'parameter-name-mismatch').map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`)).toEqual([
      `${API}/user-sendmail.md:66:3: info: Unexpected parameter \`messages\` in the example request body, expected \`message\` as the parameter table names it`,
    ]);
  });

  it('adds no parameter from an example when the action has no parameter table', () => {
    const dismiss = model.operations.find((o) => o.id === 'v1.0:riskyuser-dismiss')!;
    expect([dismiss.kind, dismiss.parameters]).toEqual(['action', []]);
    expect(model.diagnostics.filter((d) => d.file.endsWith('riskyuser-dismiss.md') && d.code.startsWith('parameter-'))).toEqual([]);
  });

  it('leaves a create body alone: its example keys are no parameters, its type is the one the prose links', () => {
    const create = model.operations.find((o) => o.id === 'v1.0:application-post-applications')!;
    expect([create.kind, create.parameters, create.requestBody?.map((p) => p.name)]).toEqual(['create', [], ['displayName']]);
    expect(create.requestBodyType).toEqual({ type: { name: 'microsoft.graph.application', isCollection: false }, from: 'prose', source: { file: `${API}/application-post-applications.md`, line: 29, column: 57 } });
    expect(model.diagnostics.filter((d) => d.file.endsWith('application-post-applications.md') && d.code === 'parameter-row-missing')).toEqual([]);
  });

  it('says where the permissions were read: an include file (at its first row) or the page\'s table', () => {
    const from = (stem: string) => model.operations.find((o) => o.id === `v1.0:${stem}`)!.permissionsFrom;
    expect(from('application-addpassword')).toEqual({ from: 'include', source: { file: 'api-reference/v1.0/includes/permissions/application-addpassword-permissions.md', line: 3, column: 1 } });
    expect(from('user-sendmail')).toEqual({ from: 'table', source: { file: `${API}/user-sendmail.md`, line: 18, column: 1 } });
  });
});
