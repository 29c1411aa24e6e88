/**
 * The metadata rules: one comparison of the docs with the service's metadata
 * per check run (`compare-types.ts`, `compare-operations.ts`), its findings
 * handed out by rule id. Built only when `--metadata` gives a CSDL file; the
 * model is never changed by it.
 */
import type { ExtraRule } from '../run-check.js';
import type { CheckContext } from '../context.js';
import { compareOperations } from './compare-operations.js';
import { compareTypes, type MetadataFinding } from './compare-types.js';
import type { CsdlModel } from './csdl.js';
import { METADATA_RULE_IDS, type MetadataRuleId } from './rule-ids.js';

export const METADATA_RULE_DESCRIPTIONS: Record<MetadataRuleId, string> = {
  'metadata-type-missing': 'A documented type is not in the service\'s metadata (--metadata).',
  'metadata-property-missing': 'A documented property is not in the service\'s metadata (--metadata).',
  'metadata-property-undocumented': 'A property in the service\'s metadata is not in the type\'s property tables (--metadata).',
  'metadata-type-mismatch': 'A property\'s type or collection-ness, or entity vs complex, differs from the service\'s metadata (--metadata).',
  'metadata-enum-mismatch': 'Enum members differ from the service\'s metadata (--metadata).',
  'metadata-base-type': 'A type\'s base type differs from the service\'s metadata (--metadata).',
  'metadata-operation-mismatch': 'An action or function, its parameters or return type differ from the service\'s metadata (--metadata).',
};

/** The metadata rules for CSDL models by API version (`v1.0`, `beta`). */
export function metadataRules(byVersion: ReadonlyMap<string, CsdlModel>): ExtraRule[] {
  const all = (ctx: CheckContext): MetadataFinding[] =>
    ctx.memo('metadata', () => [...byVersion].flatMap(([version, csdl]) => [...compareTypes(ctx, version, csdl), ...compareOperations(ctx, version, csdl)]));
  return METADATA_RULE_IDS.map((id) => ({
    id,
    description: METADATA_RULE_DESCRIPTIONS[id],
    defaultLevel: 'error',
    check: (ctx) => all(ctx).filter((f) => f.ruleId === id),
  }));
}
