/**
 * The sections of a reference page's template, as ApiDoctor checks them:
 * present (RequiredDocumentHeaderMissing), spelt (Misspelt), cased
 * (WrongCase) and in order (WrongPosition). API pages: Permissions (older pages
 * call it Prerequisites), HTTP request, Request body (when the method is POST,
 * PUT or PATCH), Response, Example(s) (or examples under other headings), with
 * the optional parameter and header sections in their place. Resource pages:
 * Properties and JSON representation. Only headings at the page's section
 * depth count (`### Response` inside an example is not the Response section; one
 * written where the section belongs, before the next section, is reported as too deep; so is one written later under
 * another template section, or under an operation's own heading, once per such heading). A missing section after the
 * HTTP request goes after the page's own per-case sections of request syntax (`## Get the root site` with `GET /sites/root`).
 * Only pages whose folder agrees with their doc_type are checked
 * (doc-type-mismatch reports the rest). A missing section is reported where it
 * belongs: at the heading after the section that precedes it in the template; a missing Properties heading above
 * the properties (or permissions) table or code block written without one; a section missing after the page's last section at that section's end.
 * Sentence case (`HTTP request`) is the template's; title case is accepted for
 * HTTP request and JSON representation only (`HTTP Request` heads 3,512 generated
 * corpus pages; `Request Body`, `Request Headers` 4 each). Order is checked on API pages only (older resource pages put the
 * JSON representation first, a layout, not a mistake).
 *
 * ok:     an API page with all five sections
 * not ok: no `## Permissions` → Unexpected API page without a Permissions section, expected `## Permissions` before this heading
 */
import type { HeadingFacts, PageFacts } from '../../extract/facts.js';
import type { SourceRef } from '../../model/diagnostic.js';
import { editDistance } from '../did-you-mean.js';
import type { CheckContext } from '../context.js';
import { defineRule, oncePerKey, type RuleFinding } from '../rule.js';
import { isEnumTitle } from './doc-type-mismatch.js';

interface Section {
  name: string;
  heading: RegExp;
  /** Names the section may be written with (sentence case), for case and spelling. */
  spellings: string[];
  required?: boolean;
  /** Title case (`HTTP Request`) is accepted too: the generated (Intune) pages' spelling, thousands of corpus pages. */
  titleCase?: boolean;
  when?: (page: PageFacts) => boolean;
  /** The content is there under another heading (examples inline under "List a group's drives"). */
  satisfied?: (page: PageFacts) => boolean;
}

const API: Section[] = [
  { name: 'Permissions', heading: /^(permissions?|prerequisites)\b/i, spellings: ['Permissions', 'Prerequisites'], required: true },
  { name: 'HTTP request', heading: /^http request\b/i, spellings: ['HTTP request'], required: true, titleCase: true },
  { name: 'Parameters', heading: /^((path|function|optional query|query) )?parameters\b/i, spellings: ['Path parameters', 'Function parameters', 'Optional query parameters', 'Query parameters', 'Parameters'] },
  { name: 'Request headers', heading: /^(optional )?request headers\b/i, spellings: ['Request headers', 'Optional request headers'] },
  { name: 'Request body', heading: /^request body\b/i, spellings: ['Request body'], required: true, when: takesBody },
  { name: 'Response', heading: /^responses?\b/i, spellings: ['Response'], required: true },
  { name: 'Example', heading: /^examples?\b/i, spellings: ['Example', 'Examples'], required: true, satisfied: (page) => page.operations.some((o) => o.examples.length > 0) },
];

const RESOURCE: Section[] = [
  { name: 'Methods', heading: /^methods\b/i, spellings: ['Methods'] },
  { name: 'Properties', heading: /^properties\b/i, spellings: ['Properties'], required: true },
  { name: 'Relationships', heading: /^relationships\b/i, spellings: ['Relationships'] },
  { name: 'JSON representation', heading: /^json representation\b/i, spellings: ['JSON representation'], required: true, titleCase: true },
];

export const sectionMissing = defineRule({
  id: 'section-missing',
  description: 'API pages have Permissions, HTTP request, Request body (POST/PUT/PATCH), Response and Example sections; resource pages Properties and JSON representation; spelt, cased and ordered as the template.',
  defaultLevel: 'error',
  check: (ctx) => oncePerKey(ctx.pages.flatMap((page) => checkAny(ctx, page)), (key) => key.startsWith('nested:')),
});

