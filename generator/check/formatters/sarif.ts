/**
 * SARIF 2.1.0: one run, the rules that ran in `tool.driver.rules`, one result
 * per finding with its location (path from the working directory, 1-based
 * line and column, counted in UTF-16 code units as mdast counts them) and the
 * baseline fingerprint as `partialFingerprints`; the spots a finding rests on
 * (`Finding.related`) as `relatedLocations`. Typed by `@types/sarif`.
 */
import type { Log, PhysicalLocation, ReportingDescriptor, Result } from 'sarif';
import type { SourceRef } from '../../model/diagnostic.js';
import { displayPath, type Formatter } from './format.js';

export const formatSarif: Formatter = ({ findings, rules, input, toolVersion }) => {
  const ids = [...new Set([...rules.map((r) => r.id), ...findings.map((f) => f.ruleId)])];
  const byId = new Map(rules.map((r) => [r.id, r]));
  const index = new Map(ids.map((id, i) => [id, i]));
  const physical = (spot: SourceRef): PhysicalLocation => ({
    artifactLocation: { uri: encodeURI(displayPath(input, spot.file)) },
    region: { startLine: spot.line, startColumn: spot.column },
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docs2ts',
            version: toolVersion,
            rules: ids.map((id): ReportingDescriptor => {
              const rule = byId.get(id);
              return {
                id,
                shortDescription: { text: rule?.description ?? 'docs2ts finding' },
                defaultConfiguration: { level: rule?.level === 'off' ? 'none' : rule?.level === 'warn' ? 'warning' : 'error' },
              };
            }),
          },
        },
        results: findings.map((f): Result => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId)!,
          level: f.severity,
          message: { text: f.message },
          locations: [{ physicalLocation: physical(f) }],
          ...(f.related ? { relatedLocations: f.related.map((spot, id) => ({ id, physicalLocation: physical(spot) })) } : {}),
          partialFingerprints: { 'docs2ts/v1': f.fingerprint },
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
