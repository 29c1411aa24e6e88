import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATE_REQUEST, CREATED_RESPONSE, type ApiOptions } from '../pages.js';

const request = (name: string) => ({ ...CREATE_REQUEST(['{}']), annotation: `"blockType": "request", "name": "${name}"` });
const response = CREATED_RESPONSE(['{}']);
const page = (examples: ApiOptions['examples']) => ({ 'v1.0/api/widget-create.md': apiPage({ examples }) });

describe('example-unpaired', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: two named pairs', page([{ request: request('a'), response }, { request: request('b'), response }]), []],
    ['ok: a second response is an alternative outcome', page([{ request: request('a'), response }, { response }]), []],
    ['not ok: request without response', page([{ request: request('a') }, { request: request('b'), response }]), ['33:1: Unexpected request block without a response block after it, expected a `blockType: response` block']],
    ['not ok: response without request', page([{ response }]), ['33:1: Unexpected response block without a request block before it, expected a `blockType: request` block first']],
    ['not ok: duplicate names', page([{ request: request('a'), response }, { request: request('a'), response }]), ['51:1: Unexpected example name `a` used again (first at line 33), expected a unique name']],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'example-unpaired')).toEqual(expected);
  });
});
