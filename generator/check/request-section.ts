/**
 * Where the HTTP request section, not the example, is at fault (http-request-mismatch): a section path naming the
 * collection on a page about one item, one ending in a key on a create page, and a path the section lacks beside one
 * it lists, a path written wrong at one spot (without the `/me` root the examples give it, `/$value` after a collection, a
 * value or a bare name where the examples write a `{placeholder}`), a path of another API than the page's file names.
 * Each returns the section line to report at.
 */
import type { CheckContext } from './context.js';
import type { ExampleMessage } from './examples.js';
import { bareSegment, bareSegments, readExampleUrl, requestsMatching } from './request-path.js';

/**
 * On a page that gets, updates or deletes one item, the section's path naming the collection (no key at its end)
 * while the example adds a key (`/education/schools` vs `.../schools/10001`): the fix is the section.
 */
export function keyMissing<T extends { path: string }>(item: ExampleMessage, requests: T[], url: string): T | undefined {
  // The added segment must look like a key (`10001`, a GUID, `{id}`), not a property (`bannerLogo`, `font`).
  const last = readExampleUrl(url).written.replace(/\/+$/, '').split('/').pop() ?? '';
  if (!['get', 'update', 'delete'].includes(item.operation.kind) || !/[{\d]/.test(last)) return undefined;
  const keyless = requests.filter((request) => !/[})]$/.test(request.path.replace(/\?.*$/, '')));
  return keyless.find((request) => requestsMatching([{ path: `${request.path.replace(/\?.*$/, '')}/{id}` }], url).length > 0);
}

/**
 * On a page that creates an item, the section's POST path ending in a key the example's path lacks
 * (`POST .../customerPaymentJournals/{id}` vs `POST .../customerPaymentJournals`): a create posts to the collection,
 * so the fix is the section.
 */
export function keyAdded<T extends { path: string; method: string }>(item: ExampleMessage, requests: T[], url: string): T | undefined {
  if (item.operation.kind !== 'create' || item.message.method?.toUpperCase() !== 'POST') return undefined;
  return requests.find((request) => {
    const path = request.path.replace(/\?.*$/, '');
    return request.method === 'POST' && /\/\{[^{}/]+\}$/.test(path) && requestsMatching([{ path: path.replace(/\/\{[^{}/]+\}$/, '') }], url).length > 0;
  });
}

/**
 * A path the section lacks beside one it has, where the examples add property or sub-resource names to it
 * (`.../getM365AppUserDetail(period='D7')/content`, `.../range/format/font` for `.../range/format`) or leave out its
 * trailing `{property name}` (`/organization/{id}/branding` for `/organization/{tenant id}/branding/{property name}`),
 * or add `/$value` or a Stream property (`/branding/bannerLogo`) to it: the fix is a line in the section. Not when another section path continues that one (a misspelt segment of a
 * documented path stays the example's), nor when another example of its `##` section uses that path as it is (the odd
 * example is at fault).
 */
export function sectionLacks<T extends { path: string; method: string }>(
  item: ExampleMessage,
  requests: T[],
  url: string,
  isStream: (property: string) => boolean = () => false,
): { request: T; path: string } | undefined {
  const method = item.message.method?.toUpperCase();
  const written = readExampleUrl(url).written.replace(/\/+$/, '');
  const sameMethod = requests.filter((r) => r.method === method);
  const continued = (path: string) => sameMethod.some((r) => r.path.replace(/\?.*$/, '').startsWith(`${path}/`));
  // Another example of the same `##` section using the path as it is makes this one the odd example; one under another
  // section ("## Access the shared item directly" on shares-get) documents another use the HTTP request section lacks.
  const part = (line: number) => item.page.headings.filter((h) => h.depth === 2 && h.source.line < line).at(-1)?.source.line;
  const here = part(item.message.source.line);
  const used = (request: T) =>
    item.operation.examples.some((e) => e.request?.url && e.request.method?.toUpperCase() === method && part(e.request.source.line) === here && requestsMatching([request], e.request.url).length > 0);
  for (const request of sameMethod) {
    const path = request.path.replace(/\?.*$/, '').replace(/\/+$/, '');
    if (continued(path)) continue;
    const property = /\/\{[^{}/]*property[^{}/]*\}$/i.exec(path);
    if (property && requestsMatching([{ path: path.slice(0, property.index) }], written).length > 0) return { request, path: path.slice(0, property.index) };
    // `/$value` (the item's content) after a path it lists is a line the section lacks, whatever the other examples use.
    if (/\/\$value$/.test(written) && requestsMatching([request], written.slice(0, -7)).length > 0) return { request, path: `${path}/$value` };
    // So is a Stream property of the item (`.../branding/bannerLogo`): its content, read (GET) or written (PUT) as bytes.
    const last = written.slice(written.lastIndexOf('/') + 1);
    if ((method === 'GET' || method === 'PUT') && isStream(last) && requestsMatching([request], written.slice(0, -last.length - 1)).length > 0) return { request, path: `${path}/${last}` };
    if (used(request)) continue;
    const segments = written.split('/');
    for (let extra = 1; extra <= 2 && extra < segments.length - 1; extra++) {
      const added = segments.slice(-extra);
      if (!added.every((segment) => /^[A-Za-z]+$/.test(segment))) break;
      if (requestsMatching([request], segments.slice(0, -extra).join('/')).length > 0) return { request, path: `${path}/${added.join('/')}` };
    }
  }
  return undefined;
}

