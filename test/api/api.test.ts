/**
 * The programmatic API as a consumer imports it: `import { generate, model,
 * check } from 'docs2ts'`, resolved through package.json `exports` to the
 * built package (dist/).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { built, SEEDS } from '../helpers/cli.js';

const SLOW = { timeout: 120_000 };

describe.skipIf(!built)("import { generate, model, check } from 'docs2ts'", async () => {
  const api = await import('docs2ts');
  const work = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-api-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('resolves to the built package', () => {
    expect(Object.keys(api).sort()).toEqual(['UsageError', 'check', 'generate', 'model']);
  });

  it('generate writes a slice, relative to cwd; check: true then finds it up to date', SLOW, async () => {
    const options = { cwd: work, input: SEEDS, output: 'graph', include: ['/deviceManagement/deviceManagementPartners/**'], emit: ['models', 'client'] as const, cache: false as const };
    const result = await api.generate({ ...options, emit: [...options.emit] });
    expect(result.stale).toEqual([]);
    expect(readdirSync(path.join(work, 'graph/v1.0')).sort()).toEqual(['client', 'models', 'runtime.ts']);
    expect(readdirSync(path.join(work, 'graph'))).not.toContain('beta');
    const again = await api.generate({ ...options, emit: [...options.emit], check: true });
    expect(again.stale).toEqual([]);
  });

  it('model returns the sliced model', SLOW, async () => {
    const model = await api.model({ input: SEEDS, include: ['/deviceManagement/**#POST'], cache: false });
    expect(model.operations.map((o) => `${o.method} ${o.paths.join(' ')}`)).toEqual([
      'POST /deviceManagement/complianceManagementPartners',
      'POST /deviceManagement/deviceManagementPartners',
    ]);
  });

  it('check returns the findings and their counts', SLOW, async () => {
    // The seeds have no error, and warnings of type-unresolved only (README): raised to errors here, the rules setting is seen.
    const { findings, errors, warnings } = await api.check({ cwd: work, input: SEEDS, cache: false, rules: { 'type-unresolved': 'error' } });
    expect(findings.length).toBe(errors + warnings);
    expect(errors).toBeGreaterThan(0);
    expect(findings.every((f) => f.ruleId === 'type-unresolved' && f.severity === 'error')).toBe(true);
    expect(findings[0]).toMatchObject({ ruleId: expect.any(String), file: expect.stringMatching(/\.md$/), line: expect.any(Number), column: expect.any(Number) });
  });

  it('a bad option throws a UsageError naming it', async () => {
    await expect(api.generate({ cwd: work, input: SEEDS, include: ['me'] })).rejects.toThrow(
      new api.UsageError('generate() options: `include[0]` is "me": Unexpected "me", expected a path starting with "/"; see "Selective generation" in the README'),
    );
    await expect(api.generate({ cwd: work, input: SEEDS, include: ['me'] })).rejects.toBeInstanceOf(api.UsageError);
  });
});
