/** Function parameters written in the request path become typed parameters; a parameter table's rows come first. */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../generator/extract/page.js';

const page = (paths: string[], table: string[] = []) =>
  [
    '# accessReviewInstanceDecisionItem: filterByCurrentUser', '', 'Namespace: microsoft.graph', '', 'Retrieve the decisions of the signed-in reviewer.', '',
    '## HTTP request', '', '```http', ...paths, '```', '',
    ...(table.length > 0 ? ['## Function parameters', '', '| Parameter | Type | Description |', '|:--|:--|:--|', ...table, ''] : []),
    '## Response', '', 'If successful, this function returns a `200 OK` response code and an [accessReviewInstanceDecisionItem](../resources/accessreviewinstancedecisionitem.md) collection in the response body.', '',
  ].join('\n');

const summary = (text: string) => {
  const operation = extractPage({ file: 'v1.0/api/accessreviewinstancedecisionitem-filterbycurrentuser.md', apiVersion: 'v1.0', text }).operations[0]!;
  return { kind: operation.kind, parameters: operation.parameters.map((p) => `${p.name}: ${p.type?.name ?? '?'} @${p.source.line}${p.from ? ` (${p.from})` : ''}`) };
};

describe('function parameters in the path', () => {
  it.each<[string, string[], string[], string[]]>([
    ['a quoted value is a string', ["GET /identityGovernance/accessReviews/definitions/{id}/instances/{iid}/decisions/filterByCurrentUser(on='reviewer')"], [], ['on: Edm.String @10 (path)']],
    ['several, a placeholder has no type, a number is Int32', ['GET /workbook/range/resizedRange(deltaRows={n}, deltaColumns=2)'], [], ['deltaRows: ? @10 (path)', 'deltaColumns: Edm.Int32 @10 (path)']],
    ['the table comes first and keeps its own types', ["GET /reports/getEmailActivityCounts(period='{period_value}', top=true)"], ['| period | String | D7, D30. |'], ['period: Edm.String @17 (table)', 'top: Edm.Boolean @10 (path)']],
    ['a table row without a type takes the path\'s', ["GET /reports/getEmailActivityCounts(period='{period_value}')"], ['| period | | D7, D30. |'], ['period: Edm.String @17 (table)']],
  ])('%s', (_name, paths, table, want) => {
    expect(summary(page(paths, table))).toEqual({ kind: 'function', parameters: want });
  });
});