function checkAny(ctx: CheckContext, page: PageFacts): RuleFinding[] {
  const folder = page.file.split('/').slice(-2, -1)[0];
  if (folder === 'api' && page.kind === 'api' && page.docType === 'apiPageType') return checkPage(page, API, 'API page', ctx.lines(page.file));
  // apiPageType on a resource page is doc-type-mismatch's finding; the page is still checked as the resource page it is.
  const resourceDocType = page.docType === 'resourcePageType' || page.docType === 'apiPageType';
  if (folder === 'resources' && page.kind === 'resource' && resourceDocType && page.resources.length > 0 && !isEnumTitle(page)) return checkPage(page, RESOURCE, 'resource page', ctx.lines(page.file));
  return [];
}

interface Placed {
  heading: HeadingFacts;
  index: number;
}

function checkPage(page: PageFacts, template: Section[], what: string, lines: readonly string[]): RuleFinding[] {
  // Resource pages of the older layout put the JSON representation first (about 280 in the corpus): order is checked on API pages.
  const ordered = template === API;
  const depth = Math.min(...page.headings.filter((h) => h.depth >= 2).map((h) => h.depth));
  const sections = page.headings.filter((h) => h.depth === depth);
  const out: RuleFinding[] = [];
  const placed: Placed[] = [];
  for (const heading of sections) {
    const text = heading.text.trim();
    let index = template.findIndex((s) => s.heading.test(text));
    if (index < 0) {
      index = template.findIndex((s) => s.spellings.some((name) => near(text, name)));
      if (index < 0) continue;
      const name = template[index]!.spellings.find((n) => near(text, n))!;
      out.push({ at: heading.source, message: `Unexpected heading \`${text}\`, expected \`${name}\``, key: `spelling:${name}` });
    } else {
      const written = template[index]!.heading.exec(text)![0];
      const name = template[index]!.spellings.find((n) => n.toLowerCase() === written.toLowerCase()) ?? written;
      const section = template[index]!;
      if (written !== name && !(section.titleCase && written === titleCase(name))) {
        const or = section.titleCase ? ` (or \`${titleCase(name)}\`)` : '';
        out.push({ at: heading.source, message: `Unexpected heading \`${written}\`, expected \`${name}\`${or}`, key: `case:${name}` });
      }
    }
    placed.push({ heading, index });
  }
  if (ordered) out.push(...outOfOrder(placed, template));
  template.forEach((section, index) => {
    if (!section.required || (section.when && !section.when(page)) || section.satisfied?.(page) || placed.some((p) => p.index === index)) return;
    const before = placed.filter((p) => p.index < index).at(-1);
    // A resource page's sections may come in another order (Relationships, then Methods): the section goes before the
    // first that follows it in the template when that comes before the one that precedes it.
    const follower = !ordered ? placed.find((p) => p.index > index && before && p.heading.source.line < before.heading.source.line)?.heading : undefined;
    const next = afterSyntax(lines, sections, template, index, follower ?? (before ? sections[sections.indexOf(before.heading) + 1] : sections[0]));
    // Written where it belongs, one level too deep (`### Response` before `## Example`): reported at that heading.
    const deeper = page.headings.find((h) => h.depth > depth && section.heading.test(h.text.trim()) && h.source.line > (before?.heading.source.line ?? 0) && (!next || h.source.line < next.source.line));
    if (deeper) {
      // On a page whose sections are reported nested under an operation's heading (`## Create an upload session`), a
      // later one too deep (its example's `### Response` under `## Parameters`) is the same fault of its layout: once.
      const key = out.find((f) => f.key?.startsWith('nested:'))?.key ?? section.name;
      out.push({ at: deeper.source, message: `Unexpected \`${'#'.repeat(deeper.depth)} ${deeper.text.trim()}\`, expected \`${'#'.repeat(depth)} ${section.name}\` (a section heading)`, key });
      return;
    }
    const nested = nestedSection(page, template, section, depth);
    if (nested) {
      const { heading, parent } = nested;
      const message = `Unexpected \`${'#'.repeat(heading.depth)} ${heading.text.trim()}\` under \`${'#'.repeat(depth)} ${parent.text.trim()}\`, expected \`${'#'.repeat(depth)} ${section.name}\` (a section heading)`;
      // The template's sections nested under an operation's heading are one fault of the page's layout: reported once.
      out.push({ at: heading.source, message, key: template.some((s) => s.heading.test(parent.text.trim())) ? section.name : `nested:${parent.source.line}` });
      return;
    }
    const content = HEADLESS[section.name];
    // The properties table may stand under the next section's heading (after the JSON representation's block).
    const after = next && section.name === 'Properties' && template.some((s) => s.heading.test(next.text.trim())) ? (sections[sections.indexOf(next) + 1]?.source.line ?? lines.length + 1) : undefined;
    const table = content ? (headless(lines, page.file, content, before && !follower ? before.heading.source.line : 0, next?.source.line ?? lines.length + 1) ?? (after ? headless(lines, page.file, content, next!.source.line, after) : undefined)) : undefined;
    const end = !next && before ? sectionEnd(lines, page.file, before.heading.source.line) : undefined;
    const at = table ?? end ?? next?.source ?? before?.heading.source ?? page.headings[0]?.source ?? { file: page.file, line: 1, column: 1 };
    const where = table ? `above this ${/^(Properties|Permissions)$/.test(section.name) ? 'table' : 'block'}` : next ? 'before this heading' : before ? `here, after the ${before.heading.text.trim()} section` : 'on the page';
    out.push({ at, message: `Unexpected ${what} without a ${section.name} section, expected \`## ${section.name}\` ${where}`, key: section.name });
  });
  return out;
}

