/**
 * A property in an example body, at any depth, that its type does not define:
 * own and inherited properties count, and so do those of the derived type the
 * object's `@odata.type` names. Open types (and types with an undocumented
 * base) are exempt.
 *
 * ok:     `{"displayName": "x"}` for a type with `displayName`
 * not ok: `{"displayNme": "x"}` → Unexpected property `displayNme` on `microsoft.graph.x`, expected one of its properties (did you mean `displayName`?)
 */
import { defineRule } from '../rule.js';
import { walkFindings } from './walk-findings.js';

const id = 'example-unknown-property';

export const exampleUnknownProperty = defineRule({
  id,
  description: 'Example bodies use only properties their type (or the derived type named by @odata.type) defines.',
  defaultLevel: 'error',
  check: (ctx) => walkFindings(ctx, id),
});
