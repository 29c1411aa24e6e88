import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiHead, resourcePage } from './pages.js';

const event = resourcePage('event', `|id|String|Identifier. Read-only.|
|start|DateTimeOffset|When the event starts.|
|day|Date|The day of the event.|
|reminder|TimeOfDay|When to remind.|
|length|Duration|How long it lasts.|`, `{ "id": "String", "start": "String (timestamp)", "day": "Date", "reminder": "TimeOfDay", "length": "Duration" }`);

const get = (body: string) => `${apiHead('Get event', 'Calendars.Read', 'GET /events/{id}')}
## Response
If successful, this method returns a \`200 OK\` response code and an [event](../resources/event.md) object in the response body.

## Example
### Request
<!-- { "blockType": "request", "name": "get_event" } -->
\`\`\`http
GET https://graph.microsoft.com/v1.0/events/1
\`\`\`

### Response
<!-- { "blockType": "response", "@odata.type": "microsoft.graph.event" } -->
\`\`\`http
HTTP/1.1 200 OK
Content-type: application/json

${body}
\`\`\`
`;

const check = (body: string) => checkPages({ 'v1.0/api/event-get.md': get(body), 'v1.0/resources/event.md': event }, 'example-type-mismatch');

describe('example-type-mismatch: dates and times in range, not only in shape', () => {
  it('accepts real dates, times and durations (29 February in a leap year)', () => {
    expect(check('{\n  "start": "2024-02-29T23:59:59.5+05:30",\n  "day": "2021-12-31",\n  "reminder": "08:30:00",\n  "length": "PT1H30.5S"\n}')).toEqual([]);
  });

  it('reports impossible months, days, hours, offsets and a fraction before the last duration part', () => {
    expect(check('{\n  "start": "2021-13-45T99:00:00Z",\n  "day": "2023-02-29",\n  "reminder": "24:61:00",\n  "length": "PT1.5H30M"\n}')).toEqual([
      '38:12: Unexpected string `"2021-13-45T99:00:00Z"`, expected an ISO 8601 date and time with an offset such as `2024-05-01T12:00:00Z` (`Edm.DateTimeOffset`)',
      '39:10: Unexpected string `"2023-02-29"`, expected a date such as `2024-05-01` (`Edm.Date`)',
      '40:15: Unexpected string `"24:61:00"`, expected a time of day such as `13:30:00` (`Edm.TimeOfDay`)',
      '41:13: Unexpected string `"PT1.5H30M"`, expected an ISO 8601 duration such as `PT1H30M` (`Edm.Duration`)',
    ]);
  });
});
