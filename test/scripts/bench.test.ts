/**
 * `npm run bench` on the seeds only (`--skip-corpus`, one repeat): every step
 * and ratio the issue asks for is printed with a figure, and NODE_EXTRA_CA_CERTS,
 * when set, is said and its cost shown. The corpus figures are
 * the bench's job, not a test's: nothing here is timed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

const script = path.join(repoRoot, 'dist/scripts/bench.js');

describe.skipIf(!existsSync(script))('npm run bench (seeds only)', () => {
  it('prints every step with wall time, CPU time and peak RSS, and every ratio', { timeout: 300_000 }, () => {
    // Set (to a file that is not there: Node warns and goes on), so the bench says what it costs and leaves it out.
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: path.join(repoRoot, 'no-such-ca-file.pem') };
    const run = spawnSync(process.execPath, ['--expose-gc', script, '--skip-corpus', '--repeat', '1'], { cwd: repoRoot, encoding: 'utf8', env });
    expect(run.status, run.stderr).toBe(0);
    const number = String.raw`\d+\.\d+`;
    for (const step of ['parse_floor', 'cold', 'warm', 'one_edit', 'check']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${step}\\s+${number}\\s+${number}\\s+\\d+\\s`, 'm'));
    }
    expect(run.stdout.match(/^ {2}one_edit /gm)).toHaveLength(2);
    for (const ratio of ['cold/parse_floor', 'warm/cold', 'one_edit/cold \\(description edit\\)', 'one_edit/cold \\(property row added\\)']) {
      expect(run.stdout).toMatch(new RegExp(`^    ${ratio}\\s+${number} \\[${number}\\]`, 'm'));
    }
    expect(run.stdout).toMatch(/^NODE_EXTRA_CA_CERTS is set here: .*\(node -e 0: \d+ ms with it, \d+ ms without, median of 5\)/m);
    expect(run.stdout.match(new RegExp(`^    one_edit/cold \\(.*\\)\\s+${number} with NODE_EXTRA_CA_CERTS$`, 'gm'))).toHaveLength(2);
    expect(run.stdout).toMatch(/peak RSS of docs2ts runs \d+ MB \(target <= 2048 MB\) (met|missed)/);
    expect(run.stdout).toMatch(/seeds warm run: \d+\.\d+ s \(target: well under 1 s\) (met|missed)/);
    expect(run.stdout).toContain('corpus: skipped (--skip-corpus)');
  });
});