/** Whether `property` is a Stream property of the resource the example's operation acts on (`bannerLogo` of organizationalBranding). */
export function streamOf(ctx: CheckContext, item: ExampleMessage): (property: string) => boolean {
  const types = ctx.types(item.page.apiVersion);
  const type = item.linked?.resource ? types.get(item.linked.resource) : undefined;
  return (property) => type !== undefined && types.properties(type).get(property)?.type.name === 'Edm.Stream';
}

/**
 * An example addressing a drive item by its path (`.../root:/FolderA/book.xlsx:/workbook/...`) where the section lists
 * the item by id only (`.../items/{id}/workbook/...`): the fix is a path-based line in the section.
 */
export function byItemPath<T extends { path: string; method: string }>(item: ExampleMessage, requests: T[], url: string): { request: T; path: string } | undefined {
  const written = readExampleUrl(url).written;
  const byPath = /\/root:\/[^:]*:/.exec(written);
  if (!byPath) return undefined;
  const byId = `${written.slice(0, byPath.index)}/items/{id}${written.slice(byPath.index + byPath[0].length)}`;
  const request = requests.find((r) => r.method === item.message.method?.toUpperCase() && requestsMatching([r], byId).length > 0);
  const key = request ? /\/items\/\{[^{}/]+\}/.exec(request.path) : null;
  return request && key ? { request, path: `${request.path.slice(0, key.index)}/root:/{item-path}:${request.path.slice(key.index + key[0].length)}` } : undefined;
}

/** A section path written wrong at one spot (`index` in the path), the examples right: reported there, once. */
export interface MiswrittenPath<T> {
  request: T;
  index: number;
  message: string;
}

/**
 * A section path without the root every example puts before it (`/settings/regionalAndLanguageSettings` for the
 * examples' `/me/settings/regionalAndLanguageSettings`), or with `/$value` right after a collection
 * (`.../overridesPages/$value`, where the examples name the item): the content of an item, not of a collection.
 */
export function miswrittenPath<T extends { path: string; method: string }>(item: ExampleMessage, requests: T[], url: string): MiswrittenPath<T> | undefined {
  const written = readExampleUrl(url).written;
  const method = item.message.method?.toUpperCase();
  const same = requests.filter((r) => r.method === method);
  const root = /^\/(?:me|users\/[^/]+)(?=\/)/i.exec(written);
  const rootless = root ? same.find((r) => !/^\/(?:me|users|drive)\b/i.test(r.path) && requestsMatching([r], written.slice(root[0].length)).length > 0) : undefined;
  if (rootless) {
    const expected = `${root![0].toLowerCase() === '/me' ? '/me' : '/users/{id}'}${rootless.path}`;
    return { request: rootless, index: 0, message: `Unexpected HTTP request path \`${rootless.path}\` without its root, expected \`${expected}\` as the examples use` };
  }
  const literal = placeholderWritten(same, written);
  if (literal) return literal;
  for (const request of same) {
    const value = /\/([A-Za-z]+)\/\$value$/.exec(request.path.replace(/\?.*$/, ''));
    if (!value || requestsMatching([{ path: `${request.path.slice(0, value.index)}/${value[1]}/{id}/$value` }], url).length === 0) continue;
    const message = `Unexpected \`/$value\` right after the collection \`${value[1]}\` in the HTTP request path, expected \`${value[1]}/{id}/$value\` as the examples use`;
    return { request, index: value.index + value[0].length - '/$value'.length, message };
  }
  return undefined;
}

