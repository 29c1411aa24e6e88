/**
 * The mutation study's first 17 kinds (rounds 1 and 2 of issue 20): one problem of the list each, put in
 * the way that issue describes it (`scripts/check-quality.ts` runs them).
 */
import path from 'node:path';
import { annotatedType, annotationOf, cutLastBrace, documentedTypes, findings, inCorpus, index, join, pagesOf, read, replaceAt, versionResources, type Kind } from './check-quality-lib.js';

export const KINDS: Kind[] = [
  {
    name: 'JSON body cut short (last `}` removed)',
    rule: 'example-json-invalid',
    mutate(lines, file) {
      const status = index(lines, /^HTTP\/1\.1 200 OK\s*$/);
      const fence = index(lines, /^```\s*$/, status);
      if (status < 0 || fence < 0) return undefined;
      // Not a body the rule already finds invalid (a trailing comma: that problem is reported first, and alone).
      const before = [...findings(file, join(lines), 'example-json-invalid', [])].map((f) => Number(f.split(':')[0]));
      return before.some((line) => line > status && line <= fence) ? undefined : cutLastBrace(lines, status, fence);
    },
  },
  {
    name: '`## Response` removed (examples keep `### Response`)',
    rule: 'section-missing',
    mutate(lines) {
      const at = index(lines, /^## Response\s*$/);
      if (at < 0 || index(lines, /^#{3,4} Response\b/, at + 1) < 0) return undefined;
      const out = [...lines.slice(0, at), ...lines.slice(at + 1)];
      const next = index(out, /^## /, at);
      return next < 0 ? undefined : { text: join(out), line: next + 1, column: 1 };
    },
  },
  {
    name: '`## HTTP request` re-cased (`## Http Request`)',
    rule: 'section-missing',
    mutate(lines) {
      const at = index(lines, /^## HTTP request\s*$/i);
      return at < 0 ? undefined : { text: join(lines.map((l, i) => (i === at ? '## Http Request' : l))), line: at + 1, column: 1 };
    },
  },
  {
    name: '`## Response` misspelt (`## Reponse`)',
    rule: 'section-missing',
    mutate(lines) {
      const at = index(lines, /^## Response\s*$/);
      return at < 0 ? undefined : { text: join(lines.map((l, i) => (i === at ? '## Reponse' : l))), line: at + 1, column: 1 };
    },
  },
  {
    name: '`## HTTP request` moved below `## Response`',
    rule: 'section-missing',
    mutate(lines) {
      const at = index(lines, /^## HTTP request\s*$/i);
      const end = index(lines, /^## /, at + 1);
      const response = index(lines, /^## Response\s*$/);
      const after = index(lines, /^## /, response + 1);
      if (at < 0 || end < 0 || response < end || after < 0) return undefined;
      const section = lines.slice(at, end);
      const rest = [...lines.slice(0, at), ...lines.slice(end)];
      const insert = after - section.length;
      return { text: join([...rest.slice(0, insert), ...section, ...rest.slice(insert)]), line: insert + 1, column: 1 };
    },
  },
  {
    name: 'status with a wrong reason phrase (`200 Created`)',
    rule: 'response-status-mismatch',
    mutate(lines) {
      // In an example response (a block annotated `ignored` is not one).
      const at = lines.findIndex((line, i) => /^HTTP\/1\.1 200 OK\s*$/.test(line) && /"blockType"\s*:\s*"response"/.test(annotationOf(lines, i)));
      return at < 0 ? undefined : { text: join(lines.map((l, i) => (i === at ? 'HTTP/1.1 200 Created' : l))), line: at + 1, column: 14 };
    },
  },
  {
    name: 'request-body row duplicated',
    rule: 'request-body-mismatch',
    mutate(lines) {
      const heading = index(lines, /^## Request body\s*$/);
      const separator = index(lines, /^\|?\s*:?-{3,}/, heading);
      const next = index(lines, /^#/, heading + 1);
      if (heading < 0 || separator < 0 || (next >= 0 && separator > next) || !lines[separator + 1]?.includes('|')) return undefined;
      let last = separator + 1;
      while (lines[last + 1]?.includes('|')) last++;
      const row = lines[separator + 1]!;
      const column = row.search(/[^|\s]/) + 1;
      return { text: join([...lines.slice(0, last + 1), row, ...lines.slice(last + 1)]), line: last + 2, column };
    },
  },
  {
    name: 'example request path segment misspelt',
    rule: 'http-request-mismatch',
    mutate(lines) {
      // In an example request (not the HTTP request section, not a block annotated `ignored`).
      const request = /^(GET|POST|PATCH|PUT|DELETE) https:\/\/graph\.microsoft\.com\/(v1\.0|beta)\/[a-zA-Z]/;
      const at = lines.findIndex((line, i) => request.test(line) && /"blockType"\s*:\s*"request"/.test(annotationOf(lines, i)));
      if (at < 0) return undefined;
      const line = lines[at]!;
      const start = line.indexOf('/', line.indexOf('.com/') + 5) + 1;
      if (!/^[a-zA-Z]{3,}(\/|$)/.test(line.slice(start))) return undefined;
      const mutated = `${line.slice(0, start + 1)}q${line.slice(start + 1)}`;
      return { text: join(lines.map((l, i) => (i === at ? mutated : l))), line: at + 1, column: start + 1 };
    },
  },
  {
    name: 'date-time value out of range (`2021-13-45T99:00:00Z`)',
    rule: 'example-type-mismatch',
    with: versionResources,
    mutate(lines, file) {
      // A top-level property that the resource page of the example's annotated type lists as DateTimeOffset (else no rule knows its type).
      const types = documentedTypes(file.split('/')[0]!);
      const at = lines.findIndex((line, i) => {
        const match = /^ {2}"(\w+DateTime)"\s*:\s*"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"\s*,?\s*$/.exec(line);
        const type = match ? annotatedType(lines, i) : undefined;
        return types.get(type?.toLowerCase() ?? '')?.properties.some((p) => p.name === match![1] && p.type.name === 'Edm.DateTimeOffset') ?? false;
      });
      if (at < 0) return undefined;
      const line = lines[at]!;
      const quote = line.indexOf('"', line.indexOf(':'));
      return replaceAt(lines, at, quote, line.indexOf('"', quote + 1) + 1 - quote, '"2021-13-45T99:00:00Z"');
    },
  },
  {
    name: 'permission name misspelt (`Mail.RaedWrite`), the name used on one other page of the input',
    rule: 'permission-unknown',
    with: (file, _text, original) => {
      const name = misspeltPermission(original.split('\n'))?.name;
      // The name itself, not a longer one it starts (`Files.ReadWrite` is not used by a page with `Files.ReadWrite.All` only).
      const used = name ? new RegExp(`\\b${name.replace(/\./g, '\\.')}(?![\\w.]*\\w)`) : undefined;
      const api = pagesOf(file.split('/')[0]!, 'api');
      // Used as a permission: in a table row (a page naming it in prose only does not use it: directoryobject-checkmembergroups).
      const other = used ? api.find((o) => o !== file && read(o).split('\n').some((l) => l.includes('|') && used.test(l))) : undefined;
      // The rest of the input: every 40th page of the version, none using the name.
      const rest = api.filter((o, i) => i % 40 === 0 && o !== file && !used?.test(read(o)));
      return other ? [other, ...rest] : rest;
    },
    mutate(lines) {
      const found = misspeltPermission(lines);
      return found && replaceAt(lines, found.at, found.column, found.name.length, found.misspelt);
    },
  },
  {
    name: 'request-body row renamed (create/update page)',
    rule: 'request-body-mismatch',
    with: versionResources,
    mutate(lines) {
      if (!/^#\s+(create|update)\b/i.test(lines[index(lines, /^#\s/)] ?? '')) return undefined;
      // A body of resource properties, not an action's parameters (`POST .../rows/add` titled "Create TableRow").
      if (lines.some((line) => /^(POST|PATCH|PUT) \/\S*\/(add|create|set|update|assign|apply)([A-Z]\w*)?(\(.*\))?\s*$/.test(line))) return undefined;
      const heading = index(lines, /^## Request body\s*$/);
      const separator = index(lines, /^\|?\s*:?-{3,}/, heading);
      const next = index(lines, /^#/, heading + 1);
      if (heading < 0 || separator < 0 || (next >= 0 && separator > next)) return undefined;
      const row = lines[separator + 1] ?? '';
      const cell = /^(\|?\s*)([a-z][A-Za-z]{3,})(\s*\|)/.exec(row);
      if (!cell) return undefined;
      const name = cell[2]!;
      return replaceAt(lines, separator + 1, cell[1]!.length, name.length, `${name[0]}q${name.slice(1)}`);
    },
  },
  {
    name: 'example name duplicated (second request named as the first)',
    rule: 'example-name-duplicate',
    mutate(lines) {
      const isName = (line: string, i: number) => /^\s*"name"\s*:\s*"[^"]+"\s*,?\s*$/.test(line) && /"blockType"\s*:\s*"request"/.test(lines.slice(Math.max(0, i - 4), i + 4).join('\n'));
      const named = lines.flatMap((line, i) => (isName(line, i) ? [i] : []));
      if (named.length < 2) return undefined;
      const first = /"name"\s*:\s*("[^"]+")/.exec(lines[named[0]!]!)![1]!;
      const at = named[1]!;
      // Not a page whose second request already has the first's name (the problem is there before the change).
      if (/"name"\s*:\s*("[^"]+")/.exec(lines[at]!)![1] === first) return undefined;
      const line = lines[at]!;
      const quote = line.indexOf('"', line.indexOf(':'));
      return replaceAt(lines, at, quote, line.indexOf('"', quote + 1) + 1 - quote, first);
    },
  },
  {
    name: 'resource page with `doc_type: apiPageType`, JSON key misspelt',
    rule: 'table-json-mismatch',
    folder: 'resources',
    with: versionResources,
    mutate(lines) {
      const docType = index(lines, /^doc_type:\s*resourcePageType\s*$/);
      const json = index(lines, /^## JSON representation\s*$/i);
      const open = index(lines, /^```/, json);
      const key = index(lines, /^\s*"[a-z][A-Za-z]{3,}"\s*:/, open);
      const close = index(lines, /^```\s*$/, open + 1);
      if (docType < 0 || json < 0 || open < 0 || key < 0 || key > close) return undefined;
      const line = lines[key]!;
      const quote = line.indexOf('"');
      const mutated = `${line.slice(0, quote + 2)}q${line.slice(quote + 2)}`;
      return { text: join(lines.map((l, i) => (i === docType ? 'doc_type: apiPageType' : i === key ? mutated : l))), line: key + 1, column: quote + 1 };
    },
  },
  {
    name: 'relative link target misspelt (page inside the input)',
    rule: 'link-broken',
    with: (file, _text, original) => {
      const found = misspeltLink(original.split('\n'), file);
      return found ? [found.target] : [];
    },
    mutate(lines, file) {
      const found = misspeltLink(lines, file);
      return found && replaceAt(lines, found.at, found.column, found.href.length, found.misspelt);
    },
  },
  {
    name: 'resource JSON representation cut short (last `}` removed)',
    rule: 'json-invalid',
    folder: 'resources',
    mutate(lines) {
      const json = index(lines, /^## JSON representation\s*$/i);
      const open = index(lines, /^```/, json);
      const fence = index(lines, /^```\s*$/, open + 1);
      return json < 0 || open < 0 || fence < 0 ? undefined : cutLastBrace(lines, open, fence);
    },
  },
  {
    name: 'collection response annotated single (`"isCollection": true` removed)',
    rule: 'example-type-mismatch',
    with: versionResources,
    mutate(lines, file) {
      // In a response annotation (a block annotated `ignored` is no example response: no rule reads it).
      const at = lines.findIndex((line, i) => /^\s*"isCollection"\s*:\s*true\s*,?\s*$/.test(line) && /"blockType"\s*:\s*"response"/.test(lines.slice(Math.max(0, i - 6), i + 6).join('\n')));
      // A type the version documents (not `collection(x)`, not a primitive: `{"value": "x"}` is a single string),
      // without a `value` property of its own (then `{"value": [...]}` may be a single one).
      const type = documentedTypes(file.split('/')[0]!).get(/"@odata\.type"\s*:\s*"([\w.]+)"/.exec(lines.slice(Math.max(0, at - 6), at).join('\n'))?.[1]?.toLowerCase() ?? '');
      if (!type || type.properties.some((p) => p.name === 'value')) return undefined;
      const open = index(lines, /^```/, at);
      const body = open < 0 ? -1 : index(lines, /^\s*"value"\s*:\s*\[/, open);
      const close = index(lines, /^```\s*$/, open + 1);
      if (at < 0 || body < 0 || body > close || /,\s*$/.test(lines[at]!) || !/,\s*$/.test(lines[at - 1] ?? '')) return undefined;
      const out = lines.map((l, i) => (i === at - 1 ? l.replace(/,\s*$/, '') : l)).filter((_, i) => i !== at);
      // Found at the annotation's `@odata.type` value, where `"isCollection": true` goes back (the line above `at` is unmoved).
      const typed = lines.slice(0, at).findLastIndex((l, i) => i >= at - 6 && /"@odata\.type"\s*:/.test(l));
      return { text: join(out), line: typed + 1, column: lines[typed]!.search(/"[^"]*"\s*,?\s*$/) + 1 };
    },
  },
  {
    name: 'Response sentence links another type (`[site](...)`) than its example shows',
    rule: 'response-type-mismatch',
    with: versionResources,
    mutate(lines) {
      const heading = index(lines, /^## Response\s*$/);
      const at = index(lines, /\breturns?\b.*\[(\w+)\]\(\.\.\/resources\/(\w+)\.md\)/, heading);
      const next = index(lines, /^## /, heading + 1);
      if (heading < 0 || at < 0 || (next >= 0 && at > next)) return undefined;
      const link = /\[(\w+)\]\(\.\.\/resources\/(\w+)\.md\)/.exec(lines[at]!)!;
      const name = link[1]!;
      // Only a page whose example response body names the linked type (`#` in a body's `@odata.type`, not an annotation's
      // nor a request body's), so it agrees before the change.
      const example = new RegExp(`"@odata\\.type":\\s*"#microsoft\\.graph\\.${name}"|\\$metadata#(Collection\\()?microsoft\\.graph\\.${name}\\b`, 'i');
      const shown = (l: string, i: number) => i > next && example.test(l) && /"blockType"\s*:\s*"response"/.test(annotationOf(lines, i));
      if (link[2]!.toLowerCase() !== name.toLowerCase() || !lines.some(shown)) return undefined;
      const other = name.toLowerCase() === 'site' ? 'contact' : 'site';
      const mutated = lines[at]!.replace(link[0], `[${other}](../resources/${other}.md)`);
      return { text: join(lines.map((l, i) => (i === at ? mutated : l))), line: at + 1, column: link.index + 1 };
    },
  },
];


function misspeltPermission(lines: string[]) {
  const heading = index(lines, /^## Permissions\s*$/);
  const end = index(lines, /^## /, heading + 1);
  for (let at = heading + 1; heading >= 0 && at < (end < 0 ? lines.length : end); at++) {
    const match = /\b([A-Z][A-Za-z]+)\.(Read|ReadWrite|Send|Manage)\b[\w.]*/.exec(lines[at]!.includes('|') ? lines[at]! : '');
    if (!match) continue;
    const name = match[0];
    const misspelt = `${match[1]}.${match[2]![0]}${match[2]![2]}${match[2]![1]}${name.slice(match[1]!.length + 4)}`;
    return { at, column: match.index, name, misspelt };
  }
  return undefined;
}

/** A relative `.md` link whose page exists, one letter of its file name doubled. */
function misspeltLink(lines: string[], file: string) {
  for (let at = 0; at < lines.length; at++) {
    for (const match of lines[at]!.matchAll(/\]\(((?:\.\.\/(?:api|resources)\/)?([a-z][\w-]{3,})\.md)(#[\w-]*)?\)/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!));
      if (!inCorpus(target)) continue;
      const href = match[1]!;
      const nameAt = href.length - match[2]!.length - 3;
      const misspelt = `${href.slice(0, nameAt + 2)}${href[nameAt + 2]}${href.slice(nameAt + 2)}`;
      return { at, column: match.index + 2, href, misspelt, target };
    }
  }
  return undefined;
}
