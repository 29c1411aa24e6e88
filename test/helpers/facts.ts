/** Small builders for page facts, so linker tests state only what matters to them. */
import type { EnumFacts, PageFacts, PropertyFacts, ResourceFacts, TypeRefFacts } from '../../generator/extract/facts.js';
import { readTypeText } from '../../generator/extract/type-cell.js';

export function page(file: string, parts: Partial<PageFacts> = {}): PageFacts {
  const apiVersion = file.split('/')[0] ?? 'v1.0';
  return {
    file,
    apiVersion,
    kind: parts.resources?.length ? 'resource' : parts.enums?.length ? 'enum' : parts.operations?.length ? 'api' : 'conceptual',
    docType: null,
    title: null,
    namespace: 'microsoft.graph',
    resources: [],
    enums: [],
    operations: [],
    headings: [],
    links: [],
    diagnostics: [],
    ...parts,
  };
}

const at = (file: string, line: number) => ({ file, line, column: 1 });

/** `type` as a doc cell writes it: `String`, `user collection`, `Collection(x)`. */
export function typeRef(text: string, href?: string): TypeRefFacts {
  const { type } = readTypeText(text);
  return href ? { ...type, href } : type;
}

export function property(name: string, type: string, extra: Partial<PropertyFacts> = {}, line = 10): PropertyFacts {
  return { name, type: typeRef(type), description: '', source: at('x.md', line), ...extra };
}

export function resource(name: string, parts: Partial<ResourceFacts> = {}): ResourceFacts {
  return {
    name,
    namespace: 'microsoft.graph',
    description: '',
    source: at('x.md', 1),
    baseType: null,
    properties: [],
    navigationProperties: [],
    methods: [],
    json: null,
    ...parts,
  };
}

export function enumFacts(name: string, members: string[], namespace = 'microsoft.graph'): EnumFacts {
  return {
    name,
    namespace,
    description: '',
    source: at('x.md', 1),
    members: members.map((member, i) => ({ name: member, value: i, description: '', source: at('x.md', 10 + i) })),
  };
}