/** Start index of each `/`-separated segment of a path. */
function starts(path: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < path.length; i++) if (path[i] === '/') out.push(i + 1);
  return out;
}

/**
 * The section's only path of the method writing a value or a bare name (`contoso.com`, `id`) where the examples write a
 * `{placeholder}` (`/domains/{domain-name}/...`), and agreeing with them elsewhere: the section is the template at fault.
 */
function placeholderWritten<T extends { path: string; method: string }>(same: T[], written: string): MiswrittenPath<T> | undefined {
  const request = same.length === 1 ? same[0]! : undefined;
  const path = request?.path.replace(/\?.*$/, '').replace(/\/+$/, '') ?? '';
  const [ours, theirs] = [path.split('/'), written.replace(/\/+$/, '').split('/')];
  if (!request || ours.length !== theirs.length) return undefined;
  const isPlaceholder = (segment: string) => /^\{[^{}]+\}$/.test(segment);
  const differ = ours.flatMap((segment, i) => (isPlaceholder(segment) || segment.toLowerCase() === theirs[i]!.toLowerCase() ? [] : [i]));
  if (differ.length === 0 || !differ.every((i) => isPlaceholder(theirs[i]!))) return undefined;
  const i = differ[0]!;
  const message = `Unexpected \`${ours[i]}\` in the HTTP request path, expected a placeholder such as \`${theirs[i]}\` as the examples write it`;
  return { request, index: starts(path)[i - 1] ?? 0, message };
}

/** A path's last segment that names something (not a key, an id, `$value` or `$ref`), singular, lower case, without arguments. */
function lastNamed(path: string): string {
  const named = bareSegments(path).filter((segment) => /^[a-z][a-z.]*$/.test(segment));
  return (named.at(-1) ?? '').replace(/s$/, '');
}

/**
 * The section's paths of the method naming another API than the page's file and the examples do: the file names the
 * examples' last named segment (`nameditem-addformulalocal.md`, `.../names/addFormulaLocal`; `cloudpcusersetting-update.md`,
 * `.../userSettings/{id}`) and not the section's, which is a shorter name inside it (`add`) or the section's only path of
 * the method (`.../provisioningPolicies/{id}`): a path copied from another page. Reported at the first segment the
 * section path and the example part on.
 */
export function anotherApi<T extends { path: string; method: string }>(item: ExampleMessage, requests: T[], url: string): MiswrittenPath<T> | undefined {
  const written = readExampleUrl(url).written.replace(/\/+$/, '');
  const same = requests.filter((r) => r.method === item.message.method?.toUpperCase());
  const file = item.page.file.slice(item.page.file.lastIndexOf('/') + 1).toLowerCase();
  const theirs = lastNamed(written);
  if (same.length === 0 || theirs.length < 4 || !file.includes(theirs)) return undefined;
  const ours = same.map((r) => lastNamed(r.path));
  const another = ours.every((name) => name !== theirs && (name.length < theirs.length && theirs.includes(name) ? true : same.length === 1 && !file.includes(name)));
  if (!another) return undefined;
  const request = same[0]!;
  const path = request.path.replace(/\?.*$/, '');
  const [segments, example] = [path.split('/'), written.split('/')];
  // The first segment the example lacks, or writes otherwise where the section names something (not a placeholder).
  const i = segments.findIndex((segment, n) => n >= example.length || (!/^\{.*\}$/.test(segment) && bareSegment(segment) !== bareSegment(example[n]!)));
  const at = i < 0 ? path.length : (starts(path)[i - 1] ?? 0);
  const message = `Unexpected HTTP request path \`${path}\` on a page about \`${theirs}\` (${file}), expected the path the examples use: \`${written}\``;
  return { request, index: at, message };
}
