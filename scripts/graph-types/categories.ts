/**
 * Every way the docs model and the CSDL-generated package can disagree, with
 * a stable id. `agrees` marks the notes that still count as agreement in the
 * figures (a case-only difference, a namespace move); they are listed all the same.
 */
export const CATEGORIES = {
  'type-only-docs': { agrees: false, text: 'type documented, no type of that name in the package (removed or renamed since)' },
  'type-namespace-differs': { agrees: false, text: 'type documented in one namespace, the package has the bare name in another' },
  'type-only-package': { agrees: false, text: 'type in the package, documented nowhere (added since, or undocumented)' },
  'type-name-case': { agrees: true, text: 'type name differs only in case' },
  'type-kind-differs': { agrees: false, text: 'enum on one side, structured type on the other' },
  'kind-complex-vs-entity': { agrees: false, text: 'docs model says complex type, the package type derives from entity' },
  'kind-entity-vs-complex': { agrees: false, text: 'docs model says entity, the package type does not derive from entity (root singletons such as print are entities without a base)' },

  'property-only-docs': { agrees: false, text: 'property documented, the package declares it neither on the type nor on an ancestor' },
  'property-only-package': { agrees: false, text: 'property declared by the package, documented neither on the type nor on a documented ancestor' },
  'property-name-case': { agrees: false, text: 'property name differs only in case' },

  'type-string-possible-values-vs-enum': { agrees: false, text: 'docs say String with "Possible values", the package uses an enum type (known docs pattern)' },
  'type-primitive-vs-enum': { agrees: false, text: 'docs name a primitive, the package an enum type' },
  'type-enum-vs-primitive': { agrees: false, text: 'docs name an enum type, the package a primitive' },
  'type-primitive-vs-structured': { agrees: false, text: 'docs name a primitive, the package a complex/entity type' },
  'type-structured-vs-primitive': { agrees: false, text: 'docs name a complex/entity type, the package a primitive' },
  'type-primitive-differs': { agrees: false, text: 'both primitive, different kinds (e.g. Int32 vs string)' },
  'type-name-differs': { agrees: false, text: 'both name a type, the names differ' },
  'type-ref-namespace-differs': { agrees: true, text: 'same bare type name, different namespace' },
  'type-ref-name-case': { agrees: true, text: 'referenced type name differs only in case' },
  'type-json-as-any': { agrees: true, text: 'docs name the Json complex type, the typings emit `any` for it' },
  'type-package-untyped': { agrees: false, text: 'the package type is not a primitive or a name (inline type)' },

  'collection-docs-only': { agrees: false, text: 'docs say collection, the package a single value' },
  'collection-package-only': { agrees: false, text: 'the package says array, the docs a single value' },

  'base-docs-missing': { agrees: false, text: 'docs model has no base type, the package extends one' },
  'base-package-missing': { agrees: false, text: 'docs model names a base type, the package extends none' },
  'base-differs': { agrees: false, text: 'base types differ' },
  'base-name-case': { agrees: true, text: 'base type name differs only in case' },

  'enum-member-only-docs': { agrees: false, text: 'enum member documented, not in the package' },
  'enum-member-only-package': { agrees: false, text: 'enum member in the package, not documented' },
  'enum-member-only-package-sentinel': { agrees: false, text: 'package adds `unknownFutureValue` (evolvable-enum sentinel) the docs lack' },
  'enum-member-case': { agrees: false, text: 'enum member differs only in case' },
} as const satisfies Record<string, { agrees: boolean; text: string }>;

export type Category = keyof typeof CATEGORIES;

export interface Mismatch {
  category: Category;
  /** Docs page and line; empty for package-only findings. */
  file: string;
  line: number;
  /** Full name of the type the finding is about. */
  type: string;
  property?: string;
  member?: string;
  docs: string;
  package: string;
}