/**
 * A missing section written one level too deep elsewhere on the page: under another section of the template
 * than the examples (`### HTTP request` under `## Optional query parameters`), or under a heading of the page's own
 * that holds an `### HTTP request` too (an operation's heading: `## Create an upload session`). Not an example's `### Response`.
 */
function nestedSection(page: PageFacts, template: Section[], section: Section, depth: number): { heading: HeadingFacts; parent: HeadingFacts } | undefined {
  const parentOf = (h: HeadingFacts) => page.headings.filter((p) => p.depth === depth && p.source.line < h.source.line).at(-1);
  const under = (parent: HeadingFacts | undefined, test: (text: string) => boolean) => page.headings.some((h) => h.depth > depth && parentOf(h) === parent && test(h.text.trim()));
  // The operation's heading: the one heading holding an HTTP request, with another section of the template (a page of
  // per-case `##` headings, each with its `### HTTP request`, is a page without the section: reported before the first case).
  const holders = [...new Set(page.headings.filter((h) => h.depth > depth && /^http requests?\b/i.test(h.text.trim())).map(parentOf))];
  const operations = new Set(holders.length === 1 ? holders.filter((p) => under(p, (text) => template.some((s) => s.name !== 'HTTP request' && s.name !== 'Example' && s.heading.test(text)))) : []);
  for (const heading of page.headings) {
    const parent = heading.depth > depth && section.heading.test(heading.text.trim()) ? parentOf(heading) : undefined;
    const kind = parent ? template.find((s) => s.heading.test(parent.text.trim())) : undefined;
    if (parent && (kind ? kind.name !== 'Example' && kind !== section : operations.has(parent))) return { heading, parent };
  }
  return undefined;
}

/**
 * Where a section after the HTTP request goes when `next` opens the page's own per-case sections of request syntax
 * (site-get's `## Get the tenant's root site` with `GET /sites/root`): after them, before the heading that follows.
 */
