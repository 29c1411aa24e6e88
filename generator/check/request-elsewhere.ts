/**
 * An example path the HTTP request section lacks while another page of the API version documents it, method and path
 * alike, in its own HTTP request section (`GET /workbook/names/{name}/range` on range-get, documented on
 * nameditem-range), or for a `$ref` the collection it adds to or removes from, any method
 * (`POST /print/shares/{id}/allowedGroups/$ref` on printershare-post-allowedgroups, whose list page documents
 * `GET /print/shares/{id}/allowedGroups`): the path is real, so the fix is a line in this page's section (http-request-mismatch). Only when the example addresses what the page is
 * about: its last named segment is the last named segment of a section path of the same method. Left at the example:
 * the same operation of another resource (`/me/events/{id}/attachments` on eventmessage-post-attachments, which
 * event-post-attachments documents), a list example on a page about one item or an item example on a list page (the
 * section path with its key taken off or put on), and a query written into the path (`/roleAssignments/$filter=...`).
 */
import type { HttpRequestFacts } from '../extract/facts.js';
import type { CheckContext } from './context.js';
import type { ExampleMessage } from './examples.js';
import { bareSegments, readExampleUrl, requestsMatching } from './request-path.js';

export interface Elsewhere<T> {
  /** The section line the missing one goes beside (the last of the example's method). */
  request: T;
  /** The line the section lacks. */
  line: string;
  /** The other page's line. */
  documented: HttpRequestFacts;
  file: string;
}

export function documentedElsewhere<T extends { path: string; method: string }>(ctx: CheckContext, item: ExampleMessage, requests: readonly T[], url: string): Elsewhere<T> | undefined {
  const method = item.message.method?.toUpperCase();
  const path = readExampleUrl(url).path;
  const tail = lastName(path);
  const sameMethod = requests.filter((r) => r.method === method);
  if (!tail || !sameMethod.some((r) => lastName(r.path) === tail)) return undefined;
  if (path.split('/').some((s) => s.includes('=') && !s.includes('('))) return undefined;
  const plain = sameMethod.map((r) => r.path.replace(/\?.*$/, ''));
  const collections = plain.flatMap((p) => (/\/\{[^{}/]+\}$/.test(p) ? [{ path: p.replace(/\/\{[^{}/]+\}$/, '') }] : []));
  if (requestsMatching([...collections, ...plain.map((p) => ({ path: `${p}/{id}` }))], url).length > 0) return undefined;
  const operation = (file: string) => /^[^-]+-(.*)\.md$/.exec(file.split('/').pop() ?? '')?.[1];
  const others = sectionLines(ctx, item.page.apiVersion).filter(
    (line) => line.file !== item.page.file && lastName(line.request.path) === tail && operation(line.file) !== operation(item.page.file),
  );
  // The other page's line must name every segment the example does (`{id}` alone matches anything). A reference
  // (`.../allowedGroups/$ref`) is real when another page documents the collection it adds to or removes from, any method.
  const refless = url.replace(/\?.*$/, '').replace(/\/\$ref$/, '');
  const collection = method === 'DELETE' ? refless.replace(/\/[^/]+$/, '') : refless;
  const same = others.find((line) => line.request.method === method && named(line.request.path) >= named(path) - 1 && requestsMatching([line.request], url).length > 0);
  if (same) return { request: sameMethod.at(-1)!, line: `${method} ${same.request.path}`, documented: same.request, file: same.file };
  const ref = refless !== url.replace(/\?.*$/, '') ? others.find((line) => named(line.request.path) >= named(path) - 1 && requestsMatching([line.request], collection).length > 0) : undefined;
  const base = ref?.request.path.replace(/\?.*$/, '');
  return ref ? { request: sameMethod.at(-1)!, line: `${method} ${base}${method === 'DELETE' ? '/{id}' : ''}/$ref`, documented: ref.request, file: ref.file } : undefined;
}

/** The last segment that is a name, not a key, `$ref`, `$value` or a cast; function arguments dropped. */
function lastName(path: string): string | undefined {
  return bareSegments(path)
    .filter((s) => /^[a-z][a-z0-9_]*$/.test(s) && !s.includes('.'))
    .at(-1);
}

function named(path: string): number {
  return path.replace(/\?.*$/, '').split('/').filter((s) => /^[A-Za-z]/.test(s)).length;
}

/** Every HTTP request line of every page of an API version. */
function sectionLines(ctx: CheckContext, version: string): { file: string; request: HttpRequestFacts }[] {
  return ctx.memo(`section-lines:${version}`, () =>
    ctx.pages.filter((page) => page.apiVersion === version).flatMap((page) => page.operations.flatMap((o) => o.httpRequests.map((request) => ({ file: page.file, request })))),
  );
}
