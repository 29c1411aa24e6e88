/**
 * What an API page's operation is: create, get, list, update, delete, action,
 * function or other. Decided by the first matching rule over the title, the
 * HTTP method and the shape of the request path.
 */
import type { OperationKind } from './facts.js';

export interface KindInput {
  title: string;
  /** The page's dominant HTTP method, '' when it has none. */
  method: string;
  paths: string[];
  /** The request-body table names its first column "Parameter". */
  parameterTable: boolean;
  /** The page has a "Function parameters" / "Parameters" table. */
  parameterSection: boolean;
  responseIsCollection: boolean;
}

type Rule = [OperationKind, (input: KindInput, facts: KindDerived) => boolean];

interface KindDerived {
  verb: string;
  /** Last segment of each path, without `(...)`. */
  lastSegments: string[];
  /** Last segments with their `(...)`. */
  lastCalls: string[];
  /** `entity: operation` title. */
  colonTitle: boolean;
}

const CREATE = /^(create|add|new|post|insert|upload|register|provision)$/;
const GET = /^(get|read|retrieve|show|fetch|download)$/;
const LIST = /^(list|enumerate|browse)$/;
const UPDATE = /^(update|patch|edit|modify|replace|set|upsert|put)$/;
const DELETE = /^(delete|remove|unregister|deprovision)$/;

/** `name(...)` with arguments written `key=value`, or empty parentheses: a function or action call, not a key. */
const CALL = /^[A-Za-z][\w.]*\((\)|[^)]*=)/;
const QUALIFIED = /^microsoft\.graph\.\w/i;

const RULES: Rule[] = [
  ['action', ({ title }) => /\baction\s*$/i.test(title)],
  ['function', ({ title }) => /\bfunction\s*$/i.test(title)],
  ['function', ({ method }, d) => method === 'GET' && d.lastCalls.some((s) => CALL.test(s) || QUALIFIED.test(s) || /^delta$/i.test(s))],
  ['action', ({ method }, d) => method === 'POST' && d.lastCalls.some((s) => CALL.test(s) || QUALIFIED.test(s))],
  ['function', ({ method }, d) => method === 'GET' && d.colonTitle],
  ['action', ({ method }, d) => method === 'POST' && d.colonTitle],
  ['create', ({ method }, d) => CREATE.test(d.verb) && method !== 'DELETE' && method !== 'GET'],
  ['list', ({ method }, d) => LIST.test(d.verb) && (method === 'GET' || method === '')],
  ['get', ({ method }, d) => GET.test(d.verb) && (method === 'GET' || method === '')],
  ['update', ({ method }, d) => UPDATE.test(d.verb) && method !== 'GET' && method !== 'DELETE'],
  ['delete', ({ method }, d) => DELETE.test(d.verb) && (method === 'DELETE' || method === '')],
  ['delete', ({ method }) => method === 'DELETE'],
  ['update', ({ method }) => method === 'PATCH' || method === 'PUT'],
  ['list', ({ method, responseIsCollection }) => method === 'GET' && responseIsCollection],
  ['get', ({ method }) => method === 'GET'],
  ['action', ({ method, parameterTable, parameterSection }) => method === 'POST' && (parameterTable || parameterSection)],
  ['create', ({ method }, d) => method === 'POST' && d.lastSegments.some((s) => s === '$ref')],
  ['action', ({ method }, d) => method === 'POST' && d.verb.length > 2 && d.lastSegments.some((s) => s.toLowerCase().startsWith(d.verb))],
  ['create', ({ method }, d) => method === 'POST' && d.lastSegments.some((s) => /^[a-z]\w*s$/i.test(s))],
  ['action', ({ method }, d) => method === 'POST' && d.lastSegments.some((s) => /^[a-z]\w*$/.test(s))],
];

export function operationKind(input: KindInput): OperationKind {
  const derived = derive(input);
  return RULES.find(([, applies]) => applies(input, derived))?.[0] ?? 'other';
}

function derive(input: KindInput): KindDerived {
  const lastCalls = input.paths.map((path) => {
    const segments = path.replace(/(?<!\/)\/+$/, '').split('/');
    return segments[segments.length - 1] ?? '';
  });
  return {
    verb: (/^[A-Za-z]+/.exec(input.title.trim())?.[0] ?? '').toLowerCase(),
    lastSegments: lastCalls.map((s) => s.replace(/\(.*$/, '')),
    lastCalls,
    colonTitle: /:\s*[A-Za-z]\w*\s*(\(.*\))?$/.test(input.title.trim()),
  };
}

/** The method most of the page's paths use (first wins ties), or '' when there are none. */
export function dominantMethod(methods: string[]): string {
  const counts = new Map<string, number>();
  for (const method of methods) counts.set(method, (counts.get(method) ?? 0) + 1);
  let best = '';
  for (const [method, count] of counts) if (count > (counts.get(best) ?? 0)) best = method;
  return best;
}
