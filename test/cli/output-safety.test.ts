/**
 * The output folder is docs2ts's own, through the compiled command line in temp
 * folders: a folder holding other files, the input, the working folder, their
 * ancestors, the cache folder and a root are refused (exit 2, one line), with
 * or without --force, and every file there survives byte for byte; --force
 * writes beside other files and never replaces or removes them; a folder an
 * earlier docs2ts wrote is adopted; a working folder deleted under the run is
 * a clear error, not an endless retry. One refusal runs as a whole process (its
 * exit code and stderr); the others, and the runs that write, go through the
 * CLI's `main` in this process (`cliInProcess`), which `bin/docs2ts.js` calls.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../generator/pipeline/output-owner.js';
import { repoRoot } from '../helpers/corpus.js';
import { built, cli, cliInProcess, filesOf, SEEDS } from '../helpers/cli.js';

const SLOW = { timeout: 120_000 };

describe.skipIf(!built)('generate --out: only a folder of its own (compiled CLI)', () => {
  let root: string;
  let work: string;
  /** Everything below the temp root but the cache, byte for byte. */
  const everything = () => filesOf(root, ['.docs2ts-cache']);

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-out-safety-'));
    work = path.join(root, 'work');
    writeFileSync(path.join(root, 'beside.txt'), 'a file beside the working folder\n');
    cpSync(SEEDS, path.join(work, 'docs'), { recursive: true });
    cpSync(SEEDS, path.join(work, 'a/docs'), { recursive: true });
    mkdirSync(path.join(work, 'src'));
    writeFileSync(path.join(work, 'src/main.ts'), 'export const main = 1;\n');
    writeFileSync(path.join(work, 'notes.txt'), 'the user\'s notes\n');
    mkdirSync(path.join(work, 'c/inner'), { recursive: true });
    writeFileSync(path.join(work, 'c/inner/kept.bin'), Buffer.from([0, 1, 2, 255]));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const refused: [string, string[], RegExp][] = [
    ['a folder holding a user file', ['--out', 'src'], /--out "src" .* holds files docs2ts did not write \(main\.ts\): .* --force/],
    ['the input', ['--out', 'docs', '--input', 'docs'], /--out "docs" .* is the input folder or holds it/],
    ['an ancestor of the input', ['--out', 'a', '--input', 'a/docs'], /--out "a" .* is the input folder or holds it/],
    ['the working folder', ['--out', '.'], /--out "\." .* is the working folder or holds it/],
    ['the working folder, named by an empty path', ['--out', ''], /--out "" .* is the working folder or holds it/],
    ['an ancestor of the working folder', ['--out', '..'], /--out "\.\." .* is the working folder or holds it/],
    ['the cache folder', ['--out', '.docs2ts-cache'], /is the cache folder, or holds it, or is inside it/],
    ['a folder inside the cache', ['--out', 'c/inner', '--cache', 'c'], /is the cache folder, or holds it, or is inside it/],
    ['a folder holding the cache', ['--out', 'c', '--cache', 'c/inner'], /is the cache folder, or holds it, or is inside it/],
    ['a filesystem root', ['--out', path.parse(os.tmpdir()).root], /is a filesystem root/],
  ];

  it('refuses as a whole process too: exit 2, one line on stderr, and every file survives', SLOW, () => {
    const before = everything();
    const run = cli(work, 'generate', '--input', 'docs', '--out', 'src');
    expect(run.stderr).toMatch(refused[0]![2]);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.status).toBe(2);
    expect(everything()).toEqual(before);
  });

  it.each(refused)('refuses %s (exit 2, one line), and every file survives', SLOW, async (_, args, message) => {
    const before = everything();
    const run = await cliInProcess(work, 'generate', '--input', 'docs', ...args);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.status).toBe(2);
    expect(everything()).toEqual(before);
  });

  it.each(refused.filter(([name]) => name !== 'a folder holding a user file'))('refuses %s with --force too', SLOW, async (_, args, message) => {
    const before = everything();
    const run = await cliInProcess(work, 'generate', '--input', 'docs', ...args, '--force');
    expect(run.stderr).toMatch(message);
    expect(run.status).toBe(2);
    expect(everything()).toEqual(before);
  });

  it('--force writes beside the user file, and later runs replace or remove only the files docs2ts wrote', SLOW, async () => {
    const user = readFileSync(path.join(work, 'src/main.ts'));
    const forced = await cliInProcess(work, 'generate', '--input', 'docs', '--out', 'src', '--force');
    expect(forced.status).toBe(0);
    const written = JSON.parse(readFileSync(path.join(work, 'src', OUTPUT_MARKER), 'utf8')).files as string[];
    expect(written).toContain('v1.0/models/microsoft.graph.ts');
    expect(written).toContain('beta/runtime.ts');
    expect(written).not.toContain('main.ts');
    expect(readFileSync(path.join(work, 'src/main.ts'))).toEqual(user);

    // The beta version gone from the input: its files go, the user's stays; no --force needed, the folder is marked.
    rmSync(path.join(work, 'docs/beta'), { recursive: true });
    const later = await cliInProcess(work, 'generate', '--input', 'docs', '--out', 'src');
    expect(later.status).toBe(0);
    const files = [...filesOf(path.join(work, 'src')).keys()];
    expect(files.filter((file) => file.startsWith('beta/'))).toEqual([]);
    expect(files).toContain('v1.0/models/microsoft.graph.ts');
    expect(readFileSync(path.join(work, 'src/main.ts'))).toEqual(user);
    cpSync(path.join(SEEDS, 'beta'), path.join(work, 'docs/beta'), { recursive: true });
  });

  it('--force never writes over a file docs2ts did not write', SLOW, async () => {
    mkdirSync(path.join(work, 'clash/v1.0'), { recursive: true });
    writeFileSync(path.join(work, 'clash/v1.0/runtime.ts'), 'mine\n');
    const before = everything();
    const run = await cliInProcess(work, 'generate', '--input', 'docs', '--out', 'clash', '--force');
    expect(run.stderr).toMatch(/clash\/v1\.0\/runtime\.ts is in the way: docs2ts did not write it/);
    expect(run.status).toBe(2);
    expect(everything()).toEqual(before);
  });

  it('adopts a folder an earlier docs2ts wrote (every file with its header), and refuses one with another file', SLOW, async () => {
    const fresh = await cliInProcess(work, 'generate', '--input', 'docs', '--out', 'earlier', '--no-cache');
    expect(fresh.status).toBe(0);
    const marker = readFileSync(path.join(work, 'earlier', OUTPUT_MARKER), 'utf8');
    rmSync(path.join(work, 'earlier', OUTPUT_MARKER));
    cpSync(path.join(work, 'earlier'), path.join(work, 'earlier-edited'), { recursive: true });
    const generated = filesOf(path.join(work, 'earlier'));

    // --check names the missing marker: the folder is not what a run writes.
    const check = await cliInProcess(work, 'generate', '--input', 'docs', '--out', 'earlier', '--check', '--no-cache');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`missing: ${OUTPUT_MARKER}`);

    const adopted = await cliInProcess(work, 'generate', '--input', 'docs', '--out', 'earlier', '--no-cache');
    expect(adopted.status).toBe(0);
    expect(readFileSync(path.join(work, 'earlier', OUTPUT_MARKER), 'utf8')).toBe(marker);
    expect(filesOf(path.join(work, 'earlier'))).toEqual(new Map<string, Buffer>([...generated, [OUTPUT_MARKER, Buffer.from(marker)] as const].sort(([a], [b]) => (a < b ? -1 : 1))));

    writeFileSync(path.join(work, 'earlier-edited/v1.0/extra.ts'), 'export const mine = 1;\n');
    const before = everything();
    const refusedRun = await cliInProcess(work, 'generate', '--input', 'docs', '--out', 'earlier-edited', '--no-cache');
    expect(refusedRun.stderr).toMatch(/holds files docs2ts did not write \(v1\.0\/extra\.ts\)/);
    expect(refusedRun.status).toBe(2);
    expect(everything()).toEqual(before);
  });

  it('a working folder deleted under the command is a usage error, not an endless retry', SLOW, () => {
    const gone = path.join(root, 'gone');
    mkdirSync(gone);
    const main = pathToFileURL(path.join(repoRoot, 'dist/generator/cli/main.js')).href;
    const script = `process.chdir(${JSON.stringify(gone)}); require('node:fs').rmdirSync(${JSON.stringify(gone)});
      import(${JSON.stringify(main)}).then(({ main }) => main(['generate', '--input', ${JSON.stringify(path.join(work, 'docs'))}, '--out', ${JSON.stringify(path.join(root, 'out-abs'))}])).then((code) => { process.exitCode = code; });`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).toContain('the working folder no longer exists');
    expect(run.status).toBe(2);
  });

  it('model --out replaces a model file it wrote, never another file', SLOW, async () => {
    const before = everything();
    const refusedRun = await cliInProcess(work, 'model', '--input', 'docs', '--out', 'notes.txt', '--no-cache');
    expect(refusedRun.stderr).toMatch(/--out notes\.txt exists and is not a model file docs2ts wrote/);
    expect(refusedRun.status).toBe(2);
    expect(everything()).toEqual(before);

    expect((await cliInProcess(work, 'model', '--input', 'docs', '--out', 'model.json', '--no-cache')).status).toBe(0);
    const again = await cliInProcess(work, 'model', '--input', 'docs', '--out', 'model.json', '--no-cache', '--compact');
    expect(again.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(work, 'model.json'), 'utf8')).generator.name).toBe('docs2ts');
    expect((await cliInProcess(work, 'model', '--input', 'docs', '--out', 'model.json', '--no-cache')).status).toBe(0);
    rmSync(path.join(work, 'model.json'));
  });
});
