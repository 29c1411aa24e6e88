/**
 * A permission name in a Permissions table that looks like a misspelling of a
 * name the input uses elsewhere: it appears on one page only, and a name one
 * or two edits away appears on another page and is the likelier spelling:
 * used on at least three pages, or made of words (`Mail`, `ReadWrite`, `All`,
 * the parts between dots) other pages use too while the suspect has a word
 * no other page uses (`RaedWrite`). New permissions (used on one page, like
 * nothing else) pass: only near-misses of known names are findings. Names are
 * compared ignoring case, as Graph does; a spelling no other page writes, of a
 * name more pages write otherwise (`mail.read`), is reported as that spelling.
 * A name with `.All` left off that no other page uses (`Reports.Read`), in a row with `Reports.Read.All`, is a near-miss of it.
 *
 * ok:     `Mail.ReadWrite` (used on hundreds of pages)
 * not ok: `Mail.RaedWrite` → Unexpected permission `Mail.RaedWrite` that no other page uses, expected a known permission (did you mean `Mail.ReadWrite`?)
 * not ok: `mail.readWrite` → Unexpected permission `mail.readWrite` written so on no other page, expected `Mail.ReadWrite` as other pages write it
 */
import { findForward, type CheckContext } from '../context.js';
import { editDistance } from '../did-you-mean.js';
import { defineRule, type RuleFinding } from '../rule.js';

const KNOWN_ON = 3;

export const permissionUnknown = defineRule({
  id: 'permission-unknown',
  description: 'Permission names are ones the input uses elsewhere, not near-misses of them (did-you-mean).',
  defaultLevel: 'error',
  check: (ctx) => {
    const pagesOf = usage(ctx);
    const words = wordUsage(pagesOf);
    /** Pages other than `file` that use a word. */
    const elsewhere = (word: string, file: string) => [...(words.get(word) ?? [])].filter((f) => f !== file).length;
    const likelier = (near: string, name: string, file: string) =>
      pagesOf.get(near)!.size >= KNOWN_ON || (name.split('.').some((w) => elsewhere(w, file) === 0) && near.split('.').every((w) => elsewhere(w, file) > 0));
    const out: RuleFinding[] = [];
    for (const page of ctx.pages) {
      for (const operation of page.operations) {
        for (const row of operation.permissions) {
          for (const name of row.permissions) {
            const lower = name.toLowerCase();
            const at = () => findForward(ctx, { ...row.source, column: 1 }, name, 8);
            const written = writtenAs(ctx, page.file, name);
            if (written) {
              out.push({ at: at(), message: `Unexpected permission \`${name}\` written so on no other page, expected \`${written}\` as other pages write it`, key: name });
              continue;
            }
            if ((pagesOf.get(lower)?.size ?? 0) > 1) continue;
            // A name with its `.All` left off (`OrgContact.Read` beside `OrgContact.Read.All` in its row) that no other page
            // uses: `Device.Read` alone, and a delegated `X.ReadForChat` beside an application `X.ReadForChat.All`, are permissions of their own.
            const all = row.permissions.some((other) => other.toLowerCase() === `${lower}.all`) ? `${lower}.all` : undefined;
            const near = all ?? [...pagesOf.keys()].find((k) => k !== lower && editDistance(lower, k, 2) <= 2 && !sameFamily(lower, k) && likelier(k, lower, page.file));
            if (!near) continue;
            out.push({
              at: at(),
              message: `Unexpected permission \`${name}\` that no other page uses, expected a known permission (did you mean \`${spelling(ctx, near)}\`?)`,
              key: name,
            });
          }
        }
      }
    }
    return out;
  },
});

/** Pages using each permission name (lower case). */
function usage(ctx: CheckContext): Map<string, Set<string>> {
  return ctx.memo('permission-usage', () => {
    const out = new Map<string, Set<string>>();
    for (const page of ctx.pages) {
      for (const row of page.operations.flatMap((o) => o.permissions)) {
        for (const name of row.permissions) {
          const key = name.toLowerCase();
          out.set(key, (out.get(key) ?? new Set()).add(page.file));
        }
      }
    }
    return out;
  });
}

/** Pages using each word (dot-separated part, lower case) of a permission name. */
function wordUsage(pagesOf: Map<string, Set<string>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [name, files] of pagesOf) {
    for (const word of name.split('.')) {
      const set = out.get(word) ?? new Set<string>();
      for (const file of files) set.add(file);
      out.set(word, set);
    }
  }
  return out;
}

/** `X.Read.All` and `X.ReadWrite.All`, `X.Read` and `X.Read.All`: different permissions of one family, not misspellings. */
function sameFamily(a: string, b: string): boolean {
  const strip = (name: string) => name.replace(/\.(all|shared|basic|selected|ownedby|hidden|readbasic)$/, '').replace(/(readwrite|read|write|manage)$/, '');
  return strip(a) === strip(b) && a !== b;
}

/** Another spelling of `name` (case only) that more pages write (as many: with more capitals), when no other page writes `name` so (`mail.read` for `Mail.Read`). */
function writtenAs(ctx: CheckContext, file: string, name: string): string | undefined {
  const spellings = ctx.memo('permission-spellings', () => {
    const out = new Map<string, Map<string, Set<string>>>();
    for (const page of ctx.pages) {
      for (const written of page.operations.flatMap((o) => o.permissions).flatMap((row) => row.permissions)) {
        const byName = out.get(written.toLowerCase()) ?? out.set(written.toLowerCase(), new Map()).get(written.toLowerCase())!;
        byName.set(written, (byName.get(written) ?? new Set()).add(page.file));
      }
    }
    return out;
  });
  const byName = spellings.get(name.toLowerCase())!;
  const mine = byName.get(name)!;
  if ([...mine].some((f) => f !== file)) return undefined;
  // As many pages each way: the PascalCase one (more capitals) is Graph's spelling.
  const capitals = (text: string) => text.replace(/[^A-Z]/g, '').length;
  return [...byName].find(([other, files]) => other !== name && (files.size > mine.size || (files.size === mine.size && capitals(other) > capitals(name))))?.[0];
}

/** The name as most pages spell it. */
function spelling(ctx: CheckContext, lower: string): string {
  for (const page of ctx.pages) {
    for (const row of page.operations.flatMap((o) => o.permissions)) {
      const found = row.permissions.find((name) => name.toLowerCase() === lower);
      if (found) return found;
    }
  }
  return lower;
}
