/** One screen of figures and the top mismatch categories, with evenly spread samples. */
import { CATEGORIES, type Category, type Mismatch } from './categories.js';
import type { Comparison, Tally } from './compare.js';

export interface ReportOptions {
  /** Header line naming the inputs. */
  title: string;
  categories: number;
  samples: number;
}

export function formatReport({ figures: f, mismatches }: Comparison, options: ReportOptions): string {
  const t = f.types;
  const p = f.properties;
  const e = f.enums;
  const lines = [
    options.title,
    `types        docs ${t.docs} (${t.notDocumented} synthesized/referenced left out), package ${t.package}`,
    `             both ${t.both} (${pct(t.both, t.docs)} of docs, ${pct(t.both, t.package)} of package); only docs ${t.onlyDocs}, only package ${t.onlyPackage}`,
    `             of both: name case differs ${t.nameCase}, namespace differs ${t.namespaceDiffers}, enum vs structured ${t.kindDiffers}`,
    `properties   docs ${p.docs}: on the type ${p.onType} + on a package ancestor ${p.onAncestor} = ${pct(p.onType + p.onAncestor, p.docs)} agree; case differs ${p.nameCase}, only docs ${p.onlyDocs} (${pct(p.onlyDocs, p.docs)})`,
    `             package declares ${p.packageDeclared} on shared types: documented ${pct(p.packageDeclared - p.onlyPackage, p.packageDeclared)}, only package ${p.onlyPackage}`,
    `prop types   ${tally(f.propertyTypes)} (primitive kind or referenced type name, of properties on both sides)`,
    `collections  ${tally(f.collections)}`,
    `base types   ${tally(f.baseTypes)}`,
    `entity kind  ${tally(f.entityKinds)} (entity vs complex; package: derives from entity)`,
    `enums        shared ${e.shared}, identical member sets ${e.identical} (${pct(e.identical, e.shared)}); docs members in package ${e.docsMembersInPackage}/${e.docsMembers} (${pct(e.docsMembersInPackage, e.docsMembers)}); package-only members ${e.packageOnlyMembers}/${e.packageMembers}`,
    '',
    ...categoryLines(mismatches, CATEGORIES, options, formatMismatch),
  ];
  return lines.join('\n');
}

/** The top categories, most first, each with its count, text (`*` when it still agrees) and evenly spread samples. */
export function categoryLines<M extends { category: string }>(
  findings: readonly M[],
  catalog: Record<M['category'], { agrees: boolean; text: string }>,
  options: Pick<ReportOptions, 'categories' | 'samples'>,
  format: (finding: M) => string,
): string[] {
  const lines = [`top mismatch categories (${findings.length} findings; * = still counted as agreement):`];
  for (const [category, list] of topCategories(findings, options.categories)) {
    const mark = catalog[category].agrees ? '*' : ' ';
    lines.push(`${mark}${String(list.length).padStart(6)}  ${category}: ${catalog[category].text}`);
    for (const finding of spread(list, options.samples)) lines.push(`          ${format(finding)}`);
  }
  return lines;
}

export function formatMismatch(m: Mismatch): string {
  const where = m.file ? `${m.file}:${m.line}` : '(package)';
  const subject = m.property ? `${m.type}.${m.property}` : m.member ? `${m.type}#${m.member}` : m.type;
  return `${where}  ${subject}  docs: ${clip(m.docs)}  package: ${clip(m.package)}`;
}

/** Categories by count, most first; ties by id. */
export function topCategories<M extends { category: string }>(mismatches: readonly M[], count: number): [M['category'], M[]][] {
  const groups = new Map<M['category'], M[]>();
  for (const m of mismatches) {
    const list = groups.get(m.category);
    if (list) list.push(m);
    else groups.set(m.category, [m]);
  }
  return [...groups].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1)).slice(0, count);
}

/** `count` items evenly spread over the (sorted) list, so samples cover several pages. */
export function spread<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  return Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]!);
}

function tally({ agree, total }: Tally): string {
  return `agree ${agree}/${total} (${pct(agree, total)}), differ ${total - agree}`;
}

export function pct(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

export function clip(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}
