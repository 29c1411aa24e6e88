/**
 * Every reference to a type that no page of its API version documents, at the
 * type cell (or the Response sentence, the example `@odata.context` a response type is read from, or the base type)
 * that names it; a Response section's link to another API's page is no type. The
 * model reports each such type once; this rule reports each place, resolved
 * exactly as the linker resolves names (model/type-resolver.ts).
 *
 * ok:     `|state|[deviceState](../resources/devicestate.md)|` with a page for deviceState
 * not ok: the same without that page → Unexpected type `deviceState` that no page documents, expected a documented type
 */
import type { PageFacts, TypeRefFacts } from '../../extract/facts.js';
import type { SourceRef } from '../../model/diagnostic.js';
import { TypeResolver } from '../../model/type-resolver.js';
import path from 'node:path/posix';
import { cellStart, findForward, placeOn, type CheckContext } from '../context.js';
import { didYouMean } from '../did-you-mean.js';
import { defineRule, type RuleFinding } from '../rule.js';
import { docTypeFits } from './doc-type-mismatch.js';

export const typeUnresolved = defineRule({
  id: 'type-unresolved',
  description: 'Every type a page references is documented by a page of the same API version.',
  defaultLevel: 'warn',
  levelReason: 'The reference docs link many types whose pages are published later or elsewhere; a missing page is worth seeing, not blocking.',
  supersedes: ['type-unresolved', 'base-type-unresolved'],
  check: (ctx) => ctx.model.apiVersions.flatMap((version) => checkVersion(ctx, version)),
});

interface Reference {
  type: Pick<TypeRefFacts, 'name' | 'isCollection' | 'isPrimitive' | 'href'> & { raw?: string };
  at: SourceRef;
  /** Where on the line the type is written: a table row (type after the first cell) or a sentence. */
  in: 'row' | 'text';
  namespace: string;
  synthesized: boolean;
  /** The type the Response section (or its example) says the operation returns. */
  response?: boolean;
}

function checkVersion(ctx: CheckContext, version: string): RuleFinding[] {
  const pages = ctx.pages.filter((page) => page.apiVersion === version);
  const documented = ctx.model.types.filter((t) => t.apiVersion === version && t.origin === 'documented');
  const resolver = new TypeResolver(documented.map((t) => ({ fullName: t.fullName, name: t.name, namespace: t.namespace })), pages);
  const names = [...new Set(documented.map((t) => t.name))];
  const out: RuleFinding[] = [];
  for (const page of pages) {
    for (const reference of referencesOf(page)) {
      if (reference.type.isPrimitive) continue;
      const { resolved, ref } = resolver.resolve(reference.type, page.file, reference.namespace);
      if (resolved) continue;
      const written = reference.type.raw?.replace(/(?<!\s)\s+collection$/i, '').trim() || reference.type.name;
      const needle = written.replace(/^Collection\(|\)$/g, '');
      const at = reference.in === 'row' ? placeOn(ctx, reference.at, needle, cellStart(ctx, reference.at, 1).column - 1) : findForward(ctx, reference.at, needle);
      const linked = linkedPage(ctx, page.file, reference.type.href) ?? namedPage(ctx, version, ref.name);
      // A resource page labelled apiPageType: doc-type-mismatch reports it once, at its doc_type, where the fix is.
      if (linked && !docTypeFits(linked)) continue;
      // A resource page whose title names no type (dynamics-complextypes.md: several types under one title) is reported
      // once, at its title (resource-name-missing), not again at each link to it.
      if (linked?.diagnostics.some((d) => d.code === 'resource-name-missing')) continue;
      // A Response section's link to another API's page (a note: "similar to the [revokeSignInSessions](...) action") names no type.
      if (reference.response && linked?.kind === 'api') continue;
      const message = linked
        ? `Unexpected type \`${written}\` that its page \`${linked.file}\` does not document as a type (doc_type \`${linked.docType ?? 'none'}\`), expected that page to be a resource or enum page for it`
        : `Unexpected type \`${written}\` that no page documents, expected a documented type${didYouMean(ref.name.slice(ref.name.lastIndexOf('.') + 1), names)}${reference.synthesized ? ' (its "Possible values" stand in for an enum page)' : ''}`;
      out.push({
        at,
        message,
        key: `${ref.name}@${reference.in}:${placeKey(ctx, reference.at)}`,
      });
    }
  }
  return out;
}

function referencesOf(page: PageFacts): Reference[] {
  const namespace = page.namespace ?? 'microsoft.graph';
  const out: Reference[] = [];
  for (const resource of page.resources) {
    for (const property of [...resource.properties, ...resource.navigationProperties]) {
      if (!property.typeUnknown) out.push({ type: property.type, at: property.source, in: 'row', namespace: resource.namespace, synthesized: !!property.possibleValues?.length });
    }
    if (resource.baseType) {
      out.push({ type: { name: resource.baseType.name, isCollection: false, isPrimitive: false, ...(resource.baseType.href ? { href: resource.baseType.href } : {}) }, at: resource.baseType.source, in: 'text', namespace: resource.namespace, synthesized: false });
    }
  }
  for (const operation of page.operations) {
    for (const row of operation.requestBody ?? []) {
      if (!row.typeUnknown) out.push({ type: row.type, at: row.source, in: 'row', namespace, synthesized: !!row.possibleValues?.length });
    }
    for (const parameter of operation.parameters) {
      // A parameter only an example shows has a type guessed from its key, which the linker replaces when it names no type.
      if (parameter.type && parameter.from !== 'example') out.push({ type: parameter.type, at: parameter.source, in: 'row', namespace, synthesized: false });
    }
    // A type read from an example (its `@odata.context`) is reported there, where it is written, not at the Response sentence.
    const response = operation.response;
    if (response?.type) out.push({ type: response.type, at: (response.typeFrom === 'example' && response.typeSource) || response.source, in: 'text', namespace, synthesized: false, response: true });
  }
  return out;
}

/** The row's first cell text: a stable key for where the reference is, without the line number. */
function placeKey(ctx: CheckContext, at: SourceRef): string {
  return ctx.line(at.file, at.line).split('|').map((cell) => cell.trim()).filter(Boolean)[0] ?? '';
}

/** The input page a type link points at, when it exists but documents no type. */
function linkedPage(ctx: CheckContext, from: string, href: string | undefined): PageFacts | undefined {
  if (!href || /^[a-z]+:|^\//i.test(href)) return undefined;
  const target = path.normalize(path.join(path.dirname(from), href.split('#')[0]!.replace(/\\/g, '/')));
  const page = ctx.page(target) ?? ctx.page(target.toLowerCase());
  return page && page.resources.length === 0 && page.enums.length === 0 ? page : undefined;
}

/** `<version>/resources/<name>.md` when it exists but documents no type. */
function namedPage(ctx: CheckContext, version: string, fullName: string): PageFacts | undefined {
  const page = ctx.page(`${version}/resources/${fullName.slice(fullName.lastIndexOf('.') + 1).toLowerCase()}.md`);
  return page && page.resources.length === 0 && page.enums.length === 0 ? page : undefined;
}
