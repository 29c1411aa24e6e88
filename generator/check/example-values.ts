/** What the examples of an API version write: the keys of their bodies and the string values given to each. */
import type { CheckContext } from './context.js';
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
