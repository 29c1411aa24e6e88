/** The keys example bodies give each type: what the service answers (or takes) for it, read from the examples. */
import type { CheckContext } from './context.js';
import { exampleMessages } from './examples.js';

/**
 * The top-level keys of the example bodies of the operations that return (response) or take (request) `fullName`,
 * in API version `version`; a collection's `value` items count as the type's bodies.
 */
export function exampleKeysOf(ctx: CheckContext, version: string, fullName: string): Set<string> {
  const all = ctx.memo('example-keys-by-type', () => {
    const out = new Map<string, Set<string>>();
    for (const item of exampleMessages(ctx)) {
      const type = item.role === 'response' ? item.linked?.response.type?.name : item.linked?.requestBodyType?.type?.name;
      const body = item.message.body?.json;
      if (!type || body === null || typeof body !== 'object' || Array.isArray(body)) continue;
      const value = (body as Record<string, unknown>).value;
      const objects = Array.isArray(value) ? value : [body];
      const keys = out.get(`${item.page.apiVersion}:${type}`) ?? new Set<string>();
      out.set(`${item.page.apiVersion}:${type}`, keys);
      for (const o of objects) if (o !== null && typeof o === 'object' && !Array.isArray(o)) for (const k of Object.keys(o)) keys.add(k);
    }
    return out;
  });
  return all.get(`${version}:${fullName}`) ?? new Set();
}
