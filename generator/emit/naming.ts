/**
 * TypeScript identifiers for doc names. Doc text is untrusted: every name that
 * becomes an identifier goes through here, and every wire name that cannot be
 * an identifier is emitted as a quoted key.
 */
import type { ModelOperation, ModelType } from '../model/ir.js';
import { compareStrings } from '../model/diagnostic.js';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally ' +
    'for function if import in instanceof new null return super switch this throw true try typeof var void ' +
    'while with as implements interface let package private protected public static yield any boolean number ' +
    'string symbol never unknown object undefined bigint type of declare module namespace require await async ' +
    'constructor get set keyof readonly infer is asserts unique global Array Object String Number Boolean Date ' +
    'Error Function Promise Record Map Set JSON Math RegExp Symbol'
  ).split(' '),
);

/** Any text → a safe identifier: invalid characters become `_`, a leading digit or a reserved word gets `_`. */
export function sanitizeIdentifier(text: string): string {
  let out = text.normalize('NFC').replace(/[^A-Za-z0-9_$]+/g, '_');
  if (out === '' || out === '_') out = '_unnamed';
  if (/^[0-9]/.test(out)) out = `_${out}`;
  if (RESERVED.has(out)) out = `${out}_`;
  return out;
}

export function pascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return sanitizeIdentifier(words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''));
}

export function camelCase(text: string): string {
  const pascal = pascalCase(text).replace(/^_/, '');
  return sanitizeIdentifier(pascal.charAt(0).toLowerCase() + pascal.slice(1));
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as written in an interface or object literal: bare when it can be, else a JSON string. */
export function propertyKey(wireName: string): string {
  return IDENTIFIER.test(wireName) ? wireName : JSON.stringify(wireName);
}

/**
 * Text safe inside a `/** ... *\/` comment: nothing in it can end the comment, and
 * its line breaks (CR LF, CR, U+2028, U+2029: those TypeScript counts) are `\n`.
 */
export function escapeComment(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\r\n?|[\u2028\u2029]/g, '\n');
}

/**
 * Unique identifiers for one API version's types and operations, assigned in
 * sorted order so that the same model always gives the same names.
 */
export class NameTable {
  private readonly typeNames = new Map<string, string>();
  private readonly operationNames = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(types: readonly ModelType[], operations: readonly ModelOperation[] = []) {
    const sorted = [...types].sort((a, b) => compareStrings(a.fullName, b.fullName));
    // microsoft.graph types first, so they keep their plain names.
    sorted.sort((a, b) => Number(a.namespace !== 'microsoft.graph') - Number(b.namespace !== 'microsoft.graph'));
    for (const type of sorted) this.typeNames.set(type.fullName, this.claim(typeBaseName(type)));
    // Operations sharing a name (many pages are titled "Get user"): the page with the
    // shortest file name (`user-get`, the canonical one) keeps it; the others take the
    // words of their page name that the title lacks (`getUserIntuneDevices`), which stays
    // stable when pages are added, unlike a counter.
    const planned = operations.map((operation) => ({ operation, base: operationBaseName(operation), stem: pageStem(operation.id) }));
    planned.sort((a, b) => compareStrings(a.base, b.base) || a.stem.length - b.stem.length || compareStrings(a.operation.id, b.operation.id));
    for (const { operation, base, stem } of planned) {
      const name = this.used.has(base) ? this.claim(`${base}${distinguishing(base, stem)}`) : this.claim(base);
      this.operationNames.set(operation.id, name);
    }
  }

  /** The interface / union identifier of a type, or undefined when the type is not in this version. */
  typeName(fullName: string): string | undefined {
    return this.typeNames.get(fullName);
  }

  /** The client function identifier of an operation. */
  operationName(id: string): string | undefined {
    return this.operationNames.get(id);
  }

  private claim(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}${n}`;
    this.used.add(name);
    return name;
  }
}

/** `microsoft.graph.user` → `User`; `microsoft.graph.callRecords.session` → `CallRecordsSession`. */
function typeBaseName(type: ModelType): string {
  const sub = type.namespace === 'microsoft.graph' ? '' : type.namespace.replace(/^microsoft\.graph\.?/, '');
  return pascalCase(`${sub} ${type.name}`);
}

/** `v1.0:intune-devices-user-get#2` → `intune-devices-user-get`. */
function pageStem(id: string): string {
  return (id.split(':').pop() ?? id).replace(/#\d+$/, '');
}

/** The words of a page stem that a name does not already hold, PascalCased (`IntuneDevices`). */
function distinguishing(name: string, stem: string): string {
  const have = new Set(name.split(/(?=[A-Z])|_/).map((w) => w.toLowerCase()));
  const extra = stem.split(/[^A-Za-z0-9]+/).filter((w) => w && !have.has(w.toLowerCase()));
  return extra.length ? pascalCase(extra.join(' ')).replace(/^_/, '') : '';
}

/** `Create deviceManagementPartner` → `createDeviceManagementPartner`. */
function operationBaseName(operation: ModelOperation): string {
  const title = operation.title.replace(/\(.*?\)/g, ' ').replace(/\b(api|method|a|an|the)\b/gi, ' ');
  if (!/[A-Za-z0-9]/.test(title)) return camelCase(pageStem(operation.id) || 'operation');
  // "terminate action" names no resource: the verb and the resource the operation acts on (`terminateDeviceManagementPartner`).
  const generic = /^\s*([A-Za-z]\w*)\s+(action|function)\s*$/i.exec(title);
  const resource = operation.resource?.split('.').pop();
  if (generic && resource) return camelCase(`${generic[1]} ${resource}`);
  return camelCase(title);
}
