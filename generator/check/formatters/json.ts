/** JSON output: the findings array `schema/check.schema.json` documents. */
import { displayPath, type Formatter } from './format.js';

export const formatJson: Formatter = ({ findings, input }) =>
  `${JSON.stringify(
    findings.map((f) => ({ ...f, path: displayPath(input, f.file) })),
    null,
    2,
  )}\n`;
