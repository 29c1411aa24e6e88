import { describe, expect, it } from 'vitest';
import { readPropertyHints, type PropertyHints } from '../../generator/extract/property-hints.js';

describe('readPropertyHints', () => {
  it.each<[string, { given: string; want: PropertyHints }]>([
    ['nothing stated', { given: 'The display name of the user.', want: {} }],
    ['Read-only.', { given: 'Unique identifier. Read-only.', want: { readOnly: true } }],
    ['read only, lower case', { given: 'This property is read only.', want: { readOnly: true } }],
    ['Not nullable', { given: 'The plans. Read-only. Not nullable.', want: { readOnly: true, nullable: false } }],
    ['non-nullable', { given: 'A non-nullable value.', want: { nullable: false } }],
    ['Nullable', { given: 'The messages. Nullable.', want: { nullable: true } }],
    ['Required.', { given: 'Display name for this policy. Required.', want: { required: true } }],
    ['Required. first', { given: 'Required. The URL of the endpoint.', want: { required: true } }],
    ['This property is required', { given: 'The name. This property is required.', want: { required: true } }],
    ['Optional.', { given: 'Optional. Specifies the client state.', want: { required: false } }],
    ['a condition is not a statement', { given: 'A certificate. Required when includeResourceData is true.', want: {} }],
    ['Optional, then a condition', { given: 'A certificate. Optional. Required when includeResourceData is true.', want: { required: false } }],
    ['not read-only', { given: 'This property is not read-only.', want: { readOnly: false } }],
  ])('%s', (_name, { given, want }) => {
    expect(readPropertyHints(given)).toEqual(want);
  });
});
