import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { enumPage, resourcePage } from '../pages.js';

const page = (description: string, members = ['on', 'off', 'unknownFutureValue']) => ({
  'v1.0/resources/widget.md': resourcePage('widget', { rows: [`|state|[widgetState](widgetstate.md)|${description}|`], json: '{\n  "state": "String"\n}' }),
  'v1.0/resources/widgetstate.md': enumPage('widgetState', members),
});

describe('enum-values-mismatch', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: every member listed (the evolvable sentinel may be left out)', page('State. Possible values are: `on`, `off`.'), []],
    ['not ok: a value that is no member', page('State. Possible values are: `on`, `of`.'), [
      '15:67: Unexpected "Possible values" without `off`, expected every member of enum `widgetState` (v1.0/resources/widgetstate.md)',
      '15:73: Unexpected `of` in "Possible values", expected a member of enum `widgetState` (did you mean `on`?)',
    ]],
    ['ok: no "Possible values" at all', page('State of the widget.'), []],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'enum-values-mismatch')).toEqual(expected);
  });
});
