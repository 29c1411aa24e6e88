/**
 * The survey of the input and output folders (`generator/pipeline/survey.ts`):
 * packed to cross threads it gives what a survey taken here gives, names with
 * line breaks included; with the last run's records it hashes the pages whose
 * stamps do not prove them and tells the edited ones apart. In the compiled
 * generator, an edit surveyed by the side thread generates what a run without
 * cache does (a child process on dist/, which npm test builds).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashOf } from '../../generator/cache/hash.js';
import { listFiles } from '../../generator/pipeline/output-dir.js';
import type { InputRecord } from '../../generator/cache/run-manifest.js';
import { packRecords, packSurvey, survey, unpackSurvey } from '../../generator/pipeline/survey.js';
import { repoRoot } from '../helpers/corpus.js';

const DIST = path.join(repoRoot, 'dist/generator');
const built = existsSync(path.join(DIST, 'pipeline/survey.js'));
if (!built) console.warn('side-thread survey test skipped: dist/ is absent (npm test builds it; or run npm run build)');
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
  it('packed, gives what a survey here gives', async () => {
    const here = await survey(input, out);
    const { survey: packed, edited } = await packSurvey(input, out, Promise.resolve(undefined));
    expect(unpackSurvey(packed, input)).toEqual(here);
    expect(edited).toEqual([]);
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
    const findings = await packSurvey(input, out, Promise.resolve(packRecords(records, Date.now() + 10_000)));
    const found = unpackSurvey(findings.survey, input);
    expect(findings.edited.map((page) => page.file)).toEqual([EDITED]);
    const hashed = found.set.pages.flatMap((page, i) => (found.pageHashes?.[i] ? [page.file] : []));
    expect(hashed.sort()).toEqual([EDITED, 'v1.0/api/odd\nname.md'].sort());
    const at = found.set.pages.findIndex((page) => page.file === EDITED);
    expect(found.pageHashes?.[at]).toBe(hashOf(await readFile(edited)));
  });

  it('refuses a pack that does not line up with its listing', async () => {
    const { survey: packed } = await packSurvey(input, out, Promise.resolve(undefined));
    expect(() => unpackSurvey({ ...packed, pageStamps: packed.pageStamps.subarray(4) }, input)).toThrow(/line up/);
  });
});

describe.runIf(built)('an edit surveyed by the side thread', () => {
  it('generates what a run without cache does', { timeout: 120_000 }, async () => {
    const url = (file: string) => JSON.stringify(pathToFileURL(path.join(DIST, file)).href);
    const script = `
      const { generate } = await import(${url('pipeline/generate.js')});
      const { appendFileSync } = await import('node:fs');
      const [input, out, cacheDir, fresh] = process.argv.slice(2);
      const request = { input, out, cacheDir, surveyThreadFrom: 0 };
      await generate(request);
      appendFileSync(input + '/${EDITED}', '\\nOne more line.\\n');
      const edit = await generate(request);
      const again = await generate(request);
      await generate({ input, out: fresh, cacheDir: null, workers: 1 });
      console.log(JSON.stringify({ edit: [edit.surveyed, edit.linked['v1.0'], edit.changedPages], again: [again.surveyed, again.upToDate] }));
    `;
    const file = path.join(dir, 'edit.mjs');
    writeFileSync(file, script);
    const [generated, fresh] = [path.join(dir, 'generated'), path.join(dir, 'fresh')];
    const child = spawnSync(process.execPath, [file, input, generated, path.join(dir, 'cache'), fresh], { encoding: 'utf8', timeout: 120_000 });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ edit: ['thread', 'pages', [EDITED]], again: ['thread', true] });
    const files = async (folder: string) => Promise.all(listFiles(folder).map(async (file) => [file, await readFile(path.join(folder, file), 'utf8')]));
    expect(await files(generated)).toEqual(await files(fresh));
  });
});
