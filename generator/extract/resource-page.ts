/**
 * A resource page (`x resource type`) into ResourceFacts: name, description, base
 * type, properties, relationships, methods and the JSON representation; an open
 * type by the annotation, or by the description ("This type is an open type").
 */
import type { PageExtractor } from './context.js';
import { at, report, type PageContext } from './context.js';
import type { PropertyFacts, ResourceFacts } from './facts.js';
import { readJsonRepresentation, readResourceAnnotation } from './json-representation.js';
import { readResourceName } from './resource-name.js';
import { readResourceDescription, statesOpenType } from './resource-description.js';
import { readBaseType } from './base-type.js';
import {
  PROPERTIES_SECTION,
  RELATIONSHIPS_SECTION,
  leadPropertyTables,
  otherPropertyTables,
  sectionPropertyTables,
} from './resource-tables.js';
import { readPropertyTable } from './property-table.js';
import { readMethods } from './methods-table.js';
import { findSection } from './sections.js';

export const extractResourcePage: PageExtractor = (ctx) => {
  const json = readJsonRepresentation(ctx);
  const annotation = readResourceAnnotation(json?.annotation ?? null);
  const name = readResourceName(ctx, annotation.odataType);
  if (!name) {
    // A page under api/ is read as a resource only by its doc_type (`resourcePageType` on `Update servicePrincipal`):
    // the fix is the doc_type, which doc-type-mismatch reports there; its title is no resource title to report.
    if (ctx.file.split('/').slice(-2, -1)[0] === 'api') return { resources: [] };
    report(
      ctx,
      'resource-name-missing',
      'warning',
      `Unexpected resource page title \`${ctx.title ?? ''}\`, expected \`<name> resource type\` or a JSON representation with \`@odata.type\``,
      ctx.sections.find((s) => s.depth === 1)?.heading ?? ctx.tree.children[0],
    );
    return { resources: [] };
  }
  const propertyTables = [
    ...(findSection(ctx.sections, PROPERTIES_SECTION) ? sectionPropertyTables(ctx, PROPERTIES_SECTION) : leadPropertyTables(ctx)),
    ...otherPropertyTables(ctx),
  ].sort((a, b) => (a.node.position?.start.offset ?? 0) - (b.node.position?.start.offset ?? 0));
  const seen = new Set<string>();
  const properties = unique(ctx, seen, propertyTables.flatMap((table) => readPropertyTable(ctx, table)));
  const navigationProperties = unique(
    ctx,
    seen,
    sectionPropertyTables(ctx, RELATIONSHIPS_SECTION).flatMap((table) => readPropertyTable(ctx, table)),
  );
  const resource: ResourceFacts = {
    name: name.name,
    namespace: name.namespace,
    description: readResourceDescription(ctx),
    source: at(ctx, ctx.sections.find((s) => s.depth === 1)?.heading ?? json?.annotation?.source),
    baseType: readBaseType(ctx, annotation.baseType, json?.annotation ?? null),
    properties,
    navigationProperties,
    methods: readMethods(ctx),
    json,
  };
  if (annotation.keyProperty !== undefined) resource.keyProperty = annotation.keyProperty;
  if (annotation.openType !== undefined) resource.openType = annotation.openType;
  else if (statesOpenType(resource.description)) resource.openType = true;
  if (annotation.isAbstract !== undefined) resource.isAbstract = annotation.isAbstract;
  if (annotation.optionalProperties !== undefined) resource.optionalProperties = annotation.optionalProperties;
  return { resources: [resource] };
};

/** Drops a property already listed on the page (first one wins), reporting the repeat. */
function unique(ctx: PageContext, seen: Set<string>, properties: PropertyFacts[]): PropertyFacts[] {
  return properties.filter((property) => {
    if (!seen.has(property.name)) {
      seen.add(property.name);
      return true;
    }
    report(
      ctx,
      'property-duplicate',
      'warning',
      `Unexpected second row for property \`${property.name}\`, expected each property once`,
      property.source,
    );
    return false;
  });
}
