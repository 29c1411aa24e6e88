/**
 * Watch mode's link step (`relink.ts`): a description-only edit patches copies
 * of the kept model's types; any other edit, or a changed description the model
 * also holds elsewhere, links whole. The pages and the link here are small
 * stand-ins (a type per resource, its properties' descriptions copied with their
 * sources, as `model/link-types.ts` does); `incremental.test.ts` holds the real
 * link's output byte-identical to a plain run after each kind of edit.
 */
import { describe, expect, it } from 'vitest';
import type { PageFacts } from '../../../generator/extract/facts.js';
import type { Model } from '../../../generator/model/ir.js';
import { linkKept, type LinkedVersion } from '../../../generator/pipeline/incremental/relink.js';

const at = (file: string, line: number) => ({ file, line, column: 1 });

function page(file: string, descriptions: string[], type = 'String'): PageFacts {
  const properties = descriptions.map((description, i) => ({ name: `p${i}`, type: { name: type }, description, source: at(file, 10 + i) }));
  return { file, apiVersion: 'v1.0', resources: [{ name: file, description: `About ${file}.`, source: at(file, 1), properties }], diagnostics: [] } as unknown as PageFacts;
}

let links = 0;
function link(pages: PageFacts[]): Model {
  links++;
  const types = pages.flatMap((facts) =>
    facts.resources.map((resource) => ({
      fullName: resource.name,
      description: resource.description,
      source: resource.source,
      properties: resource.properties.map((property) => ({ name: property.name, type: property.type, description: property.description, source: property.source })),
    })),
  );
  return { apiVersions: ['v1.0'], types, operations: [], pages: { total: pages.length }, diagnostics: [] } as unknown as Model;
}

function start(pages: PageFacts[]): LinkedVersion {
  return linkKept(pages, undefined, link).linked;
}

describe('linkKept', () => {
  it('patches a copy of the type whose property description changed, and leaves the kept objects as they were', () => {
    const a = page('a.md', ['First.', 'Second.']);
    const b = page('b.md', ['Other.']);
    const kept = start([a, b]);
    const [typeA, typeB] = kept.model.types;
    links = 0;
    const edited = page('a.md', ['First, edited.', 'Second.']);
    const result = linkKept([edited, b], kept, link);
    expect(result.how).toBe('descriptions');
    expect(links).toBe(0);
    expect(result.linked.model.types[0]!.properties.map((p) => p.description)).toEqual(['First, edited.', 'Second.']);
    expect(result.linked.model).toEqual(link([edited, b]));
    expect(result.linked.model.types[0]).not.toBe(typeA);
    expect(typeA!.properties[0]!.description).toBe('First.');
    expect(result.linked.model.types[1]).toBe(typeB);
    expect(result.linked.facts.get('a.md')).toBe(edited);
  });

  it('keeps the model when no page’s facts changed', () => {
    const a = page('a.md', ['First.']);
    const kept = start([a]);
    const model = kept.model;
    expect(linkKept([a], kept, link)).toMatchObject({ how: 'kept', linked: { model } });
  });

  it('links whole when more than descriptions changed, or a page was added', () => {
    const a = page('a.md', ['First.']);
    expect(linkKept([page('a.md', ['First, edited.'], 'Int32')], start([a]), link).how).toBe('whole');
    expect(linkKept([a, page('b.md', ['Other.'])], start([a]), link).how).toBe('whole');
  });

  it('links whole when the changed description is also held by an object with another source', () => {
    const a = page('a.md', ['Shared.']);
    const b = page('b.md', ['Shared.']);
    const kept = start([a, b]);
    const result = linkKept([page('a.md', ['Changed.']), b], kept, link);
    expect(result.how).toBe('whole');
    expect(result.linked.model.types.map((type) => type.properties[0]!.description)).toEqual(['Changed.', 'Shared.']);
  });

  it('links whole when a changed description has no source beside it', () => {
    const sourceless = (facts: PageFacts) => {
      delete (facts.resources[0]!.properties[0] as { source?: unknown }).source;
      return facts;
    };
    const kept = start([sourceless(page('a.md', ['First.']))]);
    expect(linkKept([sourceless(page('a.md', ['Edited.']))], kept, link).how).toBe('whole');
  });
});
