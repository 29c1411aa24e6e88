/**
 * What JSON an Edm primitive takes in an example body, and the string formats
 * of the temporal and Guid types. Placeholders the docs write on purpose
 * (`{id}`, `<guid>`, `...`) are not checked for format.
 */

export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

interface PrimitiveRule {
  kinds: JsonKind[];
  /** Format of string values, with the words for "expected"; `valid` checks calendar and clock ranges. */
  format?: { pattern: RegExp; expected: string; valid?: (text: string) => boolean };
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
    format: { pattern: new RegExp(`^${DATE}T${TIME}(Z|[+-]\\d{2}:\\d{2})$`, 'i'), expected: 'an ISO 8601 date and time with an offset such as `2024-05-01T12:00:00Z`', valid: validDateTime },
  },
  'Edm.Date': { kinds: ['string'], format: { pattern: new RegExp(`^${DATE}$`), expected: 'a date such as `2024-05-01`', valid: validDate } },
  'Edm.TimeOfDay': { kinds: ['string'], format: { pattern: new RegExp(`^${TIME}$`), expected: 'a time of day such as `13:30:00`', valid: validTime } },
  'Edm.Duration': {
    kinds: ['string'],
    format: { pattern: /^-?P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/, expected: 'an ISO 8601 duration such as `PT1H30M`', valid: (text) => !/\.\d+[YMWDH]T?\d/.test(text) },
  },
  'Edm.Binary': { kinds: ['string'] },
};

export type PrimitiveProblem = { kind: 'json'; expected: JsonKind[] } | { kind: 'format'; expected: string };

/** The JSON kind an Edm primitive is written as first (`number` for Edm.Double, which also takes `"NaN"`), or undefined. */
export function mainKindOf(name: string): JsonKind | undefined {
  return PRIMITIVES[name]?.kinds[0];
}

/** What is wrong with a JSON value for an Edm primitive, or null (unknown primitives pass). */
export function checkPrimitive(name: string, kind: JsonKind, value: unknown): PrimitiveProblem | null {
  const rule = PRIMITIVES[name];
  if (!rule || kind === 'null') return null;
  if (!rule.kinds.includes(kind)) return kind === 'string' && isPlaceholder(String(value)) ? null : { kind: 'json', expected: rule.kinds };
  const text = String(value);
  if (kind === 'string' && rule.format && !isPlaceholder(text) && (!rule.format.pattern.test(text) || rule.format.valid?.(text) === false)) {
    return { kind: 'format', expected: rule.format.expected };
  }
  return null;
}

const TYPE_WORD = /^(string|integer|int(16|32|64)?|boolean|bool|double|single|float|number|decimal|datetime(offset)?|date|time(ofday)?|timestamp|duration|guid|uuid|binary)(\s*\(.*\))?$/i;

/**
 * Values the docs write as stand-ins rather than examples: `{id}`, `<guid>`,
 * `...`, a type name copied from the JSON representation (`String (timestamp)`,
 * `Boolean`), or the `name-value` convention (`datetime-value`, `averageScore.value`).
 */
export function isPlaceholder(value: string): boolean {
  const text = value.trim();
  return text === '' || /[{}<>]|\.\.\.|…|^@odata\.type\b/.test(text) || TYPE_WORD.test(text) || /(^|[-_.])value([-_]?\d+)?$|^value[-_]/i.test(text);
}

/** `yyyy-mm-dd` with a month 01–12 and a day that month has (29 February in leap years). */
function validDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** `hh:mm[:ss]` with hours 00–23, minutes and seconds 00–59 (a leap second 60 allowed). */
function validTime(text: string): boolean {
  const [hours, minutes, seconds = 0] = text.split(':').map((part) => Math.floor(Number(part))) as [number, number, number?];
  return hours <= 23 && minutes <= 59 && seconds <= 60;
}

/** A valid date and time, and an offset within ±23:59. */
function validDateTime(text: string): boolean {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
  if (offset && (Number(offset[2]) > 23 || Number(offset[3]) > 59)) return false;
  const time = text.slice(11).replace(/(Z|[+-]\d{2}:\d{2})$/i, '');
  return validDate(text) && validTime(time);
}
