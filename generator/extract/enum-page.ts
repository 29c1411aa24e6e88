/**
 * Enums: whole enum pages (`# x enum type` + `## Members`, or the multi-enum
 * `enums*.md` pages with one `### x values` section per enum) and the enum
 * tables resource pages embed (`### chatType values`).
 */
import type { Heading, RootContent } from 'mdast';
import { report, type PageContext } from './context.js';
import type { EnumFacts } from './facts.js';
import type { PageExtractor } from './context.js';
import { isMembersHeading, readEnumName, stripEnumSuffix, type QualifiedName } from './enum-name.js';
import { buildEnum, descriptionOf, enumTablesIn, type EnumPlace } from './enum-section.js';
import { propertyTypes } from './enum-property-types.js';
import type { Section } from './sections.js';

export const extractEnumPage: PageExtractor = (ctx) => {
  const enums: EnumFacts[] = [];
  let tablesSeen = false;
  for (const section of ctx.sections) {
    const tables = enumTablesIn(ctx, section.nodes, true);
    if (tables.length === 0) {
      if (isEmptyValuesSection(ctx, section)) {
        report(
          ctx,
          'enum-table-missing',
          'warning',
          `Unexpected heading \`${section.title}\` without a members table, expected a \`|Member|\` table below it`,
          section.heading!,
        );
      }
      continue;
    }
    tablesSeen = true;
    const place =
      section.depth <= 1 || isMembersHeading(section.title)
        ? pagePlace(ctx, section, tables[0]!.node)
        : headingPlace(ctx, section, true);
    if (place) enums.push(buildEnum(ctx, place, tables));
  }
  if (!tablesSeen) {
    report(
      ctx,
      'enum-table-missing',
      'warning',
      'Unexpected enum page without a members table, expected `## Members` with a `|Member|Value|Description|` table',
      h1(ctx) ?? ctx.tree.children[0],
    );
  }
  checkNamespace(ctx);
  return { enums: dropDuplicates(ctx, enums) };
};

export const extractEnumTables: PageExtractor = (ctx) => {
  const enums: EnumFacts[] = [];
  let properties: ReturnType<typeof propertyTypes> | undefined;
  for (const section of ctx.sections) {
    if (section.depth < 2) continue;
    const tables = enumTablesIn(ctx, section.nodes, false);
    if (tables.length === 0) continue;
    if (isMembersHeading(section.title)) {
      // An enum page filed as a resource page: `# x enum type` + `## Members`.
      if (/\benum(?:eration)?\s+type$/i.test(ctx.title ?? '')) {
        const place = pagePlace(ctx, section, tables[0]!.node);
        if (place) enums.push(buildEnum(ctx, place, tables));
      }
      continue;
    }
    const memberLed = tables.some((table) => /^(?:enum(?:eration)?\s+)?members?\b/.test(table.header[0] ?? ''));
    const heading = stripEnumSuffix(section.title);
    // `### chatType` over a Member table names an enum; `## Properties` over one does not.
    if (!heading.suffixed && !(memberLed && /^[a-z][A-Za-z0-9]*$/.test(heading.text))) continue;
    const place = headingPlace(ctx, section, memberLed);
    if (!place) continue;
    properties ??= propertyTypes(ctx);
    const property = properties.get(place.name.name.toLowerCase());
    // `### signInAudience values` lists the values of a String property: not an enum type.
    if (property?.isPrimitive) continue;
    // `### smsSignInState values` for a property typed `authenticationMethodSignInState`: the type names the enum.
    const typeName = property ? readEnumName(property.name) : null;
    if (typeName && typeName.name.toLowerCase() !== place.name.name.toLowerCase()) place.name = typeName;
    enums.push(buildEnum(ctx, place, tables));
  }
  return { enums: dropDuplicates(ctx, enums) };
};

/** The page's own enum: named by the title (`# x enum type`), described by the intro. */
function pagePlace(ctx: PageContext, section: Section, table: RootContent): EnumPlace | null {
  const title = h1(ctx);
  const candidates = [ctx.title, ctx.frontMatter['title']].filter((text): text is string => !!text);
  let name: QualifiedName | null = null;
  for (const text of candidates) {
    name = readEnumName(stripEnumSuffix(text).text);
    if (name) break;
  }
  const node = title ?? section.heading ?? table;
  if (!name) {
    report(
      ctx,
      'enum-name-invalid',
      'warning',
      `Unexpected title \`${candidates[0] ?? ''}\`, expected \`<enumName> enum type\``,
      node,
    );
    return null;
  }
  const intro = ctx.sections.find((s) => s.heading === title) ?? ctx.sections[0]!;
  const description =
    descriptionOf(intro.nodes) ||
    (intro !== section ? descriptionOf(section.nodes) : '') ||
    (ctx.frontMatter['description'] ?? '').trim();
  return { name, namespace: ctx.namespace, description, node };
}

/** An enum named by its own heading (`### lifecycleEventType values`). */
function headingPlace(ctx: PageContext, section: Section, reportInvalid: boolean): EnumPlace | null {
  const heading = section.heading!;
  const name = readEnumName(stripEnumSuffix(section.title).text);
  if (!name) {
    if (reportInvalid) {
      report(
        ctx,
        'enum-name-invalid',
        'warning',
        `Unexpected heading \`${section.title}\` above an enum table, expected \`<enumName> values\``,
        heading,
      );
    }
    return null;
  }
  return { name, namespace: ctx.namespace, description: descriptionOf(section.nodes), node: heading };
}

/** `### x values` with no table of its own and no subsections to hold one. */
function isEmptyValuesSection(ctx: PageContext, section: Section): boolean {
  if (section.depth < 2 || !stripEnumSuffix(section.title).suffixed) return false;
  const next = ctx.sections[section.index + 1];
  return !next || next.depth <= section.depth;
}

/** Keeps the first of two enums with the same name on a page. */
function dropDuplicates(ctx: PageContext, enums: EnumFacts[]): EnumFacts[] {
  const seen = new Map<string, EnumFacts>();
  return enums.filter((facts) => {
    const key = `${facts.namespace}.${facts.name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, facts);
      return true;
    }
    report(
      ctx,
      'enum-duplicate',
      'warning',
      `Unexpected second enum \`${facts.name}\`, expected each enum once per page (first at line ${first.source.line})`,
      facts.source,
    );
    return false;
  });
}

/** `enums-managedtenants.md` without a `Namespace:` line: its enums land in microsoft.graph. */
function checkNamespace(ctx: PageContext): void {
  const suffix = /(?:^|\/)enums-([a-z0-9]+)\.md$/i.exec(ctx.file)?.[1];
  if (!suffix || ctx.namespace.toLowerCase().endsWith(`.${suffix.toLowerCase()}`)) return;
  report(
    ctx,
    'enum-namespace-missing',
    'warning',
    `Unexpected multi-enum page without a \`Namespace:\` line, expected one naming the \`${suffix}\` namespace (enums read into \`${ctx.namespace}\`)`,
    h1(ctx) ?? ctx.tree.children[0],
  );
}

function h1(ctx: PageContext): Heading | undefined {
  return ctx.sections.find((section) => section.depth === 1)?.heading ?? undefined;
}
