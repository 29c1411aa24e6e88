/**
 * Every example message of every API page, with the page's operation facts and
 * its linked model operation side by side (facts keep bodies and positions, the
 * model keeps resolved types). Request blocks without a request line (JSON
 * samples under a "Request body" heading) are not HTTP examples and are left out.
 */
import type { ExampleFacts, HttpMessageFacts, OperationFacts, PageFacts } from '../extract/facts.js';
import type { ModelOperation } from '../model/ir.js';
import type { CheckContext } from './context.js';

export type MessageRole = 'request' | 'response';

export interface ExampleMessage {
  page: PageFacts;
  operation: OperationFacts;
  /** The linked operation (same order as the page's operations). */
  linked: ModelOperation | undefined;
  example: ExampleFacts;
  role: MessageRole;
  message: HttpMessageFacts;
}

export function exampleMessages(ctx: CheckContext): ExampleMessage[] {
  return ctx.memo('example-messages', () => {
    const out: ExampleMessage[] = [];
    for (const page of ctx.pages) {
      const linked = ctx.operations(page.file);
      page.operations.forEach((operation, i) => {
        for (const example of operation.examples) {
          for (const role of ['request', 'response'] as const) {
            const message = example[role];
            // A "request" without a request line is a body sample under "Request body", not an HTTP example.
            if (message && (role === 'response' || message.method)) out.push({ page, operation, linked: linked[i], example, role, message });
          }
        }
      });
    }
    return out;
  });
}

/** The line of a message's first line (request or status line): the first non-blank line after the fence. */
export function firstLineOf(ctx: CheckContext, message: HttpMessageFacts): number {
  const { file, line } = message.source;
  const opening = ctx.line(file, line);
  let at = /^[>\s]*(```|~~~)/.test(opening) ? line + 1 : line;
  const lines = ctx.lines(file);
  while (at <= lines.length && (lines[at - 1] ?? '').replace(/^[\s>]*/, '') === '') at++;
  return at;
}
