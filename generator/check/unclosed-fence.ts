/**
 * An example's code block that runs on past a markdown heading (`### Response`): its closing fence was left out, so
 * the block swallowed the text, annotation and blocks after it. example-unpaired reports that once, where the fence
 * goes; example-json-invalid leaves such a body alone (the heading in it is that same fault).
 */
import type { HttpMessageFacts } from '../extract/facts.js';
import type { SourceRef } from '../model/diagnostic.js';
import type { CheckContext } from './context.js';

const FENCE = /^\s*(?:>\s*)*(`{3,}|~{3,})/;
const HEADING = /^#{1,6}\s+\S/;

/** Where the missing closing fence goes (the line after the block's last non-blank line before the heading), and the heading. */
export function unclosedFence(ctx: CheckContext, message: HttpMessageFacts): { at: SourceRef; heading: string } | undefined {
  const { file, line } = message.source;
  const lines = ctx.lines(file);
  if (!FENCE.test(lines[line - 1] ?? '')) return undefined;
  for (let i = line; i < lines.length && !FENCE.test(lines[i]!); i++) {
    if (!HEADING.test(lines[i]!)) continue;
    let last = i - 1;
    while (last >= line && lines[last]!.trim() === '') last--;
    return { at: { file, line: last + 2, column: 1 }, heading: lines[i]!.trim() };
  }
  return undefined;
}
