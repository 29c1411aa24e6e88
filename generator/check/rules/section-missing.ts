/**
 * Sections a reference page must have. API pages: Permissions (older pages
 * call it Prerequisites), HTTP request, Request body (when the method is POST,
 * PUT or PATCH), Response, Example(s) (or examples under other headings).
 * Resource pages: Properties and JSON representation. Only pages whose folder
 * agrees with their doc_type are checked (doc-type-mismatch reports the rest). A missing section is reported at the heading it should come
 * before (or after, when it is the last), so the fix is where the finding is.
 *
 * ok:     an API page with all five sections
 * not ok: no `## Permissions` → Unexpected API page without a Permissions section, expected `## Permissions` before this heading
 */
import type { HeadingFacts, PageFacts } from '../../extract/facts.js';
import type { SourceRef } from '../../model/diagnostic.js';
import { defineRule, type RuleFinding } from '../rule.js';
import { isEnumTitle } from './doc-type-mismatch.js';

interface Required {
  name: string;
  heading: RegExp;
  when?: (page: PageFacts) => boolean;
  /** The content is there under another heading (examples inline under "List a group's drives"). */
  satisfied?: (page: PageFacts) => boolean;
}

const API: Required[] = [
  { name: 'Permissions', heading: /^(permissions?|prerequisites)\b/i },
  { name: 'HTTP request', heading: /^http request/i },
  { name: 'Request body', heading: /^request body/i, when: takesBody },
  { name: 'Response', heading: /^responses?\b/i },
  { name: 'Example', heading: /^examples?\b/i, satisfied: (page) => page.operations.some((o) => o.examples.length > 0) },
];

const RESOURCE: Required[] = [
  { name: 'Properties', heading: /^properties\b/i },
  { name: 'JSON representation', heading: /^json representation/i },
];

export const sectionMissing = defineRule({
  id: 'section-missing',
  description: 'API pages have Permissions, HTTP request, Request body (POST/PUT/PATCH), Response and Example sections; resource pages have Properties and JSON representation.',
  defaultLevel: 'error',
  check: (ctx) =>
    ctx.pages.flatMap((page) => {
      const folder = page.file.split('/').slice(-2, -1)[0];
      if (folder === 'api' && page.kind === 'api' && page.docType === 'apiPageType') return missing(page, API, 'API page');
      if (folder === 'resources' && page.kind === 'resource' && page.docType === 'resourcePageType' && page.resources.length > 0 && !isEnumTitle(page)) return missing(page, RESOURCE, 'resource page');
      return [];
    }),
});

function missing(page: PageFacts, required: Required[], what: string): RuleFinding[] {
  const found = required.map((r) =>
    (r.when && !r.when(page)) || r.satisfied?.(page) ? null : (page.headings.find((h) => h.depth >= 2 && r.heading.test(h.text)) ?? undefined),
  );
  const out: RuleFinding[] = [];
  found.forEach((heading, i) => {
    if (heading !== undefined) return;
    const next = found.slice(i + 1).find((h): h is HeadingFacts => !!h);
    const previous = found.slice(0, i).reverse().find((h): h is HeadingFacts => !!h);
    const name = required[i]!.name;
    const at: SourceRef = next?.source ?? previous?.source ?? page.headings[0]?.source ?? { file: page.file, line: 1, column: 1 };
    const where = next ? 'before this heading' : previous ? 'after this section' : 'on the page';
    out.push({ at, message: `Unexpected ${what} without a ${name} section, expected \`## ${name}\` ${where}`, key: name });
  });
  return out;
}

function takesBody(page: PageFacts): boolean {
  const methods = page.operations.flatMap((o) => o.httpRequests.map((r) => r.method));
  return methods.length > 0 && methods.every((m) => m === 'POST' || m === 'PUT' || m === 'PATCH');
}
