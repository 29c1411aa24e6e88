/**
 * The generator's module graph: no import cycle (static, type-only or dynamic
 * imports alike), and imports go one way, parse ← extract ← model ← emit /
 * check / diff ← pipeline ← cli, with `cache` used by `pipeline` only and the
 * diagnostic type shared by all (docs/architecture.md); and no generator file
 * over 300 lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/corpus.js';

const root = path.join(repoRoot, 'generator');

function modules(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? modules(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

/** Each module's relative imports, as generator-relative paths (`cli/main.ts`). */
function importGraph(): Map<string, string[]> {
  const all = modules();
  const known = new Set(all);
  const graph = new Map<string, string[]>();
  for (const file of all) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)]
      .map((match) => path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, '.ts')))
      .filter((target) => known.has(target));
    graph.set(path.relative(root, file), [...new Set(targets.map((target) => path.relative(root, target)))]);
  }
  return graph;
}

/** Every cycle's modules (strongly connected components of more than one module, or a module importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)!.includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** Folders a folder's modules must not import. */
const NOT_IMPORTED: Record<string, string[]> = {
  parse: ['extract', 'model', 'emit', 'check', 'diff', 'pipeline', 'cli'],
  extract: ['emit', 'check', 'diff', 'pipeline', 'cli'],
  model: ['emit', 'check', 'diff', 'pipeline', 'cli'],
  emit: ['check', 'diff', 'pipeline', 'cli'],
  check: ['emit', 'diff', 'pipeline', 'cli'],
  diff: ['pipeline', 'cli'],
  pipeline: ['cli'],
};

/** The diagnostic type every stage reports with, `parse` included. */
const SHARED = ['model/diagnostic.ts'];

/** The incremental engine (`pipeline/incremental/`) wraps the stages: only these modules use it. */
const ENGINE_USERS = ['pipeline/build-model.ts', 'pipeline/diff-results.ts', 'pipeline/generate.ts', 'pipeline/last-run.ts'];

/** Generator files stay readable: none past this many lines. */
const MAX_LINES = 300;

describe('the generator module graph', () => {
  const graph = importGraph();

  it('reads every module', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('cli/main.ts')).toContain('cli/config.ts');
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle where there is one (the check itself)', () => {
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('imports go one way', () => {
    const against = [...graph].flatMap(([file, targets]) => {
      const banned = NOT_IMPORTED[file.split('/')[0]!] ?? [];
      return targets.filter((target) => banned.includes(target.split('/')[0]!) && !SHARED.includes(target)).map((target) => `${file} -> ${target}`);
    });
    expect(against.sort()).toEqual([]);
  });

  it('no stage knows the incremental engine: only the pipeline entries import it', () => {
    const users = [...graph].filter(([file, targets]) => !file.startsWith('pipeline/incremental/') && targets.some((target) => target.startsWith('pipeline/incremental/'))).map(([file]) => file);
    expect(users.sort()).toEqual(ENGINE_USERS);
    const engine = [...graph].filter(([file]) => file.startsWith('pipeline/incremental/'));
    expect(engine.flatMap(([file, targets]) => targets.filter((target) => ENGINE_USERS.includes(target) || target.startsWith('cli/')).map((target) => `${file} -> ${target}`))).toEqual([]);
  });

  it(`has no file over ${MAX_LINES} lines`, () => {
    const long = modules().flatMap((file) => {
      const lines = readFileSync(file, 'utf8').split('\n').length - 1;
      return lines > MAX_LINES ? [`${path.relative(root, file)}: ${lines} lines`] : [];
    });
    expect(long).toEqual([]);
  });
});

/** A module's bare imports (`unified`, `@types/x`, `ts-morph/sub` as `ts-morph`), each with whether only types are imported. */
function bareImports(file: string): { name: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found = [
    ...text.matchAll(/^\s*(?:import|export)(\s+type)?\b[^;'"]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]()/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)()/g),
  ].map((match) => (match.length === 3 && match[0].includes('from') ? { spec: match[2]!, typeOnly: match[1] !== undefined } : { spec: match[1]!, typeOnly: false }));
  return found
    .filter(({ spec }) => !spec.startsWith('.') && !spec.startsWith('node:'))
    .map(({ spec, typeOnly }) => ({ name: spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'), typeOnly }));
}

describe('the packages the code imports', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<'dependencies' | 'devDependencies', Record<string, string>>;
  const runtime = new Set(Object.keys(manifest.dependencies));
  const declared = new Set([...runtime, ...Object.keys(manifest.devDependencies)]);
  const imports = (folder: string) =>
    modules(path.join(repoRoot, folder)).flatMap((file) => bareImports(file).map((found) => ({ ...found, file: path.relative(repoRoot, file) })));
  /** A type-only import is satisfied by the package or its `@types/` package, as a dev dependency too (types are erased). */
  const typesDeclared = (name: string) => declared.has(name) || declared.has(`@types/${name.replace(/^@(.*)\/(.*)$/, '$1__$2')}`);

  it('reads the imports of a module (the check itself)', () => {
    const imported = bareImports(path.join(root, 'extract/recovered-table.ts'));
    expect(imported).toContainEqual({ name: 'unist-util-visit', typeOnly: false });
    expect(imported).toContainEqual({ name: 'mdast', typeOnly: true });
  });

  it('generator/ imports at run time only packages in dependencies', () => {
    const missing = imports('generator').filter(({ name, typeOnly }) => (typeOnly ? !typesDeclared(name) : !runtime.has(name)));
    expect(missing.map(({ file, name }) => `${file}: ${name}`)).toEqual([]);
  });

  it('scripts/ imports only declared packages', () => {
    const missing = imports('scripts').filter(({ name, typeOnly }) => (typeOnly ? !typesDeclared(name) : !declared.has(name)));
    expect(missing.map(({ file, name }) => `${file}: ${name}`)).toEqual([]);
  });

  it('every dependency is imported by generator/ (a package used only by scripts or tests is a dev dependency)', () => {
    const used = new Set(imports('generator').map(({ name }) => name));
    expect([...runtime].filter((name) => !used.has(name))).toEqual([]);
  });
});
