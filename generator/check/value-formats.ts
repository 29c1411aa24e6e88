/**
 * What JSON an Edm primitive takes in an example body, and the string formats
 * of the temporal and Guid types. Placeholders the docs write on purpose
 * (`{id}`, `<guid>`, `...`) are not checked for format.
 */

export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

interface PrimitiveRule {
  kinds: JsonKind[];
  /** Format of string values, with the words for "expected". */
  format?: { pattern: RegExp; expected: string };
}

const DATE = '\\d{4}-\\d{2}-\\d{2}';
const TIME = '\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,12})?)?';

const PRIMITIVES: Record<string, PrimitiveRule> = {
  'Edm.String': { kinds: ['string'] },
  'Edm.Boolean': { kinds: ['boolean'] },
  'Edm.Int16': { kinds: ['number'] },
  'Edm.Int32': { kinds: ['number'] },
  'Edm.Byte': { kinds: ['number'] },
  'Edm.SByte': { kinds: ['number'] },
  // IEEE754Compatible payloads write 64-bit and decimal numbers as strings.
  'Edm.Int64': { kinds: ['number', 'string'], format: { pattern: /^-?\d+$/, expected: 'an integer' } },
  'Edm.Decimal': { kinds: ['number', 'string'], format: { pattern: /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, expected: 'a decimal number' } },
  'Edm.Double': { kinds: ['number', 'string'], format: { pattern: /^(-?INF|NaN|-?\d+(\.\d+)?([eE][-+]?\d+)?)$/, expected: 'a number, `NaN`, `INF` or `-INF`' } },
  'Edm.Single': { kinds: ['number', 'string'], format: { pattern: /^(-?INF|NaN|-?\d+(\.\d+)?([eE][-+]?\d+)?)$/, expected: 'a number, `NaN`, `INF` or `-INF`' } },
  'Edm.Guid': { kinds: ['string'], format: { pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, expected: 'a Guid such as `a2b3c4d5-0000-1111-2222-333344445555`' } },
  'Edm.DateTimeOffset': {
    kinds: ['string'],
    format: { pattern: new RegExp(`^${DATE}T${TIME}(Z|[+-]\\d{2}:\\d{2})$`, 'i'), expected: 'an ISO 8601 date and time with an offset such as `2024-05-01T12:00:00Z`' },
  },
  'Edm.Date': { kinds: ['string'], format: { pattern: new RegExp(`^${DATE}$`), expected: 'a date such as `2024-05-01`' } },
  'Edm.TimeOfDay': { kinds: ['string'], format: { pattern: new RegExp(`^${TIME}$`), expected: 'a time of day such as `13:30:00`' } },
  'Edm.Duration': {
    kinds: ['string'],
    format: { pattern: /^-?P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/, expected: 'an ISO 8601 duration such as `PT1H30M`' },
  },
  'Edm.Binary': { kinds: ['string'] },
};

export type PrimitiveProblem = { kind: 'json'; expected: JsonKind[] } | { kind: 'format'; expected: string };

/** What is wrong with a JSON value for an Edm primitive, or null (unknown primitives pass). */
export function checkPrimitive(name: string, kind: JsonKind, value: unknown): PrimitiveProblem | null {
  const rule = PRIMITIVES[name];
  if (!rule || kind === 'null') return null;
  if (!rule.kinds.includes(kind)) return kind === 'string' && isPlaceholder(String(value)) ? null : { kind: 'json', expected: rule.kinds };
  if (kind === 'string' && rule.format && !isPlaceholder(String(value)) && !rule.format.pattern.test(String(value))) {
    return { kind: 'format', expected: rule.format.expected };
  }
  return null;
}

const TYPE_WORD = /^(string|integer|int(16|32|64)?|boolean|bool|double|single|float|number|decimal|datetime(offset)?|date|time(ofday)?|timestamp|duration|guid|uuid|binary)(\s*\(.*\))?$/i;

/**
 * Values the docs write as stand-ins rather than examples: `{id}`, `<guid>`,
 * `...`, a type name copied from the JSON representation (`String (timestamp)`,
 * `Boolean`), or the `name-value` convention (`datetime-value`).
 */
export function isPlaceholder(value: string): boolean {
  const text = value.trim();
  return text === '' || /[{}<>]|\.\.\.|…|^@odata\.type\b/.test(text) || TYPE_WORD.test(text) || /(^|[-_])value([-_]?\d+)?$|^value[-_]/i.test(text);
}