function afterSyntax(lines: readonly string[], sections: HeadingFacts[], template: Section[], index: number, next: HeadingFacts | undefined): HeadingFacts | undefined {
  if (template !== API || index <= API.findIndex((s) => s.name === 'HTTP request')) return next;
  let at = next ? sections.indexOf(next) : -1;
  // A case is a heading with request syntax and no subsections (an operation's heading holds its own sections).
  const syntax = (from: number, to: number) => lines.slice(from, to - 1).some((text, i, all) => /^\s*```\s*http\b/i.test(text) && /^(GET|POST|PUT|PATCH|DELETE)\s+\//.test(all[i + 1] ?? '')) && !lines.slice(from, to - 1).some((text) => /^\s*###/.test(text));
  while (at >= 0 && at < sections.length - 1 && !template.some((s) => s.heading.test(sections[at]!.text.trim())) && syntax(sections[at]!.source.line, sections[at + 1]!.source.line)) at++;
  return at >= 0 ? sections[at] : next;
}

/** The content a section heading stands above: a properties or permissions table, a JSON or HTTP code block. */
const HEADLESS: Record<string, RegExp> = {
  Properties: /^\s*\|\s*(property( name)?|name)\s*\|/i,
  'JSON representation': /^\s*```\s*json\b/i,
  Permissions: /^\s*\|\s*permission type\s*\|/i,
  'HTTP request': /^\s*```\s*http\b/i,
};

/**
 * The first line of a section's content written under no heading of its own: from the line after `after` up to the
 * heading at `before` (1-based) or the section heading before it (the first line counted backwards from `before`).
 */
function headless(lines: readonly string[], file: string, content: RegExp, after: number, before: number): SourceRef | undefined {
  let found: number | undefined;
  for (let line = before - 1; line > after; line--) {
    const text = lines[line - 1] ?? '';
    if (/^\s*##/.test(text)) break;
    if (content.test(text)) found = line;
  }
  if (found === undefined) return undefined;
  // The block's annotation comment (`<!-- { "blockType": "resource" } -->`) goes under the heading with it.
  let above = found - 1;
  while (above > after && (lines[above - 1] ?? '').trim() === '') above--;
  if ((lines[above - 1] ?? '').trim().endsWith('-->')) {
    while (above > after && !(lines[above - 1] ?? '').includes('<!--')) above--;
    if (above > after) found = above;
  }
  return { file, line: found, column: 1 };
}

/** Where a section that ends the page ends: the line after its last content line (trailing comments and blanks left out). */
function sectionEnd(lines: readonly string[], file: string, heading: number): SourceRef {
  let last = lines.length;
  while (last > heading) {
    const text = (lines[last - 1] ?? '').trim();
    if (text === '') last--;
    else if (text.endsWith('-->')) {
      let open = last;
      while (open > heading && !(lines[open - 1] ?? '').includes('<!--')) open--;
      if (open <= heading) break;
      last = open - 1;
    } else break;
  }
  return last < lines.length ? { file, line: last + 1, column: 1 } : { file, line: last, column: (lines[last - 1] ?? '').length + 1 };
}

/**
 * The headings to move to put the sections in template order: those outside the longest run already in order (a
 * section moved up, `## Response` above `## HTTP request`, is the one reported, not each heading it now precedes).
 * Of two swapped neighbours, the second is reported.
 */
function outOfOrder(placed: Placed[], template: Section[]): RuleFinding[] {
  const length = placed.map(() => 1);
  const previous = placed.map(() => -1);
  placed.forEach((p, i) => {
    for (let j = 0; j < i; j++) {
      if (placed[j]!.index <= p.index && length[j]! + 1 > length[i]!) [length[i], previous[i]] = [length[j]! + 1, j];
    }
  });
  const kept = new Set<number>();
  for (let i = length.indexOf(Math.max(0, ...length)); i >= 0; i = previous[i]!) kept.add(i);
  return placed.flatMap((p, i) => {
    if (kept.has(i)) return [];
    const text = p.heading.text.trim();
    const after = placed.find((q, j) => j < i && kept.has(j) && q.index > p.index);
    const before = placed.find((q, j) => j > i && kept.has(j) && q.index < p.index);
    const message = after
      ? `Unexpected \`${text}\` after \`${after.heading.text.trim()}\`, expected it before \`${after.heading.text.trim()}\` as the template orders them`
      : `Unexpected \`${text}\` before \`${before!.heading.text.trim()}\`, expected it after \`${before!.heading.text.trim()}\` as the template orders them`;
    return [{ at: p.heading.source, message, key: `order:${template[p.index]!.name}` }];
  });
}

/** A misspelling: one or two edits away, not a case difference alone (that is a wrong case). */
function near(text: string, name: string): boolean {
  const distance = editDistance(text.toLowerCase(), name.toLowerCase(), 2);
  return distance >= 1 && distance <= 2;
}

/** `HTTP request` → `HTTP Request`: each word capitalized, acronyms kept. */
function titleCase(name: string): string {
  return name.replace(/\b[a-z]/g, (ch) => ch.toUpperCase());
}

function takesBody(page: PageFacts): boolean {
  const methods = page.operations.flatMap((o) => o.httpRequests.map((r) => r.method));
  return methods.length > 0 && methods.every((m) => m === 'POST' || m === 'PUT' || m === 'PATCH');
}
