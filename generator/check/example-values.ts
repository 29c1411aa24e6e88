/** What the examples of an API version write: the keys of their bodies and the string values given to each. */
import type { ModelProperty, ModelType } from '../model/ir.js';
import type { CheckContext } from './context.js';
import { closest } from './did-you-mean.js';
import { exampleMessages } from './examples.js';

/**
 * Every key the example bodies of an API version write, with the string values they give it (`"tlpLevel": "green"`):
 * what the examples (written from the service's answers) say a property is called and holds.
 */
export function exampleValues(ctx: CheckContext, apiVersion: string): Map<string, Set<string>> {
  return ctx.memo(`example-values:${apiVersion}`, () => {
    const out = new Map<string, Set<string>>();
    const visit = (node: unknown, depth: number): void => {
      if (depth > 64 || node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((v) => visit(v, depth + 1));
      for (const [name, value] of Object.entries(node)) {
        const values = out.get(name) ?? new Set<string>();
        out.set(name, values);
        for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') values.add(v);
        visit(value, depth + 1);
      }
    };
    for (const item of exampleMessages(ctx)) if (item.page.apiVersion === apiVersion) visit(item.message.body?.json, 0);
    return out;
  });
}

/**
 * The enum page, not the example, is out of date about `value`: a "Possible values" list of a property typed as the
 * enum writes `value`, and the examples give that property `value` and never the member closest to it (tlpLevel's
 * `Green` where tiIndicator's row and every example write `green`). enum-values-mismatch reports that at the enum page.
 */
export function enumPageOutOfDate(ctx: CheckContext, type: ModelType, value: string): boolean {
  const member = closest(value, type.members.map((m) => m.name));
  const used = exampleValues(ctx, type.apiVersion);
  const lists = ctx.memo(`enum-lists:${type.apiVersion}`, () => {
    const out = new Map<string, ModelProperty[]>();
    const operations = ctx.model.operations.filter((o) => o.apiVersion === type.apiVersion);
    const types = ctx.model.types.filter((t) => t.apiVersion === type.apiVersion);
    for (const p of [...types.flatMap((t) => [...t.properties, ...t.navigationProperties]), ...operations.flatMap((o) => o.requestBody ?? [])]) {
      if (p.possibleValues?.length) out.set(p.type.name, [...(out.get(p.type.name) ?? []), p]);
    }
    return out;
  });
  return (lists.get(type.fullName) ?? []).some((p) => p.possibleValues!.includes(value) && used.get(p.name)?.has(value) && !(member !== undefined && used.get(p.name)?.has(member)));
}
