/**
 * Relative links to a heading that the input does not have: `#anchor` on the
 * same page, and `path.md#anchor` on a page of the input. A link to a page the
 * input does not have is not reported: the input may be a subset of the docs
 * (a consumer's 30 pages), and the page may exist outside it. Not checked: absolute
 * URLs, site-rooted links (`/graph/...`), and links leaving the input's
 * folders (`../includes/...`, `../concepts/...`) — those pages are published
 * from elsewhere. Anchors are heading slugs (GitHub style, as the docs site
 * makes them, HTML inside the heading left out) and explicit `<a name>`/`id`
 * anchors; `#tab/...` selects a tab. File names are compared ignoring case and
 * `\` is read as `/`: the docs site resolves links that way, so such links work.
 *
 * Findings point at the anchor in the link target, not at `[`.
 *
 * ok:     [user](../resources/user.md#properties) with that page and heading
 * not ok: [user](../resources/user.md#propertes) → Unexpected link to `#propertes` that `user.md` has no heading or anchor for, expected an existing anchor (did you mean `properties`?)
 */
import path from 'node:path/posix';
import GithubSlugger from 'github-slugger';
import type { LinkFacts, PageFacts } from '../../extract/facts.js';
import type { CheckContext } from '../context.js';
import { didYouMean } from '../did-you-mean.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const linkBroken = defineRule({
  id: 'link-broken',
  description: 'Relative links to pages of the input point at headings that exist (links to pages outside the input are not checked).',
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
  const at = targetOf(ctx, link, href, Math.max(0, hash));
  if (target === '') return anchor && !/^tab\//i.test(anchor) ? checkAnchor(ctx, page, anchor, href, at) : [];
  if (!/\.md$/i.test(target)) return [];
  const resolved = path.normalize(path.join(path.dirname(page.file), target));
  if (resolved.startsWith('../') || resolved === '..') return [];
  const folder = folders.get(path.dirname(resolved));
  if (!folder) return [];
  const base = path.basename(resolved);
  const exact = folder.files.get(base) ?? folder.lower.get(base.toLowerCase());
  if (!exact || !anchor || /^tab\//i.test(anchor)) return [];
  const linked = ctx.page(exact);
  return linked ? checkAnchor(ctx, linked, anchor, href, at) : [];
}

/** Where the link target's anchor starts (`offset` into the target after `](`, or `]: ` for a definition), else the link's `[`. */
function targetOf(ctx: CheckContext, link: LinkFacts, href: string, offset: number): RuleFinding['at'] {
  const text = ctx.line(link.source.file, link.source.line);
  for (const opener of ['](', ']( ', ']: ', ']:']) {
    const index = text.indexOf(opener + href, link.source.column - 1);
    if (index >= 0) return { ...link.source, column: index + opener.length + offset + 1 };
  }
  return link.source;
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
