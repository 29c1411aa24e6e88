/**
 * A page's facts in two parts, so `generate` reads only what it uses:
 *
 * - the core: what linking and the emitters read (types, enums, operations
 *   without their examples, diagnostics, and the resource links `link-operations`
 *   follows to find the resource an operation acts on);
 * - the detail: what only `check` and `docs2ts model` read (headings, every
 *   link, examples, a resource's JSON representation and method table).
 *
 * The core is shaped as `PageFacts` with the detail's fields left empty, so it
 * links as it is; `joinFacts` puts the detail back where it was, and the result
 * equals the whole facts, key order included (the core keeps the emptied keys in
 * place). The cache stores the two parts as separate JSON texts.
 */
import type { ExampleFacts, HeadingFacts, JsonRepresentationFacts, LinkFacts, MethodFacts, PageFacts } from '../extract/facts.js';

export interface FactsDetail {
  headings: HeadingFacts[];
  /** Every link of the page (the core keeps only the resource links of pages with operations). */
  links: LinkFacts[];
  /** Each operation's examples, in operation order. */
  examples: ExampleFacts[][];
  /** Each resource's JSON representation, in resource order. */
  json: (JsonRepresentationFacts | null)[];
  /** Each resource's method table, in resource order. */
  methods: MethodFacts[][];
}

export function splitFacts(facts: PageFacts): { core: PageFacts; detail: FactsDetail } {
  const core: PageFacts = {
    ...facts,
    resources: facts.resources.map((resource) => ({ ...resource, methods: [], json: null })),
    operations: facts.operations.map((operation) => ({ ...operation, examples: [] })),
    headings: [],
    links: facts.operations.length > 0 ? resourceLinks(facts.links) : [],
  };
  const detail: FactsDetail = {
    headings: facts.headings,
    links: facts.links,
    examples: facts.operations.map((operation) => operation.examples),
    json: facts.resources.map((resource) => resource.json),
    methods: facts.resources.map((resource) => resource.methods),
  };
  return { core, detail };
}

/**
 * The whole facts from a core and its detail (the core is filled in place), or
 * undefined when the detail does not fit the core (another page's, or damaged).
 */
export function joinFacts(core: PageFacts, detail: unknown): PageFacts | undefined {
  if (!fits(core, detail)) return undefined;
  core.headings = detail.headings;
  core.links = detail.links;
  core.operations.forEach((operation, i) => (operation.examples = detail.examples[i]!));
  core.resources.forEach((resource, i) => {
    resource.json = detail.json[i]!;
    resource.methods = detail.methods[i]!;
  });
  return core;
}

function fits(core: PageFacts, detail: unknown): detail is FactsDetail {
  if (typeof detail !== 'object' || detail === null) return false;
  const { headings, links, examples, json, methods } = detail as Partial<FactsDetail>;
  return (
    Array.isArray(headings) &&
    Array.isArray(links) &&
    Array.isArray(examples) &&
    examples.length === core.operations.length &&
    examples.every(Array.isArray) &&
    Array.isArray(json) &&
    json.length === core.resources.length &&
    Array.isArray(methods) &&
    methods.length === core.resources.length &&
    methods.every(Array.isArray)
  );
}

/** A link to a resource page (`../resources/user.md#properties`): what `link-operations` follows. */
export function isResourceLink(href: string): boolean {
  return /(^|\/)resources\/[^/]+\.md(#.*)?$/i.test(href);
}

/** Links to resource pages, the first of each target only (later ones resolve the same way). */
function resourceLinks(links: readonly LinkFacts[]): LinkFacts[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    if (!isResourceLink(link.href) || seen.has(link.href)) return false;
    seen.add(link.href);
    return true;
  });
}
