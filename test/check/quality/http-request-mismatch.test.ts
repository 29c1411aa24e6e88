import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';

const page = (request: string) => `---
title: "List events"
doc_type: apiPageType
---

# List events

Namespace: microsoft.graph

## Permissions
|Permission type|Permissions|
|:---|:---|
|Delegated (work or school account)|Calendars.Read|

## HTTP request
<!-- { "blockType": "ignored" } -->
\`\`\`http
GET /users/{id | userPrincipalName}/calendar/events
GET /groups/{id}/calendar/events
\`\`\`

## Response
If successful, this method returns a \`200 OK\` response code and a collection of [event](../resources/event.md) objects in the response body.

## Example
### Request
<!-- { "blockType": "request", "name": "list_events" } -->
\`\`\`http
${request}
\`\`\`

### Response
<!-- { "blockType": "response" } -->
\`\`\`http
HTTP/1.1 200 OK
\`\`\`
`;

const check = (request: string) => checkPages({ 'v1.0/api/user-list-events.md': page(request) }, 'http-request-mismatch');

describe('http-request-mismatch: /me aliases and the wrong segment', () => {
  it('reads /me as /users/{id}', () => {
    expect(check('GET https://graph.microsoft.com/v1.0/me/calendar/events')).toEqual([]);
  });

  it('still reports a wrong path under /me, at the segment that differs', () => {
    expect(check('GET https://graph.microsoft.com/v1.0/me/calendar/messages')).toEqual([
      "29:50: Unexpected request path `/me/calendar/messages`, expected one of the page's HTTP request paths: `/users/{id | userPrincipalName}/calendar/events`, `/groups/{id}/calendar/events`",
    ]);
  });

  it('points at the first wrong segment of a long path, not at its start', () => {
    expect(check("GET https://graph.microsoft.com/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/calendar('AAMkAGI2TGuLAAA=')/evnts?$select=subject")).toEqual([
      "29:111: Unexpected request path `/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/calendar('AAMkAGI2TGuLAAA=')/evnts`, expected one of the page's HTTP request paths: `/users/{id | userPrincipalName}/calendar/events`, `/groups/{id}/calendar/events`",
    ]);
  });
});

describe("http-request-mismatch: OData's key in parentheses", () => {
  it("reads /events('AAMk=') as /events/{id}", () => {
    const text = page('GET https://graph.microsoft.com/v1.0/me/events/1').replace('/users/{id | userPrincipalName}/calendar/events', '/users/{id | userPrincipalName}/events/{id}/attachments');
    expect(checkPages({ 'v1.0/api/event-list-attachments.md': text.replace('v1.0/me/events/1', "v1.0/me/events('AAMkAGI1AAAt9AHjAAA=')/attachments") }, 'http-request-mismatch')).toEqual([]);
  });
});
