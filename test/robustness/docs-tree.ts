/**
 * Docs trees for the CLI robustness tests: a slice of the real corpus copied
 * into a temp dir, or, when the corpus is absent, a synthetic tree of resource
 * and API pages shaped like the real ones.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { corpusRoot, hasCorpus } from '../helpers/corpus.js';

/** Copies the first `count` resource pages and API pages of the corpus's v1.0 (sorted), or writes synthetic ones. */
export function docsTree(dir: string, count: number, offset = 0): { source: 'corpus' | 'synthetic'; pages: number } {
  if (!hasCorpus) return { source: 'synthetic', pages: syntheticDocs(dir, count, offset) };
  let pages = 0;
  for (const folder of ['resources', 'api']) {
    const from = path.join(corpusRoot, 'v1.0', folder);
    const to = path.join(dir, 'v1.0', folder);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).filter((n) => n.endsWith('.md')).sort().slice(offset, offset + count)) {
      copyFileSync(path.join(from, name), path.join(to, name));
      pages++;
    }
  }
  return { source: 'corpus', pages };
}

/** `count` resource pages (`widget<n>`, twelve properties each, a JSON representation) and a get page for each. */
export function syntheticDocs(dir: string, count: number, offset = 0): number {
  mkdirSync(path.join(dir, 'v1.0/resources'), { recursive: true });
  mkdirSync(path.join(dir, 'v1.0/api'), { recursive: true });
  for (let i = offset; i < offset + count; i++) {
    const name = `widget${i}`;
    writeFileSync(path.join(dir, `v1.0/resources/${name}.md`), resourcePage(name));
    writeFileSync(path.join(dir, `v1.0/api/${name}-get.md`), getPage(name));
  }
  return 2 * count;
}

const PROPERTIES: [string, string][] = [
  ['id', 'String'], ['displayName', 'String'], ['description', 'String'], ['createdDateTime', 'DateTimeOffset'],
  ['isEnabled', 'Boolean'], ['count', 'Int32'], ['size', 'Int64'], ['ratio', 'Double'],
  ['tags', 'String collection'], ['owner', 'String'], ['lastModifiedDateTime', 'DateTimeOffset'], ['version', 'Int32'],
];

function resourcePage(name: string): string {
  return [
    '---', `title: "${name} resource type"`, `description: "A ${name}."`, 'doc_type: resourcePageType', '---', '',
    `# ${name} resource type`, '', 'Namespace: microsoft.graph', '', `Represents a ${name}.`, '',
    '## Methods', '', '|Method|Return type|Description|', '|:---|:---|:---|', `|[Get ${name}](../api/${name}-get.md)|[${name}](${name}.md)|Read a ${name}.|`, '',
    '## Properties', '', '|Property|Type|Description|', '|:---|:---|:---|',
    ...PROPERTIES.map(([p, t]) => `|${p}|${t}|The ${p} of the ${name}.|`), '',
    '## Relationships', '', 'None.', '',
    '## JSON representation', '', '<!-- {', '  "blockType": "resource",', '  "keyProperty": "id",', `  "@odata.type": "microsoft.graph.${name}"`, '}', '-->',
    '```json', '{', ...PROPERTIES.map(([p, t], i) => `  "${p}": ${t.startsWith('String') ? '"String"' : t === 'Boolean' ? 'true' : '"0"'}${i < PROPERTIES.length - 1 ? ',' : ''}`), '}', '```', '',
  ].join('\n');
}

function getPage(name: string): string {
  return [
    '---', `title: "Get ${name}"`, `description: "Read a ${name}."`, 'doc_type: apiPageType', '---', '',
    `# Get ${name}`, '', 'Namespace: microsoft.graph', '', `Read the properties of a [${name}](../resources/${name}.md) object.`, '',
    '## Permissions', '', '|Permission type|Permissions (from least to most privileged)|', '|:---|:---|', '|Delegated (work or school account)|Widget.Read.All|', '|Application|Widget.Read.All|', '',
    '## HTTP request', '', '<!-- { "blockType": "ignored" } -->', '```http', `GET /${name}s/{id}`, '```', '',
    '## Response', '', `If successful, this method returns a \`200 OK\` response code and a [${name}](../resources/${name}.md) object in the response body.`, '',
    '## Examples', '', '### Request', '', `<!-- { "blockType": "request", "name": "get_${name}" } -->`, '```http', `GET https://graph.microsoft.com/v1.0/${name}s/1`, '```', '',
    '### Response', '', `<!-- { "blockType": "response", "@odata.type": "microsoft.graph.${name}" } -->`, '```http', 'HTTP/1.1 200 OK', 'Content-Type: application/json', '',
    '{', '  "id": "1",', '  "displayName": "x"', '}', '```', '',
  ].join('\n');
}
