/**
 * Bundles the page extractor (`generator/extract/page.ts` with remark, micromark
 * and yaml) into one module, `dist/bundles/extract-page.js`, run after `tsc` by
 * `npm run build`. Loaded as its ~300 separate modules, the extractor costs a
 * thread 150 ms of module loading before its first page; as one, about 30 ms.
 * That is most of what an edited page waits for (`pipeline/extract-page-file.ts`).
 *
 * The bundle is made from the compiled modules and is part of the page-facts
 * code id (`pipeline/incremental/code-id.ts`), so a stale bundle cannot pass for a fresh one.
 * It holds micromark as `patch-package` left it in node_modules (patches/):
 * the package installs with no script, so the patch travels in the bundles.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const common = {
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Packages' ES module builds first: jsonc-parser's CommonJS build is UMD, whose lazy `require('./impl/...')`
  // esbuild cannot follow, so the bundle would fail to load.
  mainFields: ['module', 'main'] as string[],
  logLevel: 'warning',
} as const;

await build({
  ...common,
  entryPoints: ['dist/generator/extract/page.js'],
  outfile: 'dist/bundles/extract-page.js',
  // yaml is CommonJS and requires Node built-ins; an ES module has no `require` of its own.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
});

// The remark processor the main thread parses with (`check` reads a few pages again) is bundled in place, so it
// carries the patched micromark too: an installed package gets micromark from the registry, unpatched, and runs
// no install script to patch it. Only remark and micromark are inside; the module has no state to share.
await build({ ...common, entryPoints: ['dist/generator/parse/processor.js'], outfile: 'dist/generator/parse/processor.js', allowOverwrite: true });
