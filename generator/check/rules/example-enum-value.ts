/**
 * A string in an example body for an enum-typed property that is not a member
 * of the enum (its enum page, or the "Possible values" its description lists
 * when no page documents it). Flags values (`a,b`) are checked member by member. A value the property's
 * "Possible values" write and its examples use, never the member closest to it, says the enum page is out of date:
 * enum-values-mismatch reports that there, not each example (`enumPageOutOfDate`).
 *
 * ok:     `"partnerState": "enabled"`
 * not ok: `"partnerState": "Enabled"` → Unexpected `Enabled` for enum `x`, expected a member its enum page lists (did you mean `enabled`?)
 */
import { defineRule } from '../rule.js';
import { walkFindings } from './walk-findings.js';

const id = 'example-enum-value';

export const exampleEnumValue = defineRule({
  id,
  description: 'Enum values in example bodies are members of the enum.',
  defaultLevel: 'error',
  check: (ctx) => walkFindings(ctx, id),
});
