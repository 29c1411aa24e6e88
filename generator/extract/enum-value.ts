/** Member values as value cells write them, and whether a set of values is a flags enum. */
import type { EnumMemberFacts } from './facts.js';

/**
 * `0`, `-1`, `0x10`, `1 << 3` → numbers; other text → as written (trimmed);
 * empty → null.
 */
export function readMemberValue(cell: string | undefined): number | string | null {
  const text = (cell ?? '').replace(/[`*]/g, '').trim();
  if (text === '') return null;
  if (/^[-+]?\d+$/.test(text)) return Number.parseInt(text, 10);
  if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text.slice(2), 16);
  const shift = /^1\s*<<\s*(\d{1,2})$/.exec(text);
  if (shift?.[1]) return 2 ** Number(shift[1]);
  return text;
}

/** `Flag enum to ...`, `Flags representing ...`, `bitwise combination`; not `flagged`. */
const FLAGS_SAID = /^flags?\b(?!-)|\bflags?\s+enum|\bbit\s*flags?\b|\bbitwise\b|\[Flags\]/i;

/**
 * True when the enum is reliably a flags enum: its description says so, or every
 * member has a numeric value that is 0 or a power of two, the values are distinct,
 * and they reach at least 4 (so `0, 1, 2` stays a plain enum). A sentinel
 * `unknownFutureValue` may break the pattern without spoiling it.
 */
export function looksLikeFlags(description: string, members: EnumMemberFacts[]): boolean {
  if (FLAGS_SAID.test(description)) return true;
  const values = members.filter((member) => member.name !== 'unknownFutureValue').map((member) => member.value);
  if (values.length < 3) return false;
  if (!values.every((value): value is number => typeof value === 'number')) return false;
  if (new Set(values).size !== values.length) return false;
  if (!values.every((value) => value === 0 || (value > 0 && Number.isInteger(Math.log2(value))))) return false;
  return Math.max(...values) >= 4;
}
