/**
 * A value in an example body of the wrong JSON kind for its property type
 * (string for Int32, object for a collection), a collection where one object
 * is expected or the reverse, or a DateTimeOffset, Date, TimeOfDay, Duration
 * or Guid string in the wrong format. Placeholders (`{id}`, `<guid>`) pass.
 *
 * ok:     `"createdDateTime": "2024-05-01T12:00:00Z"`
 * not ok: `"createdDateTime": "May 1"` → Unexpected string `"May 1"`, expected an ISO 8601 date and time with an offset such as `2024-05-01T12:00:00Z` (`Edm.DateTimeOffset`)
 */
import { defineRule } from '../rule.js';
import { walkFindings } from './walk-findings.js';

const id = 'example-type-mismatch';

export const exampleTypeMismatch = defineRule({
  id,
  description: 'Example body values have the JSON kind, cardinality and format their property type requires.',
  defaultLevel: 'error',
  check: (ctx) => walkFindings(ctx, id),
});
