/**
 * The naming rule for path-parameter keys: generic placeholders are named after
 * the segment before them, specific ones keep their name (`client-path-keys.ts`).
 */
import { describe, expect, it } from 'vitest';
import { claimKey, genericWord, placeholderKey } from '../../generator/emit/client-path-keys.js';

describe('genericWord', () => {
  it.each<[string, string | null]>([
    ['id', 'id'],
    ['Id', 'id'],
    ['id | userPrincipalName', 'id'],
    ['Id|userPrincipalName', 'id'],
    ['id|name', 'id'],
    ['id2', 'id'],
    ['name', 'name'],
    ['key', 'key'],
    ['index', 'index'],
    ['user-id', null],
    ['userId', null],
    ['deviceManagementPartnerId', null],
    ['item-path', null],
    ['idOrUserPrincipalName', null],
  ])('%s → %s', (wire, want) => expect(genericWord(wire)).toBe(want));
});

describe('placeholderKey', () => {
  it.each<[string, string, string, string]>([
    ['a collection, singular', 'id', '/users/', 'userId'],
    ['alternatives', 'id | userPrincipalName', '/users/', 'userId'],
    ['the nearest segment', 'id', '/me/events/{id}/attachments/', 'attachmentId'],
    ['a camel-cased segment', 'id', '/me/contactFolders/', 'contactFolderId'],
    ['an irregular plural', 'id', '/me/policies/', 'policyId'],
    ['a hyphenated segment', 'id', '/app-catalogs/', 'appCatalogId'],
    ['the generic word is the suffix', 'name', '/workbook/worksheets/', 'worksheetName'],
    ['a segment that is the generic word is not repeated', 'name', '/workbook/names/', 'name'],
    ['a segment ending in the generic word is not repeated', 'key', '/bitlocker/recoveryKeys/', 'recoveryKey'],
    ['a segment ending in the letters of the word only', 'id', '/grids/', 'gridId'],
    ['a numbered generic name', 'id2', '/groups/{id}/threads/{id1}/posts/', 'postId'],
    ['inside a key segment', 'id', "/workbook/worksheets('", 'worksheetId'],
    ['after another placeholder, the literal segment before it', 'id', '/sites/{site-id}/', 'siteId'],
    ['a specific name stays', 'user-id', '/groups/', 'userId'],
    ['a specific name stays (camel-cased)', 'deviceManagementPartnerId', '/deviceManagement/deviceManagementPartners/', 'deviceManagementPartnerId'],
    ['a function argument keeps its name', 'index', '/workbook/tables/itemAt(index=', 'index'],
    ['a quoted function argument keeps its name', 'id', "/things/get(id='", 'id'],
    ['in the query, named by its option', 'id', "/users?$filter=id eq '", 'id'],
    ['nothing before it', 'id', '/', 'id'],
    ['a segment that is no identifier is sanitized', 'id', '/1st-things/', '_1stThingId'],
  ])('%s: {%s} after %s → %s', (_, wire, before, want) => expect(placeholderKey(wire, before)).toBe(want));
});

describe('claimKey', () => {
  it('numbers a key already used in the path, from 2', () => {
    const used = new Set<string>();
    expect([claimKey('userId', used), claimKey('userId', used), claimKey('userId', used)]).toEqual(['userId', 'userId2', 'userId3']);
  });
});
