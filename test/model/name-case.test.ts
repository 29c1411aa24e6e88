/**
 * Type names that differ only in case are one type, on today's pages
 * (test/fixtures/today): user links `[onenote](onenote.md)` and group
 * `[Onenote](onenote.md)` (no page documents it); `sectionGroup` is documented by
 * its page and again as `SectionGroup`, whose page links `[SectionGroup](sectiongroup.md)`. Each second spelling is a `type-name-case`
 * diagnostic where it is written, and the output has no `Onenote2`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMITTERS } from '../../generator/emit/emitters.js';
import { emitModel } from '../../generator/emit/index.js';
import { preferredSpelling } from '../../generator/model/name-case.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';

describe('case-only type name variants', async () => {
  const { model } = await buildModel(path.join(repoRoot, 'test/fixtures/today'), { workers: 1 });
  const named = (pattern: RegExp) => model.types.filter((t) => pattern.test(t.fullName)).map((t) => `${t.fullName} ${t.kind}`);
  const navigation = (type: string) => model.types.find((t) => t.fullName === type)!.navigationProperties.map((p) => p.type.name);

  it('links both spellings of a referenced name to one type', () => {
    expect(named(/\.onenote$/i)).toEqual(['microsoft.graph.onenote unresolved']);
    expect(navigation('microsoft.graph.group')).toEqual(['microsoft.graph.onenote']);
    expect(navigation('microsoft.graph.user')).toEqual(['microsoft.graph.onenote']);
  });

  it('merges a documented type written in another case into the spelling of its page\'s @odata.type', () => {
    expect(named(/\.sectiongroup$/i)).toEqual(['microsoft.graph.sectionGroup entity']);
    const type = model.types.find((t) => t.fullName === 'microsoft.graph.sectionGroup')!;
    expect(type.properties.map((p) => p.name)).toEqual(['displayName', 'id', 'sectionGroupsUrl']);
    expect(navigation('microsoft.graph.sectionGroup')).toEqual(['microsoft.graph.sectionGroup']);
  });

  it('reports each second spelling that would have made a second type where it is written (a link text in another case to a documented type is no finding)', () => {
    const found = model.diagnostics.filter((d) => d.code === 'type-name-case').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
    expect(found).toEqual([
      "api-reference/v1.0/resources/group.md:24:1 Unexpected type name `microsoft.graph.Onenote`, a spelling of `microsoft.graph.onenote` that differs only in case, expected one spelling (read as `microsoft.graph.onenote`, the spelling that starts in lower case, as Graph's type names do)",
      "api-reference/v1.0/resources/onenote-sectiongroup.md:7:1 Unexpected type name `microsoft.graph.SectionGroup`, a spelling of `microsoft.graph.sectionGroup` that differs only in case, expected one spelling (read as `microsoft.graph.sectionGroup`, the spelling of its page's @odata.type)",
    ]);
  });

  it('emits one interface for each, without numbered names', () => {
    const text = emitModel(model, { inputLabel: 'today', emitters: EMITTERS })
      .filter((file) => file.path.endsWith('.ts'))
      .map((file) => file.content)
      .join('\n');
    expect(text).toMatch(/\binterface SectionGroup\b/);
    expect(text).not.toMatch(/\b(?:Onenote|SectionGroup)2\b/);
  });
});

describe('preferredSpelling', () => {
  it.each<[string, { given: [string, boolean, number][]; want: { fullName: string; why: string } }]>([
    ['own @odata.type first', { given: [['m.Onenote', true, 1], ['m.onenote', false, 5]], want: { fullName: 'm.Onenote', why: "the spelling of its page's @odata.type" } }],
    ['then the most used', { given: [['m.Onenote', false, 3], ['m.onenote', false, 2]], want: { fullName: 'm.Onenote', why: 'the most used spelling' } }],
    ['then lower case first', { given: [['m.Onenote', false, 1], ['m.onenote', false, 1]], want: { fullName: 'm.onenote', why: "the spelling that starts in lower case, as Graph's type names do" } }],
    ['then code-point order', { given: [['m.oneNote', false, 1], ['m.onenote', false, 1]], want: { fullName: 'm.oneNote', why: 'the first in code-point order' } }],
  ])('%s', (_name, { given, want }) => {
    expect(preferredSpelling(given.map(([fullName, own, uses]) => ({ fullName, own, uses })))).toEqual(want);
  });
});
