/**
 * The lines a change touched, read from `git diff --unified=0` (run by
 * `cli/changed-since.ts`), for `check --changed-since`: findings are kept only on
 * added or changed lines, and anywhere in a file that is new or renamed.
 *
 *   diff --git a/v1.0/api/x.md b/v1.0/api/x.md
 *   +++ b/v1.0/api/x.md
 *   @@ -12,0 +13,2 @@        → lines 13 and 14 of v1.0/api/x.md
 */
import type { Finding } from './types.js';

/** By input-relative file: the changed lines, or 'all' for a new or renamed file. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

export function parseUnifiedDiff(text: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let file: string | null = null;
  let whole = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      file = null;
      whole = false;
    } else if (line.startsWith('new file mode') || line.startsWith('rename from ') || line.startsWith('copy from ')) whole = true;
    else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      file = unquote(line.slice(line.indexOf(' to ') + 4));
      changed.set(file, 'all');
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      file = target === '/dev/null' ? null : unquote(target).replace(/^b\//, '');
      if (file !== null) changed.set(file, whole ? 'all' : (changed.get(file) ?? new Set()));
    } else if (file !== null && !whole) {
      const hunk = HUNK.exec(line);
      const lines = changed.get(file);
      if (!hunk || lines === undefined || lines === 'all') continue;
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) lines.add(n);
    }
  }
  return changed;
}

/**
 * The findings on changed lines (every finding of a new or renamed file), and
 * those one of whose related spots is on one (a table cell reported for an
 * example the change added).
 */
export function onChangedLines<T extends Pick<Finding, 'file' | 'line' | 'related'>>(findings: readonly T[], changed: ChangedLines): T[] {
  const touched = (spot: Pick<Finding, 'file' | 'line'>) => {
    const lines = changed.get(spot.file);
    return lines === 'all' || (lines !== undefined && lines.has(spot.line));
  };
  return findings.filter((f) => touched(f) || (f.related ?? []).some(touched));
}

/** A path as git writes it: C-quoted (`"b/caf\303\251.md"`) when it holds unusual bytes. */
export function unquote(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
