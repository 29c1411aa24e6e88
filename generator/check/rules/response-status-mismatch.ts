/**
 * The status line of an example response differs from every status the
 * Response section states (a section may name several: `204 No Content`, or
 * `200 OK` with `Prefer: return=representation`; `302 Found` for CSV, `200 OK`
 * for JSON), nor the text between the example's request and its response (`201 Created`, `status code of 207`). Error examples (4xx, 5xx) are not
 * compared; a section naming a class (`a 200-series response code`) takes any success, and its `207` is the partial
 * failure, not the success status. When the section is what is wrong (its own reason phrase names the example's status,
 * `200 Created`; or it states a body for an update, delete or `$ref` request whose every example answers a bare 204),
 * the finding is at the section's status, once; so it is when the example shows another outcome on purpose (a 3xx
 * redirect, a GET's 204, a PUT's 204 where the section names 201) that the section does not state. Also a status line
 * whose reason phrase is not its code's (`HTTP/1.1 200 Created`).
 *
 * ok:     Response section `201 Created`, example `HTTP/1.1 201 Created`
 * not ok: Response section `201 Created`, example `HTTP/1.1 200 OK` → Unexpected status `200`, expected `201` as the Response section says (line 65)
 */
import { STATUS_CODES } from 'node:http';
import type { OperationFacts, PageFacts } from '../../extract/facts.js';
import { findForward, placeOn, type CheckContext } from '../context.js';
import { exampleMessages, firstLineOf, type ExampleMessage } from '../examples.js';
import { defineRule, oncePerKey, type RuleFinding } from '../rule.js';

export const responseStatusMismatch = defineRule({
  id: 'response-status-mismatch',
  description: 'Example response status lines match the status the Response section states.',
  defaultLevel: 'error',
  check: (ctx) =>
    oncePerKey(exampleMessages(ctx).flatMap((item): RuleFinding[] => {
      if (item.role !== 'response') return [];
      const reason = reasonPhrase(ctx, item.page.file, firstLineOf(ctx, item.message));
      if (reason) return [{ ...reason, key: `${item.example.name}:reason` }];
      const expected = item.operation.response?.status;
      const actual = item.message.status;
      // An error status the section names ("a `507` response is returned if ...") is a condition, not the success status.
      // 207 Multi-Status is the partial failure a section names beside the success ("if an error occurred ... a `207`").
      if (item.role !== 'response' || expected == null || expected >= 400 || expected === 207 || actual === undefined || actual === expected || actual >= 400) return [];
      const said = sectionStatuses(ctx, item.page, item.operation);
      if (said.has(actual) || (said.has(SUCCESS) && actual < 300) || exampleStatuses(ctx, item).has(actual)) return [];
      const section = sectionAtFault(ctx, item, expected, actual);
      if (section) return [section];
      const line = firstLineOf(ctx, item.message);
      const at = placeOn(ctx, { file: item.page.file, line, column: 1 }, String(actual));
      return [
        {
          at,
          message: `Unexpected status \`${actual}\`, expected \`${expected}\` as the Response section says (line ${item.operation.response!.source.line})`,
          key: `${item.example.name}:${actual}`,
        },
      ];
    }), (key) => key.startsWith('section:')),
});

/**
 * The Response section is where the fix goes when its own reason phrase names the example's status (`200 Created` for
 * a 201), or when it states a status with a body for an update, delete or `$ref` request whose every success example
 * answers 204 without one: one finding at the section's status, however many examples answer so.
 */
function sectionAtFault(ctx: CheckContext, item: ExampleMessage, expected: number, actual: number): RuleFinding | undefined {
  const response = item.operation.response!;
  const at = findForward(ctx, { file: item.page.file, line: response.source.line, column: 1 }, String(expected), 3);
  const phrase = new RegExp(`^\\s*${STATUS_CODES[actual]}\\b`, 'i').test(ctx.line(at.file, at.line).slice(at.column + 2));
  const request = item.example.request;
  const bodiless =
    actual === 204 &&
    !item.message.body &&
    (/^(PATCH|PUT|DELETE)$/i.test(request?.method ?? '') || /\/\$ref\b/.test(request?.url ?? '')) &&
    item.operation.examples.every((e) => e.response?.status === undefined || e.response.status === 204 || e.response.status >= 400);
  const outcome = !phrase && !bodiless && deliberate(request?.method ?? '', expected, actual);
  if (!phrase && !bodiless && !outcome) return undefined;
  const line = firstLineOf(ctx, item.message);
  return {
    at,
    message: outcome
      ? `Unexpected Response section stating only \`${expected}\`, expected \`${actual}\` too (${outcome}) as the example answers (line ${line})`
      : `Unexpected status \`${expected}\` in the Response section, expected \`${actual}\` as ${phrase ? 'its reason phrase and ' : ''}the examples answer (line ${line})`,
    key: `section:${response.source.line}${outcome ? `:${actual}` : ''}`,
    related: [placeOn(ctx, { file: item.page.file, line, column: 1 }, String(actual))],
  };
}

