/**
 * Regular expressions over doc text that backtracked quadratically on a long
 * run of spaces, dots, slashes or capitals (a 100 KB line took a minute or more
 * each; extraction cuts page lines at 20,000 characters, where they took
 * seconds). Each is fed such a line here, through its own function and through
 * whole pages in `check`; the generous timeouts catch a hang, they time nothing.
 */
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../generator/check/formatters/format.js';
import { kebabCase } from '../../generator/emit/client-groups.js';
import { cleanMemberName, stripEnumSuffix } from '../../generator/extract/enum-name.js';
import { normalizePath, pathParameters } from '../../generator/extract/http-request.js';
import { readPossibleValues } from '../../generator/extract/possible-values.js';
import { readPropertyHints } from '../../generator/extract/property-hints.js';
import { readTypeText } from '../../generator/extract/type-cell.js';
import { buildPages } from '../check/helpers.js';
import { apiPage, resourcePage } from '../check/pages.js';
import { memoryPages } from '../../generator/check/page-text.js';
import { runRules } from '../../generator/check/run-check.js';
import { MAX_LINE_CHARS } from '../../generator/extract/page.js';

const N = 100_000;
const run = (unit: string, n = N) => unit.repeat(Math.ceil(n / unit.length));

describe('one long line per function', () => {
  it.each<[string, () => unknown, unknown]>([
    ['enum heading, spaces', () => stripEnumSuffix(`widgetState${run(' \t')}x`), { text: 'widgetState x', suffixed: false }],
    ['enum heading, dots', () => stripEnumSuffix(`a${run('.')}b`).text.length, N + 2],
    ['enum member, spaces', () => cleanMemberName(`on${run(' ')}x`).length, N + 3],
    ['type cell, spaces', () => readTypeText(`String${run(' \t')}x`).problem, '"String x" is not a type'],
    ['type cell, dots', () => readTypeText(`String${run('.')}x`).type.name, 'Edm.Untyped'],
    ['possible values, spaces', () => readPossibleValues(`Possible values are: a, b${run(' \t')}x`), ['a']],
    ['possible values, emphasis marks', () => readPossibleValues(`Possible values are: a, b, ${run('*')}x`), ['a', 'b', 'x']],
    ['property hints, line breaks', () => readPropertyHints(`Read-only.${run('\r\n')}x`), { readOnly: true }],
    ['property hints, exclamation marks', () => readPropertyHints(`Read-only${run('!')}x`), { readOnly: true }],
    ['HTTP request line, tabs', () => normalizePath(`/users${run('\t')}x`)?.length, N + 7],
    ['path parameter, spaces', () => pathParameters(`/users/{id${run(' ')}|x}`), ['id|x']],
    ['client group name, capitals', () => kebabCase(`\u0000${run('A')}`).length, N],
    ['report path, slashes', () => displayPath(`a${run('/')}x`, 'b.md').length, N + 7],
  ])('%s', (_name, call, expected) => {
    expect(call()).toEqual(expected);
  }, 30_000);
});

/** Three runs to a line stay under `MAX_LINE_CHARS`, where extraction cuts longer lines. */
const LINE = Math.floor(MAX_LINE_CHARS / 3) - 100;

it(`check finishes on pages whose lines are ${LINE}-character runs`, () => {
  const run = (unit: string) => unit.repeat(Math.ceil(LINE / unit.length));
  const spaces = run(' ');
  const pages = {
    'v1.0/resources/widget.md': resourcePage('widget', {
      rows: [`|id${spaces}(x|String${spaces}x|Read-only.${run('\r\n'.replace(/\r\n/, '<br>'))}x|`, `|${spaces}|${spaces}|${run('.')}x|`, `|size|Int32${run('.')}x|A ${run('<')} size.|`],
      json: '{\n  "id": "String"\n}',
      intro: `A widget.\n\n## ${run('<')}\n\n|a|b|\n${spaces}|-${spaces}x`,
    }).replace('# widget resource type', `# widget${spaces}x`),
    'v1.0/api/widget-get.md': apiPage({
      title: `Get widget${spaces}(x`,
      httpRequest: [`GET /widgets${run('/')}x${spaces}HTTP/1.1x`],
      examples: [{ request: { annotation: '"blockType": "request", "name": "a"', lines: [`GET https://graph.microsoft.com/v1.0/widgets${run('/')}x`, `Authorization${spaces}x`] } }],
    }).replace('## Permissions', `${spaces}x\n\n## Request headers\n|Header|Value|\n|:---|:---|\n|Authorization${spaces}x|Bearer.|\n\n## Permissions`),
  };
  const result = runRules(buildPages(pages), memoryPages(pages), {});
  expect(result.internalErrors).toEqual([]);
  expect([...new Set(result.findings.map((f) => f.ruleId))].sort()).toEqual(['example-unpaired', 'http-request-mismatch', 'property-name-invalid', 'property-type-invalid', 'section-missing', 'table-json-mismatch']);
}, 120_000);
