/**
 * `npm run check-quality [-- --pages 20 --seed 1 --corpus ../shared/graph-docs --rule <id>]`:
 * the mutation study of issue 20. For each kind of doc problem, N seeded random
 * corpus pages that can carry it get it put in, one at a time; the page alone
 * is checked before and after, and a mutation counts as found when a finding
 * that was not there before lands on the mutated line (and at the column).
 * Prints kind → mutations, found at the right line, at the right line+column.
 * Skips with a message when the corpus is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPage } from '../generator/extract/page.js';
import { linkModel } from '../generator/model/link.js';
import { memoryPages } from '../generator/check/page-text.js';
import { runRules } from '../generator/check/run-check.js';
import type { RuleId } from '../generator/check/types.js';
import type { PageFacts } from '../generator/extract/facts.js';

interface Mutated {
  text: string;
  line: number;
  column: number;
}

interface Kind {
  name: string;
  rule: RuleId;
  mutate: (lines: string[]) => Mutated | undefined;
  /** The rule compares with other pages' types: the version's resource pages are checked with the page. */
  resources?: true;
}

const index = (lines: string[], test: RegExp, from = 0) => lines.findIndex((line, i) => i >= from && test.test(line));
const join = (lines: string[]) => lines.join('\n');

const KINDS: Kind[] = [
  {
    name: 'JSON body cut short (last `}` removed)',
    rule: 'example-json-invalid',
    mutate(lines) {
      const status = index(lines, /^HTTP\/1\.1 200 OK\s*$/);
      const fence = index(lines, /^```\s*$/, status);
      if (status < 0 || fence < 0 || lines[fence - 1]?.trim() !== '}') return undefined;
      const out = [...lines.slice(0, fence - 1), ...lines.slice(fence)];
      let last = fence - 2;
      while (last > status && out[last]!.trim() === '') last--;
      return { text: join(out), line: last + 1, column: out[last]!.trimEnd().length + 1 };
    },
  },
  {
    name: '`## Response` removed (examples keep `### Response`)',
    rule: 'section-missing',
    mutate(lines) {
      const at = index(lines, /^## Response\s*$/);
      if (at < 0 || index(lines, /^#{3,4} Response\b/, at + 1) < 0) return undefined;
      const out = [...lines.slice(0, at), ...lines.slice(at + 1)];
      const next = index(out, /^## /, at);
      return next < 0 ? undefined : { text: join(out), line: next + 1, column: 1 };
    },
  },
  {
    name: '`## HTTP request` re-cased (`## Http Request`)',
    rule: 'section-missing',
    mutate(lines) {
      const at = index(lines, /^## HTTP request\s*$/i);
      return at < 0 ? undefined : { text: join(lines.map((l, i) => (i === at ? '## Http Request' : l))), line: at + 1, column: 1 };
    },
  },
  {
    name: '`## Response` misspelt (`## Reponse`)',
    rule: 'section-missing',
    mutate(lines) {
      const at = index(lines, /^## Response\s*$/);
      return at < 0 ? undefined : { text: join(lines.map((l, i) => (i === at ? '## Reponse' : l))), line: at + 1, column: 1 };
    },
  },
  {
    name: '`## HTTP request` moved below `## Response`',
    rule: 'section-missing',
    mutate(lines) {
      const at = index(lines, /^## HTTP request\s*$/i);
      const end = index(lines, /^## /, at + 1);
      const response = index(lines, /^## Response\s*$/);
      const after = index(lines, /^## /, response + 1);
      if (at < 0 || end < 0 || response < end || after < 0) return undefined;
      const section = lines.slice(at, end);
      const rest = [...lines.slice(0, at), ...lines.slice(end)];
      const insert = after - section.length;
      return { text: join([...rest.slice(0, insert), ...section, ...rest.slice(insert)]), line: insert + 1, column: 1 };
    },
  },
  {
    name: 'status with a wrong reason phrase (`200 Created`)',
    rule: 'response-status-mismatch',
    mutate(lines) {
      const at = index(lines, /^HTTP\/1\.1 200 OK\s*$/);
      return at < 0 ? undefined : { text: join(lines.map((l, i) => (i === at ? 'HTTP/1.1 200 Created' : l))), line: at + 1, column: 14 };
    },
  },
  {
    name: 'request-body row duplicated',
    rule: 'request-body-mismatch',
    mutate(lines) {
      const heading = index(lines, /^## Request body\s*$/);
      const separator = index(lines, /^\|?\s*:?-{3,}/, heading);
      const next = index(lines, /^#/, heading + 1);
      if (heading < 0 || separator < 0 || (next >= 0 && separator > next) || !lines[separator + 1]?.includes('|')) return undefined;
      let last = separator + 1;
      while (lines[last + 1]?.includes('|')) last++;
      const row = lines[separator + 1]!;
      const column = row.search(/[^|\s]/) + 1;
      return { text: join([...lines.slice(0, last + 1), row, ...lines.slice(last + 1)]), line: last + 2, column };
    },
  },
  {
    name: 'example request path segment misspelt',
    rule: 'http-request-mismatch',
    mutate(lines) {
      const at = index(lines, /^(GET|POST|PATCH|PUT|DELETE) https:\/\/graph\.microsoft\.com\/(v1\.0|beta)\/[a-zA-Z]/);
      if (at < 0) return undefined;
      const line = lines[at]!;
      const start = line.indexOf('/', line.indexOf('.com/') + 5) + 1;
      if (!/^[a-zA-Z]{3,}(\/|$)/.test(line.slice(start))) return undefined;
      const mutated = `${line.slice(0, start + 1)}q${line.slice(start + 1)}`;
      return { text: join(lines.map((l, i) => (i === at ? mutated : l))), line: at + 1, column: start + 1 };
    },
  },
  {
    name: 'Response sentence links another type (`[site](...)`) than its example shows',
    rule: 'response-type-mismatch',
    resources: true,
    mutate(lines) {
      const heading = index(lines, /^## Response\s*$/);
      const at = index(lines, /\breturns?\b.*\[(\w+)\]\(\.\.\/resources\/(\w+)\.md\)/, heading);
      const next = index(lines, /^## /, heading + 1);
      if (heading < 0 || at < 0 || (next >= 0 && at > next)) return undefined;
      const link = /\[(\w+)\]\(\.\.\/resources\/(\w+)\.md\)/.exec(lines[at]!)!;
      const name = link[1]!;
      // Only a page whose example response body names the linked type (`#` in a body's `@odata.type`, not an annotation's), so it agrees before the change.
      const example = new RegExp(`"@odata\\.type":\\s*"#microsoft\\.graph\\.${name}"|\\$metadata#(Collection\\()?microsoft\\.graph\\.${name}\\b`, 'i');
      if (link[2]!.toLowerCase() !== name.toLowerCase() || !lines.slice(next).some((l) => example.test(l))) return undefined;
      const other = name.toLowerCase() === 'site' ? 'contact' : 'site';
      const mutated = lines[at]!.replace(link[0], `[${other}](../resources/${other}.md)`);
      return { text: join(lines.map((l, i) => (i === at ? mutated : l))), line: at + 1, column: link.index + 1 };
    },
  },
];

/** The facts of every resource page of a version, read once. */
const resourceFacts = new Map<string, PageFacts[]>();
function resourcesOf(corpus: string, version: string): PageFacts[] {
  let facts = resourceFacts.get(version);
  if (!facts) {
    const folder = path.join(corpus, version, 'resources');
    facts = readdirSync(folder).filter((f) => f.endsWith('.md')).map((f) => extractPage({ file: `${version}/resources/${f}`, apiVersion: version, text: readFileSync(path.join(folder, f), 'utf8') }));
    resourceFacts.set(version, facts);
  }
  return facts;
}

function findings(file: string, text: string, rule: RuleId, others: PageFacts[] = []): Set<string> {
  const facts = [extractPage({ file, apiVersion: file.split('/')[0]!, text }), ...others];
  const result = runRules({ model: linkModel({ pages: facts }), pages: facts }, memoryPages({ [file]: text }), { only: [rule], levels: { [rule]: 'error' } });
  return new Set(result.findings.map((f) => `${f.line}:${f.column}:${f.message}`));
}

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
  const corpus = path.resolve(option('corpus', path.join(process.cwd(), '..', 'shared', 'graph-docs')));
  if (!existsSync(corpus)) {
    console.log(`check-quality: no corpus at ${corpus}; skipped (pass --corpus DIR)`);
    return;
  }
  const perKind = Number(option('pages', '20'));
  const files = ['v1.0', 'beta'].flatMap((version) => readdirSync(path.join(corpus, version, 'api')).filter((f) => f.endsWith('.md')).map((f) => `${version}/api/${f}`)).sort();
  console.log(`| kind | rule | mutations | found at line | at line+column |\n| --- | --- | ---: | ---: | ---: |`);
  const only = option('rule', '');
  KINDS.forEach((kind, k) => {
    if (only !== '' && kind.rule !== only) return;
    const next = random(Number(option('seed', '1')) + k);
    let tried = 0;
    let line = 0;
    let exact = 0;
    const misses: string[] = [];
    for (let attempt = 0; tried < perKind && attempt < perKind * 200; attempt++) {
      const file = files[Math.floor(next() * files.length)]!;
      const text = readFileSync(path.join(corpus, file), 'utf8').replace(/\r\n?/g, '\n');
      const mutated = kind.mutate(text.split('\n'));
      if (!mutated) continue;
      tried++;
      const others = kind.resources ? resourcesOf(corpus, file.split('/')[0]!) : [];
      const before = findings(file, text, kind.rule, others);
      const added = [...findings(file, mutated.text, kind.rule, others)].filter((f) => !before.has(f));
      const onLine = added.filter((f) => f.startsWith(`${mutated.line}:`));
      if (onLine.length) line++;
      if (onLine.some((f) => f.startsWith(`${mutated.line}:${mutated.column}:`))) exact++;
      else misses.push(`${file}:${mutated.line}:${mutated.column} → ${added.map((f) => f.slice(0, 90)).join(' | ') || 'nothing'}`);
    }
    console.log(`| ${kind.name} | ${kind.rule} | ${tried} | ${line} | ${exact} |`);
    if (process.argv.includes('--misses')) for (const miss of misses) console.log(`  miss: ${miss}`);
  });
}

main();
