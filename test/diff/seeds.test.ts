/**
 * Real page pairs: the 2021 versions of the seed pages (from ../shared/graph-docs)
 * against the 2024 seeds in docs-input/, both read by the pipeline and compared
 * model to model; the markdown and JSON outputs as goldens, the JSON against
 * schema/diff.schema.json; a property type changed in a copy.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, repoRoot } from '../helpers/corpus.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { diffModels } from '../../generator/diff/compare.js';
import { permissionRows } from '../../generator/diff/permission-rows.js';
import type { DiffResult } from '../../generator/diff/change.js';
import { DIFF_FORMATS } from '../../generator/diff/formats/index.js';
import type { DiffFormatInput } from '../../generator/diff/formats/format.js';
import { makeSeedPair, type SeedPair } from './seed-pair.js';

const SLOW = { timeout: 120_000 };
const sides = { base: { label: 'graph-docs-2021', root: 'graph-docs-2021' }, head: { label: 'docs-input', root: 'docs-input' } };

describe.skipIf(!hasCorpus)('docs2ts diff on the seed pages, 2021 → 2024', () => {
  let pair: SeedPair;
  let forward: DiffResult;
  let backward: DiffResult;
  const model = async (folder: string) => (await buildModel(folder, { workers: 1, cacheDir: path.join(pair.dir, 'cache') })).model;
  beforeAll(async () => {
    pair = await makeSeedPair();
    const build = async (folder: string) => {
      const { model, pages } = await buildModel(folder, { workers: 1, cacheDir: path.join(pair.dir, 'cache') });
      return { model, rows: permissionRows(model, pages) };
    };
    const [old, now] = [await build(pair.old), await build(pair.new)];
    forward = diffModels(old.model, now.model, { base: old.rows, head: now.rows });
    backward = diffModels(now.model, old.model, { base: now.rows, head: old.rows });
  }, SLOW.timeout);
  afterAll(() => pair?.cleanup());

  it('reports the property and the permissions added as non-breaking, each on its row in the 2024 page', () => {
    expect(forward.summary).toEqual({ breaking: 0, warning: 0, info: 9 });
    expect(forward.changes.map((c) => [c.kind, c.subject, `${c.source.file}:${c.source.line}:${c.source.column}`, c.side])).toEqual([
      ['permission-added', 'beta:intune-onboarding-compliancemanagementpartner-create', 'beta/api/intune-onboarding-compliancemanagementpartner-create.md:27:1', 'head'],
      ['permission-added', 'beta:intune-onboarding-compliancemanagementpartner-create', 'beta/api/intune-onboarding-compliancemanagementpartner-create.md:25:1', 'head'],
      ['property-added', 'microsoft.graph.deviceManagementPartner.groupsRequiringPartnerEnrollment', 'v1.0/resources/intune-onboarding-devicemanagementpartner.md:41:1', 'head'],
      ['permission-added', 'v1.0:intune-onboarding-devicemanagementpartner-create', 'v1.0/api/intune-onboarding-devicemanagementpartner-create.md:28:1', 'head'],
      ['permission-added', 'v1.0:intune-onboarding-devicemanagementpartner-create', 'v1.0/api/intune-onboarding-devicemanagementpartner-create.md:26:1', 'head'],
      ['request-body-property-added', 'v1.0:intune-onboarding-devicemanagementpartner-create', 'v1.0/api/intune-onboarding-devicemanagementpartner-create.md:61:1', 'head'],
      ['permission-added', 'v1.0:intune-onboarding-devicemanagementpartner-update', 'v1.0/api/intune-onboarding-devicemanagementpartner-update.md:25:1', 'head'],
      ['permission-added', 'v1.0:intune-onboarding-devicemanagementpartner-update', 'v1.0/api/intune-onboarding-devicemanagementpartner-update.md:23:1', 'head'],
      ['request-body-property-added', 'v1.0:intune-onboarding-devicemanagementpartner-update', 'v1.0/api/intune-onboarding-devicemanagementpartner-update.md:58:1', 'head'],
    ]);
    // Each position is the row itself: the property row, the request-body row, the permission row of that type.
    const rowAt = (change: (typeof forward.changes)[number]) => readFileSync(path.join(pair.new, change.source.file), 'utf8').split('\n')[change.source.line - 1];
    for (const change of forward.changes) {
      if (change.kind === 'permission-added') expect(rowAt(change)).toMatch(new RegExp(`^\\|${change.message.startsWith('Application') ? 'Application' : 'Delegated \\(work or school account\\)'}\\|.*DeviceManagementConfiguration\\.ReadWrite\\.All\\|$`));
      else expect(rowAt(change)).toMatch(/^\|groupsRequiringPartnerEnrollment\|/);
    }
  });

  it('reports the reverse direction as breaking, each on its row in the 2024 page it is gone from', () => {
    expect(backward.summary).toEqual({ breaking: 9, warning: 0, info: 0 });
    expect(backward.changes.map((c) => c.kind).sort()).toEqual([...Array(6).fill('permission-removed'), 'property-removed', 'request-body-property-removed', 'request-body-property-removed']);
    expect(backward.changes.every((c) => c.side === 'base')).toBe(true);
    expect(backward.changes.find((c) => c.kind === 'property-removed')!.source).toEqual({ file: 'v1.0/resources/intune-onboarding-devicemanagementpartner.md', line: 41, column: 1 });
  });

  it('writes the markdown changelog and the JSON document as the goldens hold them', async () => {
    const input: DiffFormatInput = { result: forward, ...sides };
    await expect(DIFF_FORMATS.markdown(input)).toMatchFileSnapshot('./__golden__/seeds.md');
    await expect(DIFF_FORMATS.json(input)).toMatchFileSnapshot('./__golden__/seeds.json');
    await expect(DIFF_FORMATS.markdown({ result: backward, base: sides.head, head: sides.base })).toMatchFileSnapshot('./__golden__/seeds-reverse.md');
  });

  it('writes JSON that schema/diff.schema.json accepts, in both directions', () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(path.join(repoRoot, 'schema/diff.schema.json'), 'utf8')));
    for (const result of [forward, backward]) {
      const document = JSON.parse(DIFF_FORMATS.json({ result, ...sides }));
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
      expect(document.changes).toHaveLength(9);
    }
    const wrong = JSON.parse(DIFF_FORMATS.json({ result: forward, ...sides }));
    wrong.changes[0].kind = 'property-renamed';
    wrong.changes[1].line = 0;
    delete wrong.summary.info;
    expect(validate(wrong)).toBe(false);
    expect(validate.errors!.map((error) => error.instancePath).sort()).toEqual(['/changes/0/kind', '/changes/1/line', '/summary']);
  });

  it('reports a property type changed in a copy as breaking, on its row', SLOW, async () => {
    const page = path.join(pair.new, 'v1.0/resources/intune-onboarding-devicemanagementpartner.md');
    const text = await readFile(page, 'utf8');
    const edited = text.replace('|isConfigured|Boolean|', '|isConfigured|Int32|');
    expect(edited).not.toBe(text);
    await writeFile(page, edited);
    try {
      const result = diffModels(await model(pair.old), await model(pair.new));
      const change = result.changes.find((c) => c.kind === 'property-type-changed')!;
      expect(change).toMatchObject({ severity: 'breaking', subject: 'microsoft.graph.deviceManagementPartner.isConfigured', before: 'Edm.Boolean', after: 'Edm.Int32', side: 'head' });
      expect(text.split('\n')[change.source.line - 1]).toMatch(/^\|isConfigured\|Boolean\|/);
      expect(result.summary.breaking).toBe(1);
    } finally {
      await writeFile(page, text);
    }
  });
});
