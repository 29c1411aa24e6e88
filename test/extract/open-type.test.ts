/** A type is open by its JSON annotation, or by its description saying so when the annotation does not. */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../generator/extract/page.js';

const page = (description: string, annotation: string) =>
  [
    '# plannerChecklistItems resource type', '', 'Namespace: microsoft.graph', '', description, '',
    '## Properties', '', '| Property | Type | Description |', '|:--|:--|:--|', '| title | String | The title. |', '',
    '## JSON representation', '', `<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.plannerChecklistItems"${annotation} } -->`, '```json', '{ "title": "String" }', '```', '',
  ].join('\n');

describe('openType', () => {
  it.each<[string, string, string, boolean | undefined]>([
    ['stated in prose', 'The collection of checklist items on a task. It is an Open Type. The value is a checklistItem.', '', true],
    ['"This type is an open type"', 'A bag of settings. This type is an open type.', '', true],
    ['the annotation wins over prose', 'It is an open type.', ', "openType": false', false],
    ['prose that only mentions open types', 'Holds links to an open type elsewhere.', '', undefined],
  ])('%s', (_name, description, annotation, want) => {
    const facts = extractPage({ file: 'v1.0/resources/plannerchecklistitems.md', apiVersion: 'v1.0', text: page(description, annotation) });
    expect(facts.resources[0]?.openType).toBe(want);
  });
});
