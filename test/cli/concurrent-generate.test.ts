/**
 * Two `generate` runs at once on the same output and cache (the compiled
 * command line, on the seed pages), round after round, with the input edited
 * between rounds: both end well and the output is always what a --no-cache run
 * writes, with nothing left beside it. Before the run locks, 2 rounds in 66
 * ended with an empty output folder or a stale file.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, cli, cliAsync, filesOf, SEEDS } from '../helpers/cli.js';

const ROUNDS = 20;
const PAGE = 'v1.0/resources/intune-onboarding-devicemanagementpartner.md';

describe.skipIf(!built)('two generate runs at once (compiled CLI)', () => {
  let work: string;
  let original: string;
  /** The input edited or not, and what a --no-cache run writes for it. */
  const states: { text: string; output: Map<string, Buffer> }[] = [];

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-concurrent-'));
    cpSync(SEEDS, path.join(work, 'docs'), { recursive: true });
    original = readFileSync(path.join(work, 'docs', PAGE), 'utf8');
    const edited = original.replace(/^(\|lastHeartbeatDateTime\|[^\n]*)\|$/m, '$1 Edited by a test.|');
    expect(edited).not.toBe(original);
    for (const text of [original, edited]) {
      writeFileSync(path.join(work, 'docs', PAGE), text);
      expect(cli(work, 'generate', '-i', 'docs', '-o', 'reference', '--no-cache', '--quiet').status).toBe(0);
      states.push({ text, output: filesOf(path.join(work, 'reference')) });
    }
    expect(states[0]!.output).not.toEqual(states[1]!.output);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it(`${ROUNDS} rounds: both runs succeed and the output equals the --no-cache run's`, { timeout: 900_000 }, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const state = states[round % 2]!;
      writeFileSync(path.join(work, 'docs', PAGE), state.text);
      const runs = await Promise.all([cliAsync(work, 'generate', '-i', 'docs', '-o', 'out'), cliAsync(work, 'generate', '-i', 'docs', '-o', 'out')]);
      expect(runs.map((run) => run.status), `round ${round}: ${runs.map((run) => run.stderr).join('\n')}`).toEqual([0, 0]);
      expect(filesOf(path.join(work, 'out')), `round ${round}`).toEqual(state.output);
      expect(readdirSync(work).filter((name) => name.startsWith('.out.'))).toEqual([]);
    }
  });
});
