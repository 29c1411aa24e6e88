/**
 * Every id a user may set a level for or ignore: the rules, the metadata rules
 * (`--metadata`) and the extraction diagnostic codes. Anything else on the
 * command line or in the config is a usage error with a did-you-mean.
 */
import { closest } from './did-you-mean.js';
import { EXTRACTION_CODES } from './extraction-codes.js';
import { METADATA_RULE_IDS } from './metadata/rule-ids.js';
import { RULE_IDS } from './types.js';

export const KNOWN_RULE_IDS: readonly string[] = [...new Set<string>([...RULE_IDS, ...METADATA_RULE_IDS, ...EXTRACTION_CODES])].sort();

const known = new Set(KNOWN_RULE_IDS);

/** Undefined for a known id, else the problem and its fix (with the nearest known id). */
export function unknownRuleId(id: string): { problem: string; fix: string } | undefined {
  if (known.has(id)) return undefined;
  const near = closest(id, KNOWN_RULE_IDS);
  return { problem: `unknown rule \`${id}\``, fix: `use a rule id${near ? ` (did you mean \`${near}\`?)` : ''}; docs2ts check --help lists them` };
}
