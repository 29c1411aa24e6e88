/**
 * `npm run check-quality [-- --pages 20 --seed 1,101 --corpus ../shared/graph-docs --misses --kind TEXT]`:
 * the mutation study of issue 20. For each kind of doc problem, N seeded random
 * corpus pages that can carry it get it put in, one at a time; the page is
 * checked before and after (alone, or with the pages its kind needs: the
 * version's resource pages for types, the page a link points at, another page
 * using a permission), and a mutation counts as found when a finding on the
 * page that was not there before lands on the mutated line (and at the column).
 * Prints kind → per seed (a set of pages; default 1 and 101) mutations, found
 * at the right line, at the right line+column; and the CPU time. A kind's `rule` may be an extraction code (`json-invalid`).
 * Besides the kind's rule, each page is also checked as a user's `docs2ts check` does (every rule at its default
 * level, extraction diagnostics too): "default check" counts a mutation found when any new finding lands at the spot.
 * The kinds are in `check-quality-kinds.ts` (rounds 1 and 2) and `check-quality-variants.ts` (round 3: other ways
 * to put the same problems in); `--round 3` runs only the variants, `--round 2` only the first kinds.
 * Skips with a message when the corpus is absent.
 */
import path from 'node:path';
import { check, pagesOf, read, useCorpus, type Kind } from './check-quality-lib.js';
import { KINDS } from './check-quality-kinds.js';
import { VARIANTS } from './check-quality-variants.js';

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function main(): void {
  if (!useCorpus(path.resolve(option('corpus', path.join(process.cwd(), '..', 'shared', 'graph-docs'))))) {
    console.log(`check-quality: no corpus at ${option('corpus', '../shared/graph-docs')}; skipped (pass --corpus DIR)`);
    return;
  }
  const perKind = Number(option('pages', '20'));
  const only = option('kind', '');
  const round = option('round', '');
  const files = { api: ['v1.0', 'beta'].flatMap((v) => pagesOf(v, 'api')).sort(), resources: ['v1.0', 'beta'].flatMap((v) => pagesOf(v, 'resources')).sort() };
  // Two sets of pages by default: seed 1 (the pages the rules were tuned on) and seed 101 (kind k draws with seed + k,
  // so 101's draws share no stream with seed 1's). Variant v draws with seed + 1000 + v.
  const seeds = option('seed', '1,101').split(',').map(Number);
  const columns = seeds.map((seed) => `seed ${seed}: mutations | found at line | at line+column | default check: at line | at line+column`).join(' | ');
  console.log(`| kind | rule | ${columns} | CPU s |\n| --- | --- |${' ---: |'.repeat(seeds.length * 5 + 1)}`);
  const kinds = [...(round === '3' ? [] : KINDS.map((kind, k) => ({ kind, stream: k }))), ...(round === '2' ? [] : VARIANTS.map((kind, v) => ({ kind, stream: 1000 + v })))];
  const totals = seeds.map(() => [0, 0, 0, 0, 0]);
  for (const { kind, stream } of kinds) {
    if (only && !kind.name.includes(only)) continue;
    const cpu = process.cpuUsage();
    const runs = seeds.map((seed) => study(kind, files[kind.folder ?? 'api'], random(seed + stream), perKind));
    const used = process.cpuUsage(cpu);
    const seconds = (used.user + used.system) / 1e6;
    runs.forEach((r, i) => [r.tried, r.line, r.exact, r.anyLine, r.anyExact].forEach((n, j) => (totals[i]![j]! += n)));
    console.log(`| ${kind.name} | ${kind.rule} | ${runs.map((r) => `${r.tried} | ${r.line} | ${r.exact} | ${r.anyLine} | ${r.anyExact}`).join(' | ')} | ${seconds.toFixed(1)} |`);
    if (process.argv.includes('--misses')) runs.forEach((r, i) => r.misses.forEach((miss) => console.log(`  miss (seed ${seeds[i]}): ${miss}`)));
  }
  console.log(`| total | | ${totals.map((t) => t.join(' | ')).join(' | ')} | ${(process.cpuUsage().user / 1e6).toFixed(0)} |`);
}

/**
 * Up to `perKind` mutations of `kind` on pages drawn from `pool` with `next`: how many were tried, found by the kind's
 * rule at the line and at line+column, found by a default check (any rule) at the line and at line+column, and the
 * misses (of the kind's rule at line+column, or of the default check at line+column).
 */
function study(kind: Kind, pool: string[], next: () => number, perKind: number) {
  const counts = { tried: 0, line: 0, exact: 0, anyLine: 0, anyExact: 0 };
  const misses: string[] = [];
  for (let attempt = 0; counts.tried < perKind && attempt < perKind * 200; attempt++) {
    const file = pool[Math.floor(next() * pool.length)]!;
    const text = read(file);
    const mutated = kind.mutate(text.split('\n'), file, next);
    if (!mutated) continue;
    const others = mutated.others ?? kind.with?.(file, mutated.text, text) ?? [];
    counts.tried++;
    const before = check(file, text, kind.rule, others);
    const after = check(file, mutated.text, kind.rule, others);
    const added = [...after.rule].filter((f) => !before.rule.has(f));
    const anyAdded = [...after.all].filter((f) => !before.all.has(f));
    const spots = [mutated, ...(mutated.also ? [mutated.also] : [])];
    const at = (found: string[], column: boolean) => spots.some((spot) => found.some((f) => f.startsWith(`${spot.line}:${column ? `${spot.column}:` : ''}`)));
    counts.line += Number(at(added, false));
    counts.exact += Number(at(added, true));
    counts.anyLine += Number(at(anyAdded, false));
    counts.anyExact += Number(at(anyAdded, true));
    const shown = mutated.text.split('\n')[mutated.line - 1]!;
    const spot = `${file}:${mutated.line}:${mutated.column} \`${shown.slice(Math.max(0, mutated.column - 30), mutated.column + 30).trim()}\``;
    if (!at(added, true)) misses.push(`${spot} → ${added.map((f) => f.slice(0, 90)).join(' | ') || 'nothing'}`);
    else if (!at(anyAdded, true)) misses.push(`${spot} (default check) → ${anyAdded.map((f) => f.slice(0, 90)).join(' | ') || 'nothing'}`);
  }
  return { ...counts, misses };
}

main();
