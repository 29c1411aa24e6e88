/** Decides what kind of page a page is: front matter first, then folder and heading shape. */
import type { PageKind } from './facts.js';
import type { Section } from './sections.js';

const DOC_TYPES: Record<string, PageKind> = {
  apipagetype: 'api',
  resourcepagetype: 'resource',
  enumpagetype: 'enum',
  enumtypes: 'enum',
  conceptualpagetype: 'conceptual',
};

export interface PageKindResult {
  kind: PageKind;
  /** How it was decided: front matter, the page's shape (no or unknown doc_type), or the shape overruling a doc_type it contradicts. */
  from: 'doc_type' | 'shape' | 'shape-over-doc-type';
}

export function classifyPage(
  docType: string | null,
  file: string,
  title: string | null,
  sections: Section[],
): PageKindResult {
  const key = (docType ?? '').toLowerCase().replace(/[^a-z]/g, '');
  const declared = DOC_TYPES[key];
  // Some enum pages are labelled resourcePageType, some resource pages apiPageType; their headings and sections say otherwise.
  if (declared === 'resource' && isEnumShaped(title, sections)) return { kind: 'enum', from: 'shape-over-doc-type' };
  if (declared === 'api' && isResourceShaped(title, sections)) return { kind: 'resource', from: 'shape-over-doc-type' };
  if (declared) return { kind: declared, from: 'doc_type' };
  return { kind: kindFromShape(file, title, sections), from: 'shape' };
}

function isEnumShaped(title: string | null, sections: Section[]): boolean {
  const has = (pattern: RegExp) => sections.some((s) => s.heading && pattern.test(s.title));
  return /\benum(eration)?\s+type\b/i.test(title ?? '') && has(/^members$/i) && !has(/^properties$/i);
}

/** Titled "x resource type" (or "x resource type (deprecated)"), with Properties and JSON representation sections and no HTTP request section. */
function isResourceShaped(title: string | null, sections: Section[]): boolean {
  const has = (pattern: RegExp) => sections.some((s) => s.heading && pattern.test(s.title));
  return /\bresource( type)?(\s*\([^()]*\))?\s*$/i.test(title ?? '') && has(/^properties$/i) && has(/^json representation$/i) && !has(/^http request$/i);
}

function kindFromShape(file: string, title: string | null, sections: Section[]): PageKind {
  const heading = (title ?? '').toLowerCase();
  const has = (pattern: RegExp) => sections.some((s) => s.heading && pattern.test(s.title));
  if (/\benum(eration)?\s+(type|values)\b/.test(heading)) return 'enum';
  if (/\bresource type\b/.test(heading)) return 'resource';
  if (has(/^http request$/i)) return 'api';
  if (has(/^members$/i) && !has(/^properties$/i)) return 'enum';
  if (has(/^properties$/i) || has(/^json representation$/i)) return 'resource';
  if (/(^|\/)api\//.test(file)) return 'api';
  return 'conceptual';
}
