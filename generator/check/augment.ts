/**
 * Types documented on more than one page: the model keeps the first page's
 * definition, so the check adds what the other pages say (their properties
 * and base type, resolved the way the linker resolves names) before any rule
 * asks what a type defines.
 */
import type { PageFacts, PropertyFacts } from '../extract/facts.js';
import type { Model, ModelProperty } from '../model/ir.js';
import { TypeResolver } from '../model/type-resolver.js';
import type { TypeIndex } from './type-index.js';

export function augmentIndexes(model: Model, pages: readonly PageFacts[], indexes: Map<string, TypeIndex>): void {
  const byFile = new Map(pages.map((page) => [page.file, page]));
  for (const [version, index] of indexes) {
    const shared = model.types.filter((t) => t.apiVersion === version && t.documentedIn.length > 1);
    if (shared.length === 0) continue;
    const versionPages = pages.filter((page) => page.apiVersion === version);
    const documented = model.types.filter((t) => t.apiVersion === version && t.origin === 'documented');
    const resolver = new TypeResolver(documented.map((t) => ({ fullName: t.fullName, name: t.name, namespace: t.namespace })), versionPages);
    for (const type of shared) {
      for (const file of type.documentedIn.slice(1)) {
        const page = byFile.get(file);
        const facts = page?.resources.find((r) => `${r.namespace}.${r.name}` === type.fullName);
        if (!page || !facts) continue;
        const link = (property: PropertyFacts): ModelProperty => ({
          name: property.name,
          type: resolver.resolve(property.type, file, facts.namespace).ref,
          description: property.description,
          source: property.source,
          ...(property.possibleValues ? { possibleValues: property.possibleValues } : {}),
        });
        const base = facts.baseType ? resolver.resolve({ name: facts.baseType.name, isCollection: false, isPrimitive: false, ...(facts.baseType.href ? { href: facts.baseType.href } : {}) }, file, facts.namespace).ref.name : null;
        index.augment(type.fullName, [...facts.properties, ...facts.navigationProperties].map(link), base);
      }
    }
  }
}
