/**
 * Whole emitted outputs per fixture case, prettier-formatted as the
 * orchestrator writes them, against golden files under `__golden__/<case>/`.
 * The goldens are complete outputs, so the repository's own `tsc` checks them too.
 * Regenerate with `npx vitest run test/emit/ -u` and review the diff.
 */
import { describe, expect, it } from 'vitest';
import { CASES } from './cases.js';
import { emitAll, formatFiles } from './harness.js';

const RUNTIME = /\/validators\/runtime\.ts$/;

describe.each(Object.entries(CASES))('emitted %s', (name, c) => {
  it('writes the expected files', async () => {
    const paths = emitAll(c.ctx(), c.options).map((f) => f.path);
    await expect(`${paths.join('\n')}\n`).toMatchFileSnapshot(`__golden__/${name}/files.txt`);
  });

  it('matches the golden of every file', async () => {
    const files = await formatFiles(emitAll(c.ctx(), c.options));
    for (const file of files) {
      await expect(file.content).toMatchFileSnapshot(`__golden__/${name}/${file.path}`);
    }
  });

  it('is deterministic', () => {
    expect(emitAll(c.ctx(), c.options)).toEqual(emitAll(c.ctx(), c.options));
  });
});

it('emits the same validator runtime for every model', () => {
  const runtimes = new Set(Object.values(CASES).map((c) => emitAll(c.ctx(), c.options).find((f) => RUNTIME.test(f.path))!.content));
  expect(runtimes.size).toBe(1);
});
