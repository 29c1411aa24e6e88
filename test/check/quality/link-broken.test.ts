import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';

const user = `---
title: "user resource type"
doc_type: resourcePageType
---

# user resource type

Namespace: microsoft.graph

Represents a user. See [the manager](user.md#relationship) and [groups](group.md), [events](../resources/event.md#propertes).

## Properties
|Property|Type|Description|
|:---|:---|:---|
|id|String|Identifier.|

## JSON representation
<!-- { "blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.user" } -->
\`\`\`json
{ "id": "String" }
\`\`\`
`;

const event = user.replace(/user/g, 'event').replace(/Represents.*\n/, 'Represents an event.\n');

describe('link-broken: pages outside the input are not errors; findings at the target', () => {
  it('reports a missing heading on a page of the input at the link target, and no missing page', () => {
    expect(checkPages({ 'v1.0/resources/user.md': user, 'v1.0/resources/event.md': event }, 'link-broken')).toEqual([
      '10:45: Unexpected link to `#relationship` that this page has no heading or anchor for, expected an existing anchor',
      '10:114: Unexpected link to `#propertes` that `event.md` has no heading or anchor for, expected an existing anchor (did you mean `properties`?)',
    ]);
  });
});
