/**
 * A permission name in a Permissions table that looks like a misspelling of a
 * name the input uses elsewhere: it appears on one page only, and a name one
 * or two edits away appears on at least three pages. New permissions (used on
 * one page, like nothing else) pass: only near-misses of known names are
 * findings. Names are compared ignoring case, as Graph does.
 *
 * ok:     `Mail.ReadWrite` (used on hundreds of pages)
 * not ok: `Mail.RaedWrite` → Unexpected permission `Mail.RaedWrite` that no other page uses, expected a known permission (did you mean `Mail.ReadWrite`?)
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
    const known = [...pagesOf].filter(([, files]) => files.size >= KNOWN_ON).map(([name]) => name);
    const out: RuleFinding[] = [];
    for (const page of ctx.pages) {
      for (const operation of page.operations) {
        for (const row of operation.permissions) {
          for (const name of row.permissions) {
            if ((pagesOf.get(name.toLowerCase())?.size ?? 0) > 1) continue;
            const near = known.find((k) => editDistance(name.toLowerCase(), k, 2) <= 2 && !sameFamily(name.toLowerCase(), k));
            if (!near) continue;
            const spelled = spelling(ctx, near);
            out.push({
              at: findForward(ctx, { ...row.source, column: 1 }, name, 8),
              message: `Unexpected permission \`${name}\` that no other page uses, expected a known permission (did you mean \`${spelled}\`?)`,
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

/** `X.Read.All` and `X.ReadWrite.All`, `X.Read` and `X.Read.All`: different permissions of one family, not misspellings. */
function sameFamily(a: string, b: string): boolean {
  const strip = (name: string) => name.replace(/\.(all|shared|basic|selected|ownedby|hidden|readbasic)$/, '').replace(/(readwrite|read|write|manage)$/, '');
  return strip(a) === strip(b) && a !== b;
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
