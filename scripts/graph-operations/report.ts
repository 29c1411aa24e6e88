/** One screen of figures per measure and the top mismatch categories, with evenly spread samples. */
import { categoryLines, clip, pct } from '../graph-types/report.js';
import { CATEGORIES, type Finding, type OperationComparison, type Tally } from './compare.js';
import type { Matching } from './match.js';

export interface ReportOptions {
  /** Header line naming the inputs. */
  title: string;
  /** SDK actions and functions read (one per request builder). */
  sdkOperations: number;
  /** The docs model's actions and functions of the version. */
  docsOperations: number;
  categories: number;
  samples: number;
}

export function formatReport(matching: Matching, { figures: f, findings }: OperationComparison, options: ReportOptions): string {
  const m = matching.matches.length;
  const kinds = new Map<string, number>();
  for (const { docs } of matching.matches) kinds.set(docs.kind, (kinds.get(docs.kind) ?? 0) + 1);
  const byKind = [...kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, n]) => `${kind} ${n}`).join(', ');
  const onlySdkNames = new Set(matching.onlySdk.map((o) => o.path.slice(o.path.lastIndexOf('/') + 1).replace(/\(.*$/, '').toLowerCase()));
  const lines = [
    options.title,
    `operations   SDK ${options.sdkOperations} actions/functions (builders), docs ${options.docsOperations} actions/functions`,
    `             both ${m} (docs kinds: ${byKind}); only SDK ${matching.onlySdk.length} paths (${onlySdkNames.size} names), only docs ${matching.onlyDocs.length} (not counted as disagreement)`,
    `parameters   ${tally(f.parameters)} (names as a set, case-insensitive)`,
    `param types  ${tally(f.parameterTypes)} (type name + collection, of parameters on both sides the SDK types)`,
    `returns      ${tally(f.returns)} (none, a type, a collection, a primitive)`,
    '',
    ...categoryLines(findings, CATEGORIES, options, formatFinding),
  ];
  return lines.join('\n');
}

export function formatFinding(f: Finding): string {
  const subject = f.parameter ? `${f.operation} ${f.parameter}` : f.operation;
  return `${f.file}:${f.line}  ${subject}  docs: ${clip(f.docs)}  sdk: ${clip(f.sdk)}`;
}

function tally({ agree, differ, docsSilent }: Tally): string {
  const stated = agree + differ;
  return `agree ${agree}/${stated} (${pct(agree, stated)}), differ ${differ}, docs silent ${docsSilent}`;
}
