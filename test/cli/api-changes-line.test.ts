/**
 * `generate` says in one line what changed in the API since its last run
 * (issue 22): the changed pages as the last run had them, from the facts
 * cache, against the pages now. Run with the compiled command's `main` in this
 * process (`cliInProcess`), in a temp folder.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { built, cliInProcess, SEEDS } from '../helpers/cli.js';

const RESOURCE = 'docs/v1.0/resources/intune-onboarding-devicemanagementpartner.md';

describe.runIf(built)('generate: the API changes since the last run', () => {
  let dir: string;
  const edit = (from: string, to: string) => {
    const file = path.join(dir, RESOURCE);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
  };
  const changeLines = async (...extra: string[]) => {
    const run = await cliInProcess(dir, 'generate', '-i', 'docs', '-o', 'out', ...extra);
    expect(run.status, run.stderr).toBe(0);
    return run.stderr.split('\n').filter((line) => line.startsWith('API changes'));
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-api-changes-'));
    cpSync(SEEDS, path.join(dir, 'docs'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('says nothing on a first run, or when the API did not change', async () => {
    expect(await changeLines()).toEqual([]);
    edit('Partner display name', 'The partner display name');
    expect(await changeLines()).toEqual([]);
  });

  it('counts a type change as breaking and names it, and an added property as info', async () => {
    await changeLines();
    edit('|displayName|String|', '|displayName|Int32|');
    expect(await changeLines()).toEqual([
      'API changes since the last run: 1 breaking, 0 warnings, 0 info (breaking: v1.0 Property `displayName` of `deviceManagementPartner` changed type from `Edm.String` to `Edm.Int32`)',
    ]);
    edit('|displayName|Int32|Partner display name|', '|displayName|Int32|Partner display name|\n|region|String|Where the partner is|');
    expect(await changeLines()).toEqual(['API changes since the last run: 0 breaking, 0 warnings, 1 info (v1.0 Property `region` (`Edm.String`) added to `deviceManagementPartner`)']);
  });

  it('says nothing under --quiet', async () => {
    await changeLines();
    edit('|displayName|String|', '|displayName|Int32|');
    expect(await changeLines('--quiet')).toEqual([]);
  });
});
