/**
 * Small Graph reference pages built in memory, written the way the real docs
 * write them, for the formatter, CLI and robustness tests (rule fixtures are
 * markdown files beside each rule). Each builder returns markdown.
 */

export const WIDGET_PROPERTIES = [
  '|id|String|Identifier of the widget. Read-only.|',
  '|displayName|String|Name shown to users.|',
  '|size|Int32|Size in units.|',
  '|createdDateTime|DateTimeOffset|When the widget was created.|',
  '|state|[widgetState](widgetstate.md)|State of the widget. Possible values are: `on`, `off`.|',
  '|parts|[part](part.md) collection|Parts of the widget.|',
];

export const WIDGET_JSON = `{
  "@odata.type": "#microsoft.graph.widget",
  "id": "String (identifier)",
  "displayName": "String",
  "size": 1024,
  "createdDateTime": "String (timestamp)",
  "state": "String",
  "parts": [{"@odata.type": "microsoft.graph.part"}]
}`;

export function resourcePage(name: string, options: { rows?: string[]; json?: string; annotation?: string; intro?: string; relationships?: string[] } = {}): string {
  const rows = options.rows ?? [];
  const annotation = options.annotation ?? `"blockType": "resource", "keyProperty": "id", "@odata.type": "microsoft.graph.${name}"`;
  return [
    '---',
    `title: "${name} resource type"`,
    'doc_type: resourcePageType',
    '---',
    '',
    `# ${name} resource type`,
    '',
    'Namespace: microsoft.graph',
    '',
    options.intro ?? `Represents a ${name}.`,
    '',
    '## Properties',
    '|Property|Type|Description|',
    '|:---|:---|:---|',
    ...rows,
    '',
    ...(options.relationships ? ['## Relationships', '|Relationship|Type|Description|', '|:---|:---|:---|', ...options.relationships, ''] : []),
    '## JSON representation',
    `<!-- { ${annotation} } -->`,
    '```json',
    options.json ?? '{}',
    '```',
    '',
  ].join('\n');
}

export function enumPage(name: string, members: string[]): string {
  return [
    '---',
    `title: "${name} enum type"`,
    'doc_type: enumPageType',
    '---',
    '',
    `# ${name} enum type`,
    '',
    'Namespace: microsoft.graph',
    '',
    '## Members',
    '| Member | Value | Description |',
    '|:---|:---|:---|',
    ...members.map((m, i) => `|${m}|${i}|The ${m} state.|`),
    '',
  ].join('\n');
}

export interface Message {
  annotation?: string | null;
  lines: string[];
}

export interface ApiOptions {
  title?: string;
  httpRequest?: string[];
  permissions?: boolean;
  requestBody?: string[] | null;
  response?: string;
  examples?: { request?: Message; response?: Message }[];
  headings?: { example?: string };
}

/** An API page: permissions, HTTP request, request body, response, examples. */
export function apiPage(options: ApiOptions = {}): string {
  const out = ['---', `title: "${options.title ?? 'Create widget'}"`, 'doc_type: apiPageType', '---', '', `# ${options.title ?? 'Create widget'}`, '', 'Namespace: microsoft.graph', '', 'Create a new [widget](../resources/widget.md) object.', ''];
  if (options.permissions !== false) {
    out.push('## Permissions', '|Permission type|Permissions|', '|:---|:---|', '|Application|Widget.ReadWrite.All|', '');
  }
  out.push('## HTTP request', '<!-- { "blockType": "ignored" } -->', '```http', ...(options.httpRequest ?? ['POST /widgets']), '```', '');
  if (options.requestBody !== null) {
    out.push('## Request body', ...(options.requestBody ?? ['In the request body, supply a JSON representation of a [widget](../resources/widget.md) object.']), '');
  }
  out.push('## Response', options.response ?? 'If successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) object in the response body.', '');
  out.push(`## ${options.headings?.example ?? 'Example'}`, '');
  for (const example of options.examples ?? []) {
    for (const role of ['request', 'response'] as const) {
      const message = example[role];
      if (!message) continue;
      out.push(`### ${role === 'request' ? 'Request' : 'Response'}`);
      if (message.annotation !== null) out.push(`<!-- { ${message.annotation ?? `"blockType": "${role}"`} } -->`);
      out.push('```http', ...message.lines, '```', '');
    }
  }
  return out.join('\n');
}

export const CREATE_REQUEST = (body: string[]): Message => ({
  annotation: '"blockType": "request", "name": "create_widget"',
  lines: ['POST https://graph.microsoft.com/v1.0/widgets', 'Content-type: application/json', '', ...body],
});

export const CREATED_RESPONSE = (body: string[], annotation = '"blockType": "response", "@odata.type": "microsoft.graph.widget"'): Message => ({
  annotation,
  lines: ['HTTP/1.1 201 Created', 'Content-type: application/json', '', ...body],
});

/** The widget world: resource, enum and a part type, plus the API page under test first. */
export function widgetWorld(api: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'v1.0/api/widget-create.md': api,
    'v1.0/resources/widget.md': resourcePage('widget', { rows: WIDGET_PROPERTIES, json: WIDGET_JSON }),
    'v1.0/resources/widgetstate.md': enumPage('widgetState', ['on', 'off']),
    'v1.0/resources/part.md': resourcePage('part', { rows: ['|name|String|Name of the part.|', '|weight|Double|Weight.|'], json: '{\n  "name": "String",\n  "weight": 1.5\n}', annotation: '"blockType": "resource", "@odata.type": "microsoft.graph.part"' }),
    ...extra,
  };
}
