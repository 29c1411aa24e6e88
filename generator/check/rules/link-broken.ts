/**
 * Relative links to a page or heading that the input does not have. Checkable
 * links: `#anchor` on the same page, and `path.md[#anchor]` resolving into a
 * folder the input holds pages in. Not checkable, so not checked: absolute
 * URLs, site-rooted links (`/graph/...`), and links leaving the input's
 * folders (`../includes/...`, `../concepts/...`) — those pages are published
 * from elsewhere. Anchors are heading slugs (GitHub style, as the docs site
 * makes them, HTML inside the heading left out) and explicit `<a name>`/`id`
 * anchors; `#tab/...` selects a tab. File names are compared ignoring case and
 * `\` is read as `/`: the docs site resolves links that way, so such links work.
 *
 * ok:     [user](../resources/user.md#properties) with that page and heading
 * not ok: [user](../resources/usr.md) → Unexpected link to `../resources/usr.md` that no page in the input has, expected an existing page (did you mean `user.md`?)
 */
import path from 'node:path/posix';
import GithubSlugger from 'github-slugger';
import type { LinkFacts, PageFacts } from '../../extract/facts.js';
import type { CheckContext } from '../context.js';
import { didYouMean } from '../did-you-mean.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const linkBroken = defineRule({
  id: 'link-broken',
  description: 'Relative links point at pages and headings that exist in the input.',
  defaultLevel: 'error',
  check: (ctx) => {
    const folders = folderIndex(ctx);
    return ctx.pages.flatMap((page) => page.links.flatMap((link) => checkLink(ctx, folders, page, link)));
  },
});

interface Folder {
  files: Map<string, string>;
  lower: Map<string, string>;
}

function folderIndex(ctx: CheckContext): Map<string, Folder> {
  return ctx.memo('link-folders', () => {
    const folders = new Map<string, Folder>();
    for (const file of ctx.files) {
      const dir = path.dirname(file);
      let folder = folders.get(dir);
      if (!folder) folders.set(dir, (folder = { files: new Map(), lower: new Map() }));
      const base = path.basename(file);
      folder.files.set(base, file);
      folder.lower.set(base.toLowerCase(), file);
    }
    return folders;
  });
}

function checkLink(ctx: CheckContext, folders: Map<string, Folder>, page: PageFacts, link: LinkFacts): RuleFinding[] {
  const href = link.href.trim();
  if (href === '' || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('~') || href.startsWith('\\')) return [];
  const hash = href.indexOf('#');
  const target = decode(hash >= 0 ? href.slice(0, hash) : href).replace(/\?.*$/, '').replace(/\\/g, '/');
  const anchor = hash >= 0 ? decode(href.slice(hash + 1)) : '';
  const at = { file: link.source.file, line: link.source.line, column: link.source.column };
  if (target === '') return anchor && !/^tab\//i.test(anchor) ? checkAnchor(ctx, page, anchor, href, at) : [];
  if (!/\.md$/i.test(target)) return [];
  const resolved = path.normalize(path.join(path.dirname(page.file), target));
  if (resolved.startsWith('../') || resolved === '..') return [];
  const folder = folders.get(path.dirname(resolved));
  if (!folder) return [];
  const base = path.basename(resolved);
  const exact = folder.files.get(base) ?? folder.lower.get(base.toLowerCase());
  if (!exact) {
    return [
      {
        at,
        message: `Unexpected link to \`${target}\` that no page in the input has, expected an existing page${didYouMean(base, folder.files.keys())}`,
        key: href,
      },
    ];
  }
  if (!anchor || /^tab\//i.test(anchor)) return [];
  const linked = ctx.page(exact);
  return linked ? checkAnchor(ctx, linked, anchor, href, at) : [];
}

function checkAnchor(ctx: CheckContext, target: PageFacts, anchor: string, href: string, at: RuleFinding['at']): RuleFinding[] {
  const anchors = anchorsOf(ctx, target);
  if (anchors.has(anchor) || anchors.has(anchor.toLowerCase())) return [];
  const where = target.file === at.file ? 'this page' : `\`${path.basename(target.file)}\``;
  return [
    {
      at,
      message: `Unexpected link to \`#${anchor}\` that ${where} has no heading or anchor for, expected an existing anchor${didYouMean(anchor, [...anchors])}`,
      key: href,
    },
  ];
}

/** Heading slugs plus `<a name="x">` / `id="x"` anchors written in the page. */
function anchorsOf(ctx: CheckContext, page: PageFacts): Set<string> {
  return ctx.memo(`anchors:${page.file}`, () => {
    const anchors = new Set(page.headings.map((h) => h.slug));
    const slugger = new GithubSlugger();
    for (const heading of page.headings) anchors.add(slugger.slug(heading.text.replace(/<[^<>]*>/g, '').trim()));
    for (const match of ctx.lines(page.file).join('\n').matchAll(/<a\s[^>]*?\b(?:name|id)\s*=\s*["']([^"']+)["']/gi)) {
      anchors.add(match[1]!);
      anchors.add(match[1]!.toLowerCase());
    }
    return anchors;
  });
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
