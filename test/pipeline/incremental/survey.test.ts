/**
 * The survey of the input and output folders (`generator/pipeline/survey.ts`),
 * names with line breaks included; with the last run's records, `pageStates`
 * hashes the pages whose stamps do not prove them and finds the edited ones.
 */
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashOf } from '../../../generator/model/hash.js';
import type { InputRecord } from '../../../generator/pipeline/incremental/run-manifest.js';
import { pageStates } from '../../../generator/pipeline/incremental/load-pages.js';
import { survey } from '../../../generator/pipeline/incremental/survey.js';
import { repoRoot } from '../../helpers/corpus.js';

const EDITED = 'v1.0/resources/intune-onboarding-devicemanagementpartner.md';

let dir: string;
let input: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-survey-'));
  input = path.join(dir, 'docs');
  out = path.join(dir, 'out');
  await cp(path.join(repoRoot, 'docs-input'), input, { recursive: true });
  await mkdir(path.join(out, 'v1.0'), { recursive: true });
  await writeFile(path.join(out, 'v1.0', 'models.ts'), 'export {};\n');
  await writeFile(path.join(out, 'line\nbreak.ts'), '');
  await writeFile(path.join(input, 'v1.0', 'api', 'odd\nname.md'), '# Odd\n');
  await writeFile(path.join(input, 'v1.0', 'notes.txt'), 'not a page');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Records of every page as it is now, stamped long after its stamps. */
async function recordsNow(): Promise<InputRecord[]> {
  const { set, pageStamps } = await survey(input, out);
  return Promise.all(set.pages.map(async (page, i) => ({ file: page.file, apiVersion: page.apiVersion, ...pageStamps[i]!, hash: hashOf(await readFile(page.absolutePath)) })));
}

describe('survey', () => {
  it('lists the pages with their stamps, the files it skips and the output files', async () => {
    const here = await survey(input, out);
    expect(here.set.pages.map((page) => page.file)).toContain('v1.0/api/odd\nname.md');
    expect(here.set.skipped.map((file) => file.file)).toContain('v1.0/notes.txt');
    expect(here.output.present).toEqual(['line\nbreak.ts', 'v1.0/models.ts']);
    expect(here.pageStamps.every((stamp) => stamp !== undefined && stamp.size > 0)).toBe(true);
  });

  it('with the last records, hashes the pages whose stamps changed and finds those edited', async () => {
    const records = await recordsNow();
    const edited = path.join(input, EDITED);
    await appendFile(edited, '\nOne more line.\n');
    const touched = path.join(input, 'v1.0/api/odd\nname.md');
    await utimes(touched, new Date(), new Date(Date.now() + 5000));
    const found = await survey(input, out);
    const previous = new Map(records.map((record) => [record.file, record]));
    const states = pageStates(found.set.pages, found, previous, Date.now() + 10_000, true);
    expect(states.filter((state) => state.rehashed).map((state) => state.page.file).sort()).toEqual([EDITED, 'v1.0/api/odd\nname.md'].sort());
    const changed = states.filter((state) => state.hash !== previous.get(state.page.file)?.hash).map((state) => state.page.file);
    expect(changed).toEqual([EDITED]);
    expect(states.find((state) => state.page.file === EDITED)?.hash).toBe(hashOf(await readFile(edited)));
  });
});
