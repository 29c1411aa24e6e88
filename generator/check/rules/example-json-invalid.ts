/**
 * An example body that should be JSON (it starts with `{` or `[`, or its
 * Content-Type says JSON) and is not strict JSON: trailing commas, comments,
 * missing commas, unquoted words, a body cut short (an unclosed brace).
 * Truncation means properties left out, not broken JSON: in a message marked
 * truncated (annotation `truncated: true`, `...` elisions) the elisions are
 * not errors; anything else, a cut-off end included, still is.
 *
 * ok:     {"a": 1}
 * not ok: {"a": 1,} → Unexpected trailing comma in request body, expected valid JSON
 */
import type { HttpMessageFacts } from '../../extract/facts.js';
import type { CheckContext } from '../context.js';
import { exampleMessages } from '../examples.js';
import { commaSpot, describeError } from '../../extract/json-text.js';
import { locateJson, type LocatedJson } from '../json-locate.js';
import { defineRule, type RuleFinding } from '../rule.js';
import { unclosedFence } from '../unclosed-fence.js';

export const exampleJsonInvalid = defineRule({
  id: 'example-json-invalid',
  description: 'Example bodies that are JSON are valid JSON (elisions allowed in truncated examples).',
  defaultLevel: 'error',
  supersedes: ['example-json-invalid', 'example-json-truncated'],
  check: (ctx) =>
    exampleMessages(ctx).flatMap((item): RuleFinding[] => {
      const finding = checkBody(ctx, item.message, item.role);
      return finding ? [{ ...finding, key: `${item.example.name}/${item.role}` }] : [];
    }),
});

function checkBody(ctx: CheckContext, message: HttpMessageFacts, role: string): Omit<RuleFinding, 'key'> | undefined {
  const body = message.body;
  // A block whose closing fence is missing holds the text after it: example-unpaired reports that, where the fence goes.
  if (!body || !looksLikeJson(body.raw, contentType(message)) || unclosedFence(ctx, message)) return undefined;
  const json = locateJson(ctx, body);
  const truncated = message.truncated || json.elisions.length > 0;
  const error = json.errors.find((e) => !(truncated && afterElision(json, e.offset) && !atEnd(json, e.offset)));
  if (!error) return undefined;
  const comma = trailingComma(json, error.offset);
  if (comma !== undefined) return { at: json.at(comma), message: `Unexpected trailing comma in ${role} body, expected valid JSON` };
  const open = atEnd(json, error.offset) ? json.open : '';
  if (open) return { at: json.at(error.offset), message: `Unexpected end of ${role} body with \`${open}\` unclosed, expected the JSON to end with \`${closing(open)}\`` };
  return { at: json.at(commaSpot(json.text, error)), message: `Unexpected ${describeError(json.text, error)} in ${role} body, expected valid JSON` };
}

function contentType(message: HttpMessageFacts): string | undefined {
  const key = Object.keys(message.headers).find((name) => name.toLowerCase() === 'content-type');
  return key === undefined ? undefined : message.headers[key];
}

/** JSON by content type, or by its first character when no type is given. */
function looksLikeJson(raw: string, type: string | undefined): boolean {
  if (type !== undefined && type !== '' && !/json|^text\/javascript/i.test(type)) return false;
  if (/^[{[]/.test(raw.trimStart())) return true;
  return type !== undefined && /json/i.test(type) && /^("|-?\d|true\b|false\b|null\b)/.test(raw.trimStart());
}

/** The error is at the end of the body: the JSON is cut short. */
function atEnd(json: LocatedJson, offset: number): boolean {
  return offset >= json.text.trimEnd().length;
}

/** The error follows a (blanked) elision with only whitespace and commas between. */
function afterElision(json: LocatedJson, offset: number): boolean {
  let i = offset;
  while (i > 0 && /[\s,]/.test(json.text[i - 1]!)) i--;
  return json.elisions.some((e) => e.offset >= i && e.offset <= offset);
}

/** Offset of the comma when the error is a `}` or `]` right after one. */
function trailingComma(json: LocatedJson, offset: number): number | undefined {
  if (!/[}\]]/.test(json.text[offset] ?? '')) return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(json.text[i]!)) i--;
  return json.text[i] === ',' ? i : undefined;
}

function closing(open: string): string {
  return [...open].reverse().map((ch) => (ch === '{' ? '}' : ']')).join('');
}
