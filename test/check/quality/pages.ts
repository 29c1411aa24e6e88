/**
 * The frame shared by the quality tests' pages, as plain markdown in today's
 * Graph format: an API page's front matter, Permissions and HTTP request
 * sections, and a resource page. Each test writes the rest of its page out.
 */

/** Front matter, title, Permissions (one Application row) and HTTP request: lines 1–19 of an API page. */
export const apiHead = (title: string, permission: string, request: string) => `---
title: "${title}"
doc_type: apiPageType
---

# ${title}

Namespace: microsoft.graph

## Permissions
|Permission type|Permissions|
|:---|:---|
|Application|${permission}|

## HTTP request
<!-- { "blockType": "ignored" } -->
\`\`\`http
${request}
\`\`\`
`;

/** A resource page: Properties rows from line 13, then the JSON representation. */
export const resourcePage = (name: string, rows: string, json: string) => `---
title: "${name} resource type"
doc_type: resourcePageType
---

# ${name} resource type

Namespace: microsoft.graph

## Properties
|Property|Type|Description|
|:---|:---|:---|
${rows}

## JSON representation
<!-- { "blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.${name}" } -->
\`\`\`json
${json}
\`\`\`
`;
