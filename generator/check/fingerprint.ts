/**
 * Stable finding identity for baselines and SARIF `partialFingerprints`: a
 * hash of rule, file and the finding's key (a JSON path, a property name, a
 * link target), or of its message with numbers blanked. Never the line, so
 * edits above a finding keep its fingerprint. Repeats get `:2`, `:3`, ...
 */
import { createHash } from 'node:crypto';

export function fingerprintOf(ruleId: string, file: string, key: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${file}\u0000${key}`).digest('hex').slice(0, 20);
}

/** The key of a finding without one: its message with line numbers and counts blanked. */
export function messageKey(message: string): string {
  return message.replace(/\d+/g, '#');
}

/** Fingerprints for findings in order, with repeats numbered. */
export function numberRepeats(fingerprints: string[]): string[] {
  const seen = new Map<string, number>();
  return fingerprints.map((fingerprint) => {
    const count = (seen.get(fingerprint) ?? 0) + 1;
    seen.set(fingerprint, count);
    return count === 1 ? fingerprint : `${fingerprint}:${count}`;
  });
}
