/** `buildModel` with a facts cache (the `model` and `check` commands) gives the model and whole page facts of a run without one, cold and warm. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { editPage, makeFixture, type Fixture } from './fixture.js';

describe('buildModel with a cache', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeFixture();
  });
  afterAll(() => fx?.cleanup());

  it('equals the model without a cache: cold, warm, and after an edit', { timeout: 600_000 }, async () => {
    const cacheDir = path.join(fx.dir, 'cache');
    // The page facts too, headings and links included: check's rules read them.
    const plain = async () => JSON.stringify(await buildModel(fx.input, { workers: 1 }));
    const cached = async () => JSON.stringify(await buildModel(fx.input, { workers: 1, cacheDir }));
    expect(await cached()).toBe(await plain());
    expect(await cached()).toBe(await plain());
    const page = path.join(fx.input, fx.withCorpus ? 'v1.0/resources/user.md' : 'v1.0/resources/intune-onboarding-devicemanagementpartner.md');
    await editPage(page, fx.withCorpus ? /^\|aboutMe\|/ : /^\|lastHeartbeatDateTime\|/, (line) => line.replace(/\|([^|]*)\|$/, '|Edited. $1|'));
    const after = await cached();
    expect(after).toBe(await plain());
    expect(after).toContain('Edited.');
  });
});