/**
 * A status no one writes by mistake: a redirect, a GET answering that there is nothing to get, a PUT that replaced
 * the item where the section names the 201 of creating it. The example shows another outcome on purpose; the
 * section, stating only the usual one, is what lacks it.
 */
function deliberate(method: string, expected: number, actual: number): string | undefined {
  if (actual >= 300 && actual < 400) return 'a redirect';
  if (actual === 204 && /^GET$/i.test(method)) return 'nothing to get';
  if (actual === 204 && expected === 201 && /^PUT$/i.test(method)) return 'an item replaced';
  return undefined;
}

/** A section that names a class (`a 200-series response code`, `2xx`) rather than one status: any success fits. */
const SUCCESS = 2;
const STATUS = /\b([1-5]\d\d)\b(?=`?\s*(?:OK|Created|Accepted|No Content|Found|Partial Content|Multi-Status|See Other|Not Modified|Moved Permanently|Temporary Redirect|Permanent Redirect|Non-Authoritative Information|Reset Content|response|status)\b|`)/gi;

/**
 * Every status the Response section (up to the next heading of its level) names; from `## Response` when the
 * sentence is under one of its subsections (`### Response for creating a chat with installed apps`).
 */
function sectionStatuses(ctx: CheckContext, page: PageFacts, operation: OperationFacts): Set<number> {
  return ctx.memo(`statuses:${page.file}:${operation.response!.source.line}`, () => {
    const line = operation.response!.source.line;
    const before = page.headings.filter((h) => h.source.line <= line);
    const sub = before.findLast((h) => /^responses?\b/i.test(h.text));
    const parent = sub && before.findLast((h) => h.source.line < sub.source.line && h.depth < sub.depth);
    const heading = parent && /^responses?\b/i.test(parent.text) ? parent : sub;
    if (!heading) return new Set<number>();
    const next = page.headings.find((h) => h.source.line > heading.source.line && h.depth <= heading.depth);
    return statusesIn(ctx.lines(page.file).slice(heading.source.line, (next?.source.line ?? heading.source.line + 40) - 1));
  });
}

/**
 * Every status the text between an example's request and its response names: an example may show another outcome on
 * purpose and say so ("This will return an `HTTP 206 Partial Content` response", "returns a `201 Created` response code").
 */
function exampleStatuses(ctx: CheckContext, item: ExampleMessage): Set<number> {
  const to = firstLineOf(ctx, item.message);
  const from = item.example.request ? firstLineOf(ctx, item.example.request) : to - 10;
  return statusesIn(ctx.lines(item.page.file).slice(Math.max(0, from), to - 1));
}

/** A status named after the words that introduce it: "an HTTP status code of 207", "status code 206". */
const INTRODUCED = /\bstatus code (?:of )?`?([1-5]\d\d)\b/gi;

/** The statuses `lines` name (`201 Created`, `` `204` ``, `302 response`, `status code of 207`). */
function statusesIn(lines: readonly string[]): Set<number> {
  const text = lines.join('\n');
  const out = new Set([...text.matchAll(STATUS), ...text.matchAll(INTRODUCED)].map((match) => Number(match[1])));
  return /\b(2\d\d-series|2xx)\b/i.test(text) ? out.add(SUCCESS) : out;
}

/** Reason phrases of earlier RFCs, still right. */
const FORMER: Record<number, string> = { 413: 'request entity too large', 414: 'request-uri too long', 416: 'requested range not satisfiable' };

/** A status line whose reason phrase is another code's (`200 Created`), at the phrase. */
function reasonPhrase(ctx: CheckContext, file: string, line: number): Omit<RuleFinding, 'key'> | undefined {
  const text = ctx.line(file, line);
  const match = /^(\s*HTTP\/\d(?:\.\d)?\s+)(\d{3})\s+([A-Za-z][A-Za-z -]*?)\s*$/.exec(text);
  if (!match) return undefined;
  const code = Number(match[2]);
  const standard = STATUS_CODES[code];
  const written = match[3]!;
  if (!standard || written.toLowerCase() === standard.toLowerCase() || written.toLowerCase() === FORMER[code]) return undefined;
  return { at: { file, line, column: text.indexOf(written, match[1]!.length + 3) + 1 }, message: `Unexpected reason phrase \`${written}\` for status ${code}, expected \`${code} ${standard}\`` };
}
