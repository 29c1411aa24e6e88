/** JSON for tools: the document `schema/diff.schema.json` describes. */
import type { DiffFormatter } from './format.js';
import { changePath } from './format.js';

export const formatDiffJson: DiffFormatter = (input) => {
  const changes = input.result.changes.map(({ source, ...change }) => ({ ...change, file: source.file, line: source.line, column: source.column, path: changePath(input, { ...change, source }) }));
  const document = { base: input.base.label, head: input.head.label, summary: input.result.summary, changes };
  return `${JSON.stringify(document, null, 2)}\n`;
};
