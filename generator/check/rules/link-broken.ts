/**
 * Relative links to a page or a heading that does not exist: `#anchor` on the
 * same page, `path.md#anchor` on a page of the input, and `path.md` in a folder
 * of the input (`../resources/usr.md`) that has no such page but one two edits
 * away (a misspelt link, did-you-mean). The input may be a subset of the docs
 * (a consumer's 30 pages): other pages it lacks, and links leaving its folders
 * (`../includes/...`, `../concepts/...`), are not reported, unless a `linkRoot`
 * folder (config, or `--link-root DIR`) is set: then a link into it must name a
 * page that exists there on disk (its anchors are not checked). Not checked: absolute URLs and
 * site-rooted links (`/graph/...`). Anchors are heading slugs (GitHub style, as the docs site
 * makes them, HTML inside the heading left out) and explicit `<a name>`/`id`
 * anchors; `#tab/...` selects a tab. File names are compared ignoring case and
 * `\` is read as `/`: the docs site resolves links that way, so such links work.
 *
 * Findings point at the link target (a missing page) or at its anchor (a
 * missing heading), not at `[`.
 *
 * ok:     [user](../resources/user.md#properties) with that page and heading
 * not ok: [user](../resources/user.md#propertes) → Unexpected link to `#propertes` that `user.md` has no heading or anchor for, expected an existing anchor (did you mean `properties`?)
 * not ok: [user](../resources/usr.md) → Unexpected link to `../resources/usr.md` that the input does not have, expected a page of `v1.0/resources/` (did you mean `user.md`?)
 * ok:     [group](../resources/group.md) without that page (nor one two edits away) and without a link root
 * ok:     [x](../api/site-unfollow.md) with only `site-follow.md` in the folder: a sibling page, not a misspelling
 */
import { readdirSync } from 'node:fs';
import nodePath from 'node:path';
import path from 'node:path/posix';
import GithubSlugger from 'github-slugger';
import type { LinkFacts, PageFacts } from '../../extract/facts.js';
import type { CheckContext } from '../context.js';
import { didYouMean, editDistance } from '../did-you-mean.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const linkBroken = defineRule({
  id: 'link-broken',
  description: 'Relative links point at headings that exist, not at a misspelt page of the input; pages the input lacks are checked only against a `linkRoot` folder.',
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
  const folder = resolved.startsWith('../') ? undefined : folders.get(path.dirname(resolved));
  if (!folder) return inLinkRoot(ctx, resolved, target, href, targetOf(ctx, link, href, 0)) ?? [];
  const base = path.basename(resolved);
  const exact = folder.files.get(base) ?? folder.lower.get(base.toLowerCase());
  if (!exact) return inLinkRoot(ctx, resolved, target, href, targetOf(ctx, link, href, 0)) ?? misspelt(folder, resolved, target, href, targetOf(ctx, link, href, 0));
  if (!anchor || /^tab\//i.test(anchor)) return [];
  const linked = ctx.page(exact);
  return linked ? checkAnchor(ctx, linked, anchor, href, at) : [];
}

/**
 * A page missing from a folder of the input, without a link root: the input may be a subset of the docs, so only
 * a near-miss (two edits or fewer, ignoring case) of a page the folder has is reported: a misspelt link.
 */
function misspelt(folder: Folder, resolved: string, target: string, href: string, at: RuleFinding['at']): RuleFinding[] {
  const base = path.basename(resolved).toLowerCase();
  if (![...folder.lower.keys()].some((name) => editDistance(base, name, 2) <= 2 && !sibling(base, name))) return [];
  const where = `a page of \`${path.dirname(resolved)}/\`${didYouMean(path.basename(resolved), folder.files.keys())}`;
  return [{ at, message: `Unexpected link to \`${target}\` that the input does not have, expected ${where}`, key: href }];
}

/**
 * Names whose dash-separated words differ in one word that holds the other with a syllable or a plural `s` more
 * (`site-unfollow.md` and `site-follow.md`, `users.md` and `user.md`): a sibling page the subset left out, not a
 * misspelling. One other letter more is a typo (`grou-get.md`, `team-gget-members.md`).
 */
function sibling(a: string, b: string): boolean {
  const x = a.replace(/\.md$/, '').split('-');
  const y = b.replace(/\.md$/, '').split('-');
  if (x.length !== y.length) return false;
  const differ = x.flatMap((word, i): [string, string][] => (word === y[i] ? [] : [[word, y[i]!]]));
  if (differ.length !== 1) return false;
  const [short, long] = [...differ[0]!].sort((p, q) => p.length - q.length) as [string, string];
  const at = long.indexOf(short);
  if (at < 0) return false;
  const extra = long.slice(0, at) + long.slice(at + short.length);
  return extra.length >= 2 || extra === 's';
}

/**
 * A link to a page the input does not have, checked on disk when it points into the link root; undefined when there
 * is none or it points elsewhere. An input inside the link root is resolved where it is; one outside it (a
 * consumer's copy of some pages) as if its folders were the link root's (`v1.0/api/x.md` → `<root>/v1.0/api/x.md`).
 */
function inLinkRoot(ctx: CheckContext, resolved: string, target: string, href: string, at: RuleFinding['at']): RuleFinding[] | undefined {
  const roots = ctx.linkRoot;
  if (!roots) return undefined;
  const inputInRoot = !nodePath.relative(roots.root, roots.input).startsWith('..');
  const absolute = nodePath.resolve(inputInRoot ? roots.input : roots.root, resolved);
  const inRoot = nodePath.relative(roots.root, absolute);
  if (inRoot === '' || inRoot.startsWith('..') || nodePath.isAbsolute(inRoot)) return undefined;
  const names = ctx.memo(`link-root:${nodePath.dirname(absolute)}`, () => listing(nodePath.dirname(absolute)));
  const base = nodePath.basename(absolute);
  if (names.has(base.toLowerCase())) return [];
  const where = `a page under the link root${didYouMean(base, [...names.values()])}`;
  return [{ at, message: `Unexpected link to \`${target}\` that the link root does not have (\`${inRoot.split(nodePath.sep).join('/')}\`), expected ${where}`, key: href }];
}

/** The files of a folder on disk by lower-case name (none when it is missing). */
function listing(dir: string): Map<string, string> {
  try {
    return new Map(readdirSync(dir).map((name) => [name.toLowerCase(), name]));
  } catch {
    return new Map();
  }
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
