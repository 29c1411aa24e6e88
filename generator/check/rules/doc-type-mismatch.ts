/**
 * A page's front matter `doc_type` disagrees with its folder: pages under
 * `api/` are `apiPageType`; pages under `resources/` are `resourcePageType`,
 * `enumPageType` or `conceptualPageType`. A missing or misspelled doc_type
 * (`resourcePageType_`) counts too, and so does `resourcePageType` on a page
 * titled "x enum type": the docs build and every rule here use doc_type to
 * decide what the page must contain.
 *
 * ok:     resources/user.md with `doc_type: resourcePageType`
 * not ok: resources/x.md with `doc_type: apiPageType` → Unexpected doc_type `apiPageType` for a page under resources/, expected resourcePageType, enumPageType or conceptualPageType
 */
import type { PageFacts } from '../../extract/facts.js';
import type { CheckContext } from '../context.js';
import { didYouMean } from '../did-you-mean.js';
import { defineRule, type RuleFinding } from '../rule.js';

const EXPECTED: Record<string, string[]> = {
  api: ['apiPageType'],
  resources: ['resourcePageType', 'enumPageType', 'conceptualPageType'],
};

export const docTypeMismatch = defineRule({
  id: 'doc-type-mismatch',
  description: 'Front matter doc_type matches the folder: apiPageType under api/, resource, enum or conceptual page types under resources/.',
  defaultLevel: 'error',
  supersedes: ['doc-type-mismatch'],
  check: (ctx) => ctx.pages.flatMap((page) => checkPage(ctx, page)),
});

/** The page's doc_type fits its folder (or the folder is neither api/ nor resources/): this rule reports nothing for it. */
export function docTypeFits(page: PageFacts): boolean {
  const expected = EXPECTED[folderOf(page)];
  return !expected || (page.docType !== null && expected.includes(page.docType.replace(/^["']|["']$/g, '')));
}

function folderOf(page: PageFacts): string {
  return page.file.split('/').slice(-2, -1)[0] ?? '';
}

function checkPage(ctx: CheckContext, page: PageFacts): RuleFinding[] {
  const folder = folderOf(page);
  const expected = EXPECTED[folder];
  if (!expected) return [];
  if (isEnumTitle(page) && page.docType === 'resourcePageType') {
    return [{ at: docTypeLine(ctx, page), message: `Unexpected doc_type \`resourcePageType\` for an enum page (titled "${page.title}"), expected enumPageType`, key: 'doc_type' }];
  }
  if (page.docType !== null && expected.includes(page.docType.replace(/^["']|["']$/g, ''))) return [];
  const list = expected.join(', ').replace(/, ([^,]*)$/, ' or $1');
  if (page.docType === null) {
    return [{ at: { file: page.file, line: 1, column: 1 }, message: `Unexpected page under ${folder}/ without a doc_type, expected \`doc_type: ${expected[0]}\` (${list}) in its front matter`, key: 'doc_type' }];
  }
  return [
    {
      at: docTypeLine(ctx, page),
      message: `Unexpected doc_type \`${page.docType}\` for a page under ${folder}/, expected ${list}${didYouMean(page.docType, expected)}`,
      key: 'doc_type',
    },
  ];
}

function docTypeLine(ctx: CheckContext, page: PageFacts) {
  const lines = ctx.lines(page.file);
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    const column = lines[i]!.search(/\bdoc_type\s*:/);
    if (column >= 0) {
      const value = lines[i]!.indexOf(page.docType ?? '', column);
      return { file: page.file, line: i + 1, column: (value >= 0 ? value : column) + 1 };
    }
  }
  return { file: page.file, line: 1, column: 1 };
}

/** "x enum type", "x enumeration": the page documents an enum whatever its doc_type says. */
export function isEnumTitle(page: PageFacts): boolean {
  return /\benum(eration)?( type)?\s*$/i.test(page.title ?? '');
}
