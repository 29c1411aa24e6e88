/** JSON for tools: the document `schema/diff.schema.json` describes. */
import type { DiffFormatter } from './format.js';
import { changePath } from './format.js';

export const formatDiffJson: DiffFormatter = (input) => {
  // Keys in the schema's order, whatever order the comparers built them in.
  const changes = input.result.changes.map((change) => ({
    kind: change.kind,
    severity: change.severity,
    apiVersion: change.apiVersion,
    resource: change.resource,
    subject: change.subject,
    message: change.message,
    ...(change.before === undefined ? {} : { before: change.before }),
    ...(change.after === undefined ? {} : { after: change.after }),
    ...(change.renameOf === undefined ? {} : { renameOf: change.renameOf }),
    side: change.side,
    file: change.source.file,
    line: change.source.line,
    column: change.source.column,
    path: changePath(input, change),
  }));
  const document = { base: input.base.label, head: input.head.label, summary: input.result.summary, changes };
  return `${JSON.stringify(document, null, 2)}\n`;
};
