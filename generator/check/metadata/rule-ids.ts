/** The ids of the rules that compare the docs with the service's metadata; they run only with `--metadata`. */
export const METADATA_RULE_IDS = [
  'metadata-type-missing',
  'metadata-property-missing',
  'metadata-property-undocumented',
  'metadata-type-mismatch',
  'metadata-enum-mismatch',
  'metadata-base-type',
  'metadata-operation-mismatch',
] as const;

export type MetadataRuleId = (typeof METADATA_RULE_IDS)[number];
