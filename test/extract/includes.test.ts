/**
 * Today's format (test/fixtures/today, the docs repository's `api-reference/<version>/...`
 * layout): include lines are read as if their content stood there, with the
 * include file's own positions; a missing permissions include is reported at
 * its line; an edited include gives its pages new facts through the cache.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { extractPage } from '../../generator/extract/page.js';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import { includeLine, includeLines, readsInclude } from '../../generator/parse/includes.js';
import { repoRoot } from '../helpers/corpus.js';
import { built, cli } from '../helpers/cli.js';

const TODAY = path.join(repoRoot, 'test/fixtures/today');
const INCLUDE = 'api-reference/v1.0/includes/permissions/user-get-permissions.md';

describe('includes', async () => {
  const { model, pages, skipped } = await buildModel(TODAY, { workers: 1 });
  const operation = (stem: string) => model.operations.find((o) => o.id === `v1.0:${stem}`)!;

  it('reads the includes folder as include sources: no page of it, nothing skipped', () => {
    expect(pages.map((p) => p.file).filter((file) => file.includes('/includes/'))).toEqual([]);
    expect(skipped).toEqual([]);
  });

  it('reads the permissions an include holds, each row at its place in the include file', () => {
    expect(operation('user-get').permissions.map((p) => [p.type, p.permissions])).toEqual([
      ['Delegated (work or school account)', ['User.Read']],
      ['Delegated (personal Microsoft account)', ['User.Read']],
      ['Application', ['User.Read.All']],
    ]);
    const facts = pages.find((p) => p.file === 'api-reference/v1.0/api/user-get.md')!.operations[0]!;
    expect(facts.permissions.map((p) => p.source)).toEqual([3, 4, 5].map((line) => ({ file: INCLUDE, line, column: 1 })));
  });

  it('gives a function the permissions, path parameters and example return type of today\'s page, valid against the model schema', () => {
    const filter = operation('accessreviewinstancedecisionitem-filterbycurrentuser');
    expect(filter.permissions[0]).toEqual({ type: 'Delegated (work or school account)', permissions: ['AccessReview.Read.All'], higherPrivileged: ['AccessReview.ReadWrite.All'] });
    expect(filter.parameters.map((p) => [p.name, p.type?.name, p.from])).toEqual([['on', 'Edm.String', 'path']]);
    expect(filter.response).toEqual({ status: 200, type: { name: 'microsoft.graph.user', isCollection: true }, typeFrom: 'example' });
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/model.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(model))) ? [] : validate.errors).toEqual([]);
  });

  it('reports a missing permissions include at its line, and ignores a missing note include', () => {
    expect(model.diagnostics.filter((d) => d.code === 'include-missing').map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toEqual([
      'api-reference/v1.0/api/group-delete.md:15:1: Unexpected missing include `../includes/permissions/group-delete-permissions.md`, expected the file api-reference/v1.0/includes/permissions/group-delete-permissions.md in the input (its permissions are not read)',
    ]);
    expect(operation('group-delete').permissions).toEqual([]);
  });

  it('gives a diagnostic from an include the include file\'s position', () => {
    const text = '# Get widget\n\nNamespace: microsoft.graph\n\n## Permissions\n\n[!INCLUDE [permissions-table](../includes/permissions/w.md)]\n';
    const includes = { 'v1.0/includes/permissions/w.md': 'Intro.\n\n|Permission type|Permissions|\n|:--|:--|:--|\n|Application|W.Read.All|\n' };
    const facts = extractPage({ file: 'v1.0/api/widget-get.md', apiVersion: 'v1.0', text, includes });
    expect(facts.diagnostics.filter((d) => d.code === 'table-malformed').map((d) => [d.file, d.line])).toEqual([['v1.0/includes/permissions/w.md', 3]]);
    expect(facts.operations[0]!.permissions.map((p) => [p.permissions, p.source.file])).toEqual([[['W.Read.All'], 'v1.0/includes/permissions/w.md']]);
  });

  it('resolves include targets relative to the page, never outside the input root, and reads no SDK snippets', () => {
    const page = 'api-reference/v1.0/api/user-get.md';
    expect(includeLines('[!INCLUDE [permissions-table](../includes/permissions/user-get-permissions.md)]\n', page)).toEqual([
      { label: 'permissions-table', href: '../includes/permissions/user-get-permissions.md', file: INCLUDE },
    ]);
    expect(includeLine('x', '../../../../etc/secret.md', page).file).toBeUndefined();
    expect(includeLine('x', '../includes/notes.txt', page).file).toBeUndefined();
    expect(readsInclude(includeLine('sample-code', '../includes/snippets/csharp/get-user-csharp-snippets.md', page))).toBe(false);
  });

  describe('through the facts cache', () => {
    let dir = '';
    afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

    it('reads an edited include again (its content is part of the page\'s key)', { timeout: 120_000 }, async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-includes-'));
      const input = path.join(dir, 'docs');
      await cp(TODAY, input, { recursive: true });
      const cacheDir = path.join(dir, 'cache');
      const first = await buildModel(input, { workers: 1, cacheDir });
      expect(first.model.operations.find((o) => o.id === 'v1.0:user-get')!.permissions[2]!.permissions).toEqual(['User.Read.All']);
      await writeFile(path.join(input, INCLUDE), '|Permission type|Least privileged permissions|Higher privileged permissions|\n|:---|:---|:---|\n|Application|User.ReadBasic.All|User.Read.All|\n');
      const second = await buildModel(input, { workers: 1, cacheDir });
      expect(second.model.operations.find((o) => o.id === 'v1.0:user-get')!.permissions).toEqual([
        { type: 'Application', permissions: ['User.ReadBasic.All'], higherPrivileged: ['User.Read.All'] },
      ]);
    });

    it.skipIf(!built)('generate writes the edited include\'s permissions (the page\'s stamp does not prove its includes)', { timeout: 120_000 }, async () => {
      const input = path.join(dir, 'docs');
      const out = path.join(dir, 'out');
      const run = () => cli(dir, 'generate', '-i', input, '-o', out, '--cache', path.join(dir, 'cache'), '-q');
      expect(run().status).toBe(0);
      const client = path.join(out, 'v1.0/client/user.ts');
      expect(await readFile(client, 'utf8')).toContain(' * - Application: User.ReadBasic.All; higher privileged: User.Read.All\n');
      await writeFile(path.join(input, INCLUDE), '|Permission type|Least privileged permissions|Higher privileged permissions|\n|:---|:---|:---|\n|Application|User.Read.All|User.ReadWrite.All|\n');
      expect(run().status).toBe(0);
      expect(await readFile(client, 'utf8')).toContain(' * - Application: User.Read.All; higher privileged: User.ReadWrite.All\n');
    });
  });
});
