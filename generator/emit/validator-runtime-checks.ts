/**
 * Validator runtime text, part 2: the primitive checks (JSON kind, Edm
 * formats and integer ranges) and how a problem and a value are described.
 * The primitive checks come from `type-map.ts`.
 */
import { PRIMITIVES } from './type-map.js';

export function validatorRuntimeChecks(): string {
  const checks = Object.fromEntries(Object.entries(PRIMITIVES).map(([name, mapping]) => [name, mapping.check]));
  return CHECKS.replace('/*PRIMITIVE_CHECKS*/', JSON.stringify(checks, null, 2));
}

const CHECKS = String.raw`type PrimitiveCheck = 'string' | 'boolean' | 'integer' | 'number' | 'any';

const PRIMITIVE_CHECKS: { readonly [edm: string]: PrimitiveCheck | undefined } = /*PRIMITIVE_CHECKS*/;

const INTEGER_RANGES: { readonly [edm: string]: readonly [number, number] | undefined } = {
  'Edm.Byte': [0, 255],
  'Edm.SByte': [-128, 127],
  'Edm.Int16': [-32768, 32767],
  'Edm.Int32': [-2147483648, 2147483647],
};

const TIME = '([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?';
const DATE = '([0-9]{4})-([0-9]{2})-([0-9]{2})';

const FORMATS: { readonly [edm: string]: { readonly pattern: RegExp; readonly example: string } | undefined } = {
  'Edm.Guid': { pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, example: '00000000-0000-0000-0000-000000000000' },
  'Edm.Date': { pattern: new RegExp('^' + DATE + '$'), example: '2024-01-31' },
  'Edm.TimeOfDay': { pattern: new RegExp('^' + TIME + '$'), example: '13:45:00' },
  'Edm.DateTimeOffset': { pattern: new RegExp('^' + DATE + '[Tt]' + TIME + '([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$'), example: '2024-01-31T13:45:00Z' },
  'Edm.Duration': { pattern: /^-?P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$/, example: 'P1DT2H30M' },
  'Edm.Binary': { pattern: /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/, example: 'SGVsbG8=' },
};

function checkPrimitive(value: unknown, edm: string, path: string, problems: ValidationProblem[]): void {
  const check = PRIMITIVE_CHECKS[edm];
  if (check === undefined || check === 'any') return;
  if (check === 'string' || check === 'boolean') {
    if (typeof value !== check) {
      problems.push(problem(path, 'type', check + ' (' + edm + ')', jsonKind(value)));
      return;
    }
    const format = FORMATS[edm];
    if (format !== undefined && !(format.pattern.test(value as string) && validCalendar(value as string, edm))) {
      problems.push(problem(path, 'format', edm + ' (like ' + format.example + ')', literal(value as string)));
    }
    return;
  }
  if (typeof value !== 'number' || !isFinite(value)) {
    problems.push(problem(path, 'type', check + ' (' + edm + ')', jsonKind(value)));
    return;
  }
  if (check === 'integer') {
    if (Math.floor(value) !== value) {
      problems.push(problem(path, 'type', 'integer (' + edm + ')', 'number ' + String(value)));
      return;
    }
    const range = INTEGER_RANGES[edm];
    if (range !== undefined && (value < range[0] || value > range[1])) {
      problems.push(problem(path, 'range', edm + ' (' + range[0] + ' to ' + range[1] + ')', String(value)));
    }
  }
}

/** Day of month within the month (leap years included) for Date and DateTimeOffset. */
function validCalendar(text: string, edm: string): boolean {
  if (edm !== 'Edm.Date' && edm !== 'Edm.DateTimeOffset') return true;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day <= days;
}

function problem(path: string, kind: ProblemKind, expected: string, actual: string): ValidationProblem {
  const what = kind === 'unknown-property' ? 'property ' + actual : actual;
  return { path, kind, expected, actual, message: 'Unexpected ' + what + ' at ' + path + ', expected ' + expected };
}

function oneOf(members: readonly string[]): string {
  const shown = members.slice(0, 12).map((m) => JSON.stringify(m));
  return 'one of ' + shown.join(', ') + (members.length > 12 ? ', ... (' + members.length + ' members)' : '');
}

/**
 * What a value is in JSON terms: "object" only for a plain object (its prototype
 * is an Object.prototype, of any realm, or null); a Map, Date or class instance
 * is named instead. May throw for a revoked Proxy: the walk reports that.
 */
function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && !isFinite(value)) return 'number ' + String(value);
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return 'array';
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || Object.getPrototypeOf(proto) === null) return 'object';
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag !== 'Object') return shorten(tag);
  const constructor: unknown = (proto as { constructor?: unknown }).constructor;
  const name = typeof constructor === 'function' ? String((constructor as { name?: unknown }).name) : '';
  return name === '' ? 'object with a prototype' : shorten(name) + ' instance';
}

function literal(text: string): string {
  return JSON.stringify(shorten(text));
}

function shorten(text: string): string {
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}
`;
