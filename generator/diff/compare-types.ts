/**
 * Changes to types: added and removed (by full name within an API version),
 * kind and base type, properties (by name: added, removed, type, collection-ness,
 * nullability as the generated interfaces spell it) and enum members.
 * Types only referenced, never documented, are not part of the API and are left out.
 */
import type { Model, ModelProperty, ModelType } from '../model/ir.js';
import { isNullable, ownProperties } from '../emit/type-map.js';
import type { ApiChange, Side } from './change.js';
import { change } from './severity.js';
import { code, matchBy, renameHints, shortName, typeRefText } from './match.js';

export function compareTypes(base: Model, head: Model): ApiChange[] {
  const out: ApiChange[] = [];
  const { removed, added, both } = matchBy(apiTypes(base), apiTypes(head), typeKey);
  const hints = new Map<string, string>();
  for (const version of new Set([...removed, ...added].map((type) => type.apiVersion))) {
    const names = (types: ModelType[]) => types.filter((type) => type.apiVersion === version).map((type) => type.fullName);
    for (const [from, to] of renameHints(names(removed), names(added))) hints.set(typeKey({ apiVersion: version, fullName: from }), to);
  }
  for (const type of removed) out.push(typeChange('type-removed', type, 'base', `Type ${code(type.name)} removed`, hints.get(typeKey(type))));
  for (const type of added) out.push(typeChange('type-added', type, 'head', `Type ${code(type.name)} added`, hints.get(typeKey(type))));
  for (const [before, after] of both) out.push(...compareType(before, after));
  return out;
}

function apiTypes(model: Model): ModelType[] {
  return model.types.filter((type) => type.origin !== 'referenced');
}

function typeKey(type: Pick<ModelType, 'apiVersion' | 'fullName'>): string {
  return `${type.apiVersion}\u0000${type.fullName}`;
}

function typeChange(kind: 'type-added' | 'type-removed', type: ModelType, side: Side, message: string, renameOf: string | undefined): ApiChange {
  const hint = renameOf === undefined ? '' : ` (looks like a rename ${side === 'base' ? 'to' : 'of'} ${code(shortName(renameOf))})`;
  return change(kind, { apiVersion: type.apiVersion, resource: type.fullName, subject: type.fullName, message: message + hint, ...(renameOf ? { renameOf } : {}), side, source: type.source });
}

function compareType(before: ModelType, after: ModelType): ApiChange[] {
  const out: ApiChange[] = [];
  const at = { apiVersion: after.apiVersion, resource: after.fullName, side: 'head' as const };
  if (before.kind !== after.kind) {
    out.push(change('type-kind-changed', { ...at, subject: after.fullName, message: `Type ${code(after.name)} changed from ${before.kind} to ${after.kind}`, before: before.kind, after: after.kind, source: after.source }));
  }
  if ((before.baseType ?? null) !== (after.baseType ?? null)) {
    const text = (name: string | null) => name ?? 'none';
    out.push(change('base-type-changed', { ...at, subject: after.fullName, message: `Base type of ${code(after.name)} changed from ${code(text(before.baseType))} to ${code(text(after.baseType))}`, before: text(before.baseType), after: text(after.baseType), source: after.source }));
  }
  out.push(...compareProperties(before, after), ...compareMembers(before, after));
  return out;
}

function compareProperties(before: ModelType, after: ModelType): ApiChange[] {
  const out: ApiChange[] = [];
  const { removed, added, both } = matchBy(ownProperties(before), ownProperties(after), (property) => property.name);
  const hints = renameHints(removed.map((p) => p.name), added.map((p) => p.name));
  const subject = (property: ModelProperty) => `${after.fullName}.${property.name}`;
  const on = (property: ModelProperty, side: Side) => {
    const renameOf = hints.get(property.name);
    const hint = renameOf === undefined ? '' : ` (looks like a rename ${side === 'base' ? 'to' : 'of'} ${code(renameOf)})`;
    return { apiVersion: after.apiVersion, resource: after.fullName, subject: subject(property), ...(renameOf ? { renameOf: `${after.fullName}.${renameOf}` } : {}), side, source: property.source, hint };
  };
  for (const property of removed) {
    const { hint, ...where } = on(property, 'base');
    out.push(change('property-removed', { ...where, message: `Property ${code(property.name)} removed from ${code(after.name)}${hint}`, before: typeRefText(property.type) }));
  }
  for (const property of added) {
    const { hint, ...where } = on(property, 'head');
    out.push(change('property-added', { ...where, message: `Property ${code(property.name)} (${code(typeRefText(property.type))}) added to ${code(after.name)}${hint}`, after: typeRefText(property.type) }));
  }
  for (const [old, now] of both) {
    const { hint: _none, ...where } = on(now, 'head');
    const name = `Property ${code(now.name)} of ${code(after.name)}`;
    if (old.type.name !== now.type.name) {
      out.push(change('property-type-changed', { ...where, message: `${name} changed type from ${code(typeRefText(old.type))} to ${code(typeRefText(now.type))}`, before: typeRefText(old.type), after: typeRefText(now.type) }));
    } else if (old.type.isCollection !== now.type.isCollection) {
      const text = (ref: ModelProperty['type']) => (ref.isCollection ? 'a collection' : 'a single value');
      out.push(change('property-collection-changed', { ...where, message: `${name} changed from ${text(old.type)} to ${text(now.type)}`, before: typeRefText(old.type), after: typeRefText(now.type) }));
    }
    // Nullability only for the same type: a changed type or collection-ness already says the property's type changed.
    if (typeRefText(old.type) !== typeRefText(now.type)) continue;
    const wasNullable = isNullable(before, old);
    const nowNullable = isNullable(after, now);
    if (wasNullable !== nowNullable) {
      const kind = nowNullable ? 'property-nullability-widened' : 'property-nullability-narrowed';
      out.push(change(kind, { ...where, message: `${name} ${nowNullable ? 'may now be null' : 'may no longer be null'}`, before: wasNullable ? 'nullable' : 'not nullable', after: nowNullable ? 'nullable' : 'not nullable' }));
    }
  }
  return out;
}

function compareMembers(before: ModelType, after: ModelType): ApiChange[] {
  const { removed, added } = matchBy(before.members, after.members, (member) => member.name);
  const at = (side: Side, type: ModelType) => ({ apiVersion: after.apiVersion, resource: after.fullName, side, source: type.source });
  return [
    ...removed.map((member) => change('enum-member-removed', { ...at('base', before), subject: `${after.fullName}.${member.name}`, message: `Enum member ${code(member.name)} removed from ${code(after.name)}` })),
    ...added.map((member) => change('enum-member-added', { ...at('head', after), subject: `${after.fullName}.${member.name}`, message: `Enum member ${code(member.name)} added to ${code(after.name)}` })),
  ];
}
