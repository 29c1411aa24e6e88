#!/usr/bin/env node
/**
 * `npm run generate` (and `model`, `check`, `check-sample`, `test:quick`) in a clone: builds first when dist/
 * is missing or older than a source file (generator/, scripts/, patches/,
 * package.json, tsconfig*.json), so `npm install && npm run generate` works on a
 * fresh clone and after a pull. Plain JavaScript: it runs before anything is built.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/bundles/extract-page.js');

const newest = (entries) => Math.max(0, ...entries.map((file) => statSync(path.join(root, file)).mtimeMs));
const sources = [
  ...['generator', 'scripts', 'patches'].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name))),
  ),
  ...readdirSync(root).filter((name) => name === 'package.json' || /^tsconfig.*\.json$/.test(name)),
];

let builtAt = 0;
try {
  builtAt = statSync(built).mtimeMs;
} catch {
  // Not built yet.
}
if (builtAt < newest(sources)) {
  process.stderr.write(builtAt === 0 ? 'docs2ts: building (first run)\n' : 'docs2ts: sources changed since the last build: building\n');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}
