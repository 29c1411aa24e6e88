import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';

const page = (title: string, permission: string) => `---
title: "${title}"
doc_type: apiPageType
---

# ${title}

Namespace: microsoft.graph

## Permissions
|Permission type|Permissions (from least to most privileged)|
|:---|:---|
|Delegated (work or school account)|Mail.Read, ${permission}|

## HTTP request
<!-- { "blockType": "ignored" } -->
\`\`\`http
GET /me/messages/{id}
\`\`\`
`;

const pages = (last: string) => ({
  'v1.0/api/message-get.md': page('Get message', last),
  'v1.0/api/message-update.md': page('Update message', 'Mail.ReadWrite'),
  'v1.0/api/message-delete.md': page('Delete message', 'Mail.ReadWrite'),
  'v1.0/api/message-move.md': page('Move message', 'Mail.ReadWrite'),
});

describe('permission-unknown: near-misses of permission names the input uses', () => {
  it('reports a misspelt name with did-you-mean, at the name', () => {
    expect(checkPages(pages('Mail.RaedWrite'), 'permission-unknown')).toEqual([
      '13:48: Unexpected permission `Mail.RaedWrite` that no other page uses, expected a known permission (did you mean `Mail.ReadWrite`?)',
    ]);
  });

  it('accepts a name no other page uses that is not near a known one, and another permission of the same family', () => {
    expect(checkPages(pages('Calendars.Read'), 'permission-unknown')).toEqual([]);
    expect(checkPages(pages('Mail.Write'), 'permission-unknown')).toEqual([]);
  });
});
