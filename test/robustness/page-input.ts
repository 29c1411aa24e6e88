/**
 * Inputs for the one-bad-page tests: the seed pages (docs-input) plus pages the
 * test writes, in a temp folder, and the compiled command line run on them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../helpers/corpus.js';

const BIN = path.join(repoRoot, 'bin/docs2ts.js');
export const built = existsSync(path.join(repoRoot, 'dist/generator/cli/main.js'));
export const SEED_UPDATE = 'v1.0/api/intune-onboarding-devicemanagementpartner-update.md';

export interface TempInput {
  dir: string;
  /** The input root: the seed pages plus `pages`. */
  input: string;
  cleanup(): void;
}

/** A temp folder holding `in/` (docs-input plus `pages`, by path under the input root). */
export function inputWith(name: string, pages: Record<string, string> = {}): TempInput {
  const dir = mkdtempSync(path.join(os.tmpdir(), `docs2ts-${name}-`));
  const input = path.join(dir, 'in');
  cpSync(path.join(repoRoot, 'docs-input'), input, { recursive: true });
  for (const [file, text] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(input, file)), { recursive: true });
    writeFileSync(path.join(input, file), text);
  }
  return { dir, input, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/docs2ts.js ...args` in `cwd`, with extra environment variables. */
export function cli(cwd: string, args: string[], env: Record<string, string> = {}): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, CI: '1', ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The seed update page with its request and response bodies replaced, as another operation's page (`PATCH /deep/{id}`). */
export function updatePageWith(requestBody: string, responseBody: string): string {
  const seed = readFileSync(path.join(repoRoot, 'docs-input', SEED_UPDATE), 'utf8');
  const replaceBody = (text: string, after: string, body: string) => {
    const start = text.indexOf(after) + after.length;
    return text.slice(0, start) + body + '\n' + text.slice(text.indexOf('```', start));
  };
  return replaceBody(replaceBody(seed, 'Content-length: 803\n\n', requestBody), 'Content-Length: 852\n\n', responseBody).replace(
    'PATCH /deviceManagement/deviceManagementPartners/{deviceManagementPartnerId}',
    'PATCH /deep/{id}',
  );
}

/** Every file under `root`, by relative path, with its text. */
export function readTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(root, file), readFileSync(file, 'utf8'));
  }
  return out;
}
