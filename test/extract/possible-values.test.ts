import { describe, expect, it } from 'vitest';
import { readPossibleValues } from '../../generator/extract/possible-values.js';

describe('readPossibleValues', () => {
  it.each<[string, { given: string; want: string[] }]>([
    ['code-marked list', { given: 'Partner state. Possible values are: `unknown`, `enabled`, `terminated`.', want: ['unknown', 'enabled', 'terminated'] }],
    ['no colon, "or" before the last', { given: 'Possible values are `Delivering`, `Delivered`, or `Expired`. Read-only.', want: ['Delivering', 'Delivered', 'Expired'] }],
    ['"and" before the last', { given: 'Possible values are: `approve`, `deny`, and `notReviewed`.', want: ['approve', 'deny', 'notReviewed'] }],
    ['plain list', { given: 'The possible values are: none, mobile, desktop, and all', want: ['none', 'mobile', 'desktop', 'all'] }],
    ['plain list ending the sentence', { given: 'Possible values are: days, months, years. Default is days.', want: ['days', 'months', 'years'] }],
    ['Valid values', { given: 'Valid values are `v1_0`, `v1_1`.', want: ['v1_0', 'v1_1'] }],
    ['Supported values:', { given: 'Supported values: `AzureADMyOrg`, `PersonalMicrosoftAccount`. See more.', want: ['AzureADMyOrg', 'PersonalMicrosoftAccount'] }],
    ['supports only two values:', { given: 'Currently supports only two values: `none` or `assignIfOpen`.', want: ['none', 'assignIfOpen'] }],
    ['One of:', { given: 'The kind of thing. One of: `a`, `b`.', want: ['a', 'b'] }],
    ['"for x are"', { given: 'Possible values for requestedAccessTokenVersion are `1`, `2`, or `null`.', want: [] }],
    ['stops at the sentence end', { given: 'Possible values: `Approve`, `Deny`. Supports `$select` and `$filter` (`eq` only).', want: ['Approve', 'Deny'] }],
    ['dots inside code do not end the sentence', { given: 'Possible values are: `v1.0`, `beta`.', want: ['beta'] }],
    ['null is not a member', { given: 'Possible values are: `null` (default value), `NotDisabled`, and `Disabled`.', want: ['NotDisabled', 'Disabled'] }],
    ['values with explanations', { given: 'Possible values are: `standard` - Channel inherits the members; `private` - Channel has its own members.', want: ['standard', 'private'] }],
    ['values with spaces are dropped', { given: 'Supported values can be: `Collaboration`, `Business Management`, `CRM`.', want: ['Collaboration', 'CRM'] }],
    ['repeats once', { given: 'Possible values are: `a`, `b`, `a`.', want: ['a', 'b'] }],
    ['prose after the opener', { given: 'Possible values are listed in the `foo` table below.', want: [] }],
    ['number ranges', { given: 'Valid values 0 to 4294967295', want: [] }],
    ['plain prose stops the list', { given: 'Possible value: PropertyConflict - indicates a property value is not unique.', want: [] }],
    ['quoted plain values', { given: "Possible values are 'low', 'medium' or 'high'.", want: ['low', 'medium', 'high'] }],
    ['no opener', { given: 'The display name. Read-only. One of the names.', want: [] }],
    ['HTML list of code-marked values', { given: 'Supported values are:<ul><li>`AzureADMyOrg`: Users in my tenant (i.e. single tenant).</li><li>`AzureADMultipleOrgs`: Users in any tenant.</li></ul> See more.', want: ['AzureADMyOrg', 'AzureADMultipleOrgs'] }],
    ['HTML list after a break, "for x are"', { given: 'The supported values for dataType are: <ul><li>`string` : a string. </li><li>`int64` : an integer.</li></ul>', want: ['string', 'int64'] }],
    ['HTML list of plain values with dashes, no closing tags', { given: 'The possible values are:<ul><li>Application - An application.<li>SocialIdp - For internal use. </ul>', want: ['Application', 'SocialIdp'] }],
    ['HTML items without <ul>, double dashes, text after the last </li>', { given: 'Supported values are: <li>None</li><li>NotifySender -- Inform the sender.</li><li>ReportFalsePositive</li>When the DLP provider is updating the message, userAction is not required.', want: ['None', 'NotifySender', 'ReportFalsePositive'] }],
    ['HTML list ends at an item of prose', { given: 'Possible values are: <ul><li>`a`</li><li>When b is set, nothing.</li><li>`c`</li></ul>', want: ['a'] }],
    ['values after the list are not read', { given: 'Possible values are: <ul><li>`a`</li></ul> Supports `$filter` (`eq`).', want: ['a'] }],
    ['later opener when the first lists nothing', { given: 'See possible values below. Valid values are: `x`, `y`.', want: ['x', 'y'] }],
  ])('%s', (_name, { given, want }) => {
    expect(readPossibleValues(given)).toEqual(want);
  });
});
