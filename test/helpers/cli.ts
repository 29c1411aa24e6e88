/** Running the compiled command line (`bin/docs2ts.js`, built by `npm run build`) in a folder, and reading folders byte for byte. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './corpus.js';

export const BIN = path.join(repoRoot, 'bin/docs2ts.js');
const MAIN = path.join(repoRoot, 'dist/generator/cli/main.js');
export const built = existsSync(MAIN);
export const SEEDS = path.join(repoRoot, 'docs-input');

export interface CliRun {
  status: number | null;
  stderr: string;
}

/** A run in this process, with its stdout too. */
export interface CliRunHere extends CliRun {
  stdout: string;
}

export function cli(cwd: string, ...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 300_000, env: { ...process.env, CI: '1' } });
  return { status: run.status, stderr: run.stderr };
}

/**
 * The command line's own function (`cli/main.ts`, what `bin/docs2ts.js` calls) run in this process, in `cwd`,
 * with its stdout and stderr captured: for tests of what a command does rather than of the process around it, without
 * starting Node and loading the generator again (over a second of CPU a run). Needs a worker that may change
 * its working folder (the forks pool, not threads).
 */
export async function cliInProcess(cwd: string, ...args: string[]): Promise<CliRunHere> {
  const { main } = (await import(MAIN)) as typeof import('../../generator/cli/main.js');
  const before = process.cwd();
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  const text = { stdout: '', stderr: '' };
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: string | Uint8Array) => ((text[stream] += chunk.toString()), true)) as typeof process.stdout.write;
  }
  try {
    process.chdir(cwd);
    return { status: await main(args), ...text };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    process.chdir(before);
  }
}

/** The same, not waiting: resolves when the process ends. */
export function cliAsync(cwd: string, ...args: string[]): Promise<CliRun> {
  return cliStarted(cwd, ...args).done;
}

/**
 * The same, started: `saw(text)` resolves once the process has written `text` to stderr (an event, not a guessed
 * sleep) and rejects if it ends without; `done` resolves when it ends.
 */
export function cliStarted(cwd: string, ...args: string[]): { child: ChildProcess; saw(text: string): Promise<void>; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun>((resolve) => child.on('close', (status) => resolve({ status, stderr })));
  const saw = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const look = () => {
        if (!stderr.includes(text)) return;
        child.stderr.off('data', look);
        resolve();
      };
      child.stderr.on('data', look);
      look();
      void done.then((run) => reject(new Error(`the process ended (exit ${run.status}) without writing ${JSON.stringify(text)}; stderr:\n${run.stderr}`)));
    });
  return { child, saw, done };
}

/** Every file below a folder (relative, `/`), with its bytes, sorted; folders named in `skip` are not entered. */
export function filesOf(dir: string, skip: readonly string[] = []): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (folder: string, relative: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory() && !skip.includes(entry.name)) walk(path.join(folder, entry.name), name);
      else if (entry.isFile()) found.set(name, readFileSync(path.join(folder, entry.name)));
    }
  };
  walk(dir, '');
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}
