/**
 * Examples come in request/response pairs: a request block without a response
 * after it, and a response block without a request before it (names used twice:
 * example-name-duplicate). Not findings: a
 * second response right after a paired one (alternative outcomes of one
 * request: "One or more segments missing" / "All segments received"); a
 * response right after an HTTP block its author annotated `blockType: ignored`
 * (the request is shown, only not tested), nor the request before that ignored
 * variant (onlinemeeting-get: a user-token request, an app-token one, one response); a response right under the
 * `## Response` heading (a sample of what comes back, not an example: driveitem-preview);
 * and requests to hosts other than Graph (upload and embed URLs), which need no
 * documented response. A block whose closing fence is missing (it runs on past the
 * `### Response` heading, swallowing the response) is reported once, where the fence goes; a response annotated
 * `blockType: example` right after a request, at that `example`.
 *
 * ok:     request `a`, response; request `b`, response
 * not ok: request `a`, request `b`, response → Unexpected request block without a response block after it, expected a `blockType: response` block
 */
import type { HttpMessageFacts } from '../../extract/facts.js';
import type { SourceRef } from '../../model/diagnostic.js';
import type { CheckContext } from '../context.js';
import { isGraphUrl } from '../request-path.js';
import { defineRule, type RuleFinding } from '../rule.js';
import { unclosedFence } from '../unclosed-fence.js';

export const exampleUnpaired = defineRule({
  id: 'example-unpaired',
  description: 'Every example request has a response after it, every response a request before it.',
  defaultLevel: 'error',
  supersedes: ['example-request-missing', 'example-response-missing'],
  check: (ctx) =>
    ctx.pages.flatMap((page) =>
      page.operations.flatMap((operation) => {
        const out: RuleFinding[] = [];
        operation.examples.forEach((example, i) => {
          const unclosed = [example.request, example.response].flatMap((m) => {
            const found = m ? unclosedFence(ctx, m) : undefined;
            return found && m ? [{ ...found, from: m }] : [];
          })[0];
          if (unclosed) {
            const block = unclosed.from === example.request ? 'request' : 'response';
            out.push({ at: unclosed.at, message: `Unexpected heading \`${unclosed.heading}\` inside the ${block}'s code block, expected the block closed (\`\`\`) before it`, key: `${i}:unclosed`, related: [unclosed.from.source] });
            return;
          }
          // A response after an ignored variant of the request (user token, then app token) answers this request too.
          const next = operation.examples[i + 1];
          const answered = !!next?.response && !next.request && afterIgnoredBlock(ctx, next.response);
          if (example.request?.method && !example.response && !answered && isGraphUrl(example.request.url ?? '')) {
            const mislabelled = responseLabelledExample(ctx, example.request);
            if (mislabelled) out.push({ at: mislabelled, message: 'Unexpected `blockType` `example` on the response to the request before it, expected `response`', key: `${i}:request-only`, related: [example.request.source] });
            else out.push({ at: example.request.source, message: 'Unexpected request block without a response block after it, expected a `blockType: response` block', key: `${i}:request-only` });
          }
          const alternative = operation.examples[i - 1]?.response != null;
          if (example.response && !example.request && !alternative && !afterIgnoredBlock(ctx, example.response) && !underResponseHeading(ctx, example.response)) {
            out.push({ at: example.response.source, message: 'Unexpected response block without a request block before it, expected a `blockType: request` block first', key: `${i}:response-only` });
          }
        });
        return out;
      }),
    ),
});

const FENCE = /^\s*(?:>\s*)*(`{3,}|~{3,})/;
const HTTP_LINE = /^\s*((GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S|HTTP\/\d)/i;

/** The code block before this response is an HTTP request or response annotated `blockType: ignored`. */
function afterIgnoredBlock(ctx: CheckContext, response: HttpMessageFacts): boolean {
  const lines = ctx.lines(response.source.file);
  let i = response.source.line - 2;
  while (i >= 0 && !FENCE.test(lines[i]!)) i--;
  if (i < 0) return false;
  let open = i - 1;
  while (open >= 0 && !FENCE.test(lines[open]!)) open--;
  if (open < 0 || !HTTP_LINE.test(lines[open + 1] ?? '')) return false;
  // Same example: no section heading between, and not the syntax block of "HTTP request".
  if (lines.slice(open, response.source.line - 1).some((line) => /^#{1,2}\s/.test(line))) return false;
  let heading = open - 1;
  while (heading >= 0 && !/^#{1,6}\s/.test(lines[heading]!)) heading--;
  if (heading >= 0 && /^#{1,2}\s+http request/i.test(lines[heading]!)) return false;
  const above = lines.slice(Math.max(0, open - 8), open).join('\n');
  return /"blockType"\s*:\s*"ignored"/i.test(above.slice(above.lastIndexOf('<!--')));
}

/** The nearest heading above the block is the page's `## Response` section heading itself. */
function underResponseHeading(ctx: CheckContext, response: HttpMessageFacts): boolean {
  const lines = ctx.lines(response.source.file);
  let i = response.source.line - 2;
  while (i >= 0 && !/^#{1,6}\s/.test(lines[i]!)) i--;
  return i >= 0 && /^##\s+response\s*$/i.test(lines[i]!);
}

/**
 * The request's response is there, annotated `blockType: example` (so no tool reads it as the response): the next code
 * block, under no heading but a Response one, starts with a status line. Where `example` is written in its annotation.
 */
function responseLabelledExample(ctx: CheckContext, request: HttpMessageFacts): SourceRef | undefined {
  const lines = ctx.lines(request.source.file);
  let i = request.source.line; // the line after the request's opening fence
  while (i < lines.length && !FENCE.test(lines[i]!)) i++;
  for (i++; i < lines.length && !FENCE.test(lines[i]!); i++) if (/^#{1,6}\s/.test(lines[i]!) && !/^#{1,6}\s+response\b/i.test(lines[i]!)) return undefined;
  if (i >= lines.length || !/^\s*HTTP\/\d/.test(lines[i + 1] ?? '')) return undefined;
  for (let a = i - 1; a > request.source.line && !FENCE.test(lines[a]!); a--) {
    const column = lines[a]!.search(/"blockType"\s*:\s*"example"/i);
    if (column >= 0) return { file: request.source.file, line: a + 1, column: column + lines[a]!.slice(column).indexOf('"example"') + 1 };
  }
  return undefined;
}
