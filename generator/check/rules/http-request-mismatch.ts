/**
 * An example request whose method and path match none of the page's HTTP
 * request lines (`{param}` matches any segment, query strings are ignored),
 * or whose URL names another API version than the page's folder. `/me` is
 * read as `/users/{id}` and `/me/drive` as `/drives/{id}` (their documented
 * aliases), and a key in parentheses as a key segment. A wrong path is reported at its first segment no documented path
 * has there. URLs on
 * other hosts (upload URLs, embed endpoints) are not Graph calls and pass.
 *
 * ok:     HTTP request `GET /users/{id}`, example `GET https://graph.microsoft.com/v1.0/users/48d31887`
 * not ok: example `GET https://graph.microsoft.com/v1.0/groups/1` → Unexpected request path `/groups/1`, expected one of the page's HTTP request paths: `/users/{id}`
 */
import type { CheckContext } from '../context.js';
import { exampleMessages, firstLineOf, type ExampleMessage } from '../examples.js';
import { isGraphUrl, matchedPrefix, pathAliases, readExampleUrl, requestsMatching, segmentStarts } from '../request-path.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const httpRequestMismatch = defineRule({
  id: 'http-request-mismatch',
  description: 'Example requests use a method and path of the HTTP request section, under the page’s API version.',
  defaultLevel: 'error',
  check: (ctx) => exampleMessages(ctx).flatMap((item) => (item.role === 'request' ? checkRequest(ctx, item) : [])),
});

function checkRequest(ctx: CheckContext, item: ExampleMessage): RuleFinding[] {
  const { method, url } = item.message;
  if (!method || !url || !isGraphUrl(url)) return [];
  const out: RuleFinding[] = [];
  const line = firstLineOf(ctx, item.message);
  const text = ctx.line(item.page.file, line);
  const urlColumn = Math.max(0, text.indexOf(url)) + 1;
  const parsed = readExampleUrl(url);
  const at = (index: number) => ({ file: item.page.file, line, column: urlColumn + index });
  if (parsed.version && parsed.version.toLowerCase() !== item.page.apiVersion.toLowerCase()) {
    out.push({
      at: at(parsed.versionIndex),
      message: `Unexpected API version \`${parsed.version}\` in the request URL, expected \`${item.page.apiVersion}\` (the page is under ${item.page.apiVersion}/)`,
      key: `${item.example.name}:version`,
    });
  }
  const requests = item.operation.httpRequests;
  if (requests.length === 0) return out;
  const aliases = pathAliases(parsed.path);
  const samePath = requestsMatching(requests, url);
  if (samePath.length === 0) {
    const paths = [...new Set(requests.map((r) => r.path))];
    const listed = paths.slice(0, 3).map((p) => `\`${p}\``).join(', ') + (paths.length > 3 ? `, +${paths.length - 3} more` : '');
    const wrong = matchedPrefix(paths, aliases);
    const starts = segmentStarts(parsed.written);
    const segment = starts[Math.min(wrong, starts.length - 1)] ?? 0;
    out.push({
      at: at(Math.max(0, url.indexOf(parsed.written)) + segment),
      message: `Unexpected request path \`${clip(parsed.written)}\`, expected one of the page's HTTP request paths: ${listed}`,
      key: `${item.example.name}:path`,
    });
  } else if (!samePath.some((request) => request.method === method.toUpperCase())) {
    const methods = [...new Set(samePath.map((r) => r.method))].join(' or ');
    out.push({
      at: { file: item.page.file, line, column: Math.max(0, text.indexOf(method)) + 1 },
      message: `Unexpected method \`${method}\` for this path, expected \`${methods}\` as the HTTP request section says`,
      key: `${item.example.name}:method`,
    });
  }
  return out;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
