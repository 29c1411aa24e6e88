/**
 * Documented actions and functions against the service's metadata: the
 * operation itself (named by the last segment of its request path), each
 * parameter's presence and type (the binding parameter aside), and the return
 * type. Findings sit on the parameter row, the response sentence, or the page's
 * heading for what the page has no row for.
 *
 *   ok:     POST /users/{id}/assignLicense with rows addLicenses, removeLicenses; the service's action has both
 *   not ok: no removeLicenses row → Unexpected parameters of action `assignLicense` without `removeLicenses` (...)
 */
import type { SourceRef } from '../../model/diagnostic.js';
import type { ModelOperation, TypeRef } from '../../model/ir.js';
import type { CheckContext } from '../context.js';
import { didYouMean } from '../did-you-mean.js';
import { sameType, typeMismatch, typeText, type MetadataFinding } from './compare-types.js';
import type { CsdlModel, CsdlOperation } from './csdl.js';

export function compareOperations(ctx: CheckContext, apiVersion: string, csdl: CsdlModel): MetadataFinding[] {
  const out: MetadataFinding[] = [];
  const known = new Map<string, string[]>();
  /** Operation names of a kind, for did-you-mean (listed once). */
  const namesOf = (kind: string): string[] => {
    if (!known.has(kind)) known.set(kind, [...csdl.operations.values()].flat().filter((o) => o.kind === kind).map((o) => o.name));
    return known.get(kind)!;
  };
  for (const operation of ctx.model.operations) {
    if (operation.apiVersion !== apiVersion || (operation.kind !== 'action' && operation.kind !== 'function')) continue;
    const names = [...new Set(operation.paths.map(operationName).filter((name) => name !== ''))];
    if (names.length === 0) continue;
    const name = names.find((n) => csdl.operations.has(n)) ?? names[0]!;
    const service = pick(csdl.operations.get(name) ?? [], operation);
    const key = `${operation.kind}:${name}`;
    if (!service) {
      out.push({ ruleId: 'metadata-operation-mismatch', at: operation.source, key, message: `Unexpected ${operation.kind} \`${name}\`, expected one the service's metadata declares${didYouMean(name, namesOf(operation.kind))}` });
      continue;
    }
    out.push(...compareParameters(ctx, operation, service, key), ...compareReturn(ctx, operation, service, key));
  }
  return out;
}

/** The operation a path calls: its last segment without `(...)` and namespace (`microsoft.graph.delta()` → `delta`). */
export function operationName(path: string): string {
  const last = path.split('?')[0]!.replace(/\/+$/, '').split('/').pop() ?? '';
  const call = last.replace(/\(.*$/, '');
  return /^[A-Za-z_][\w.]*$/.test(call) ? call.slice(call.lastIndexOf('.') + 1) : '';
}

/** The overload of the operation's kind bound to its resource (or a collection of it), else the first of its kind. */
function pick(overloads: readonly CsdlOperation[], operation: ModelOperation): CsdlOperation | undefined {
  const ofKind = overloads.filter((o) => o.kind === operation.kind);
  return ofKind.find((o) => o.boundTo?.name === operation.resource) ?? ofKind[0];
}

function compareParameters(ctx: CheckContext, operation: ModelOperation, service: CsdlOperation, key: string): MetadataFinding[] {
  const out: MetadataFinding[] = [];
  const byName = new Map(service.parameters.map((p) => [p.name, p]));
  for (const parameter of operation.parameters) {
    const match = byName.get(parameter.name);
    if (!match) {
      out.push({
        ruleId: 'metadata-operation-mismatch',
        at: parameter.source,
        key: `${key}.${parameter.name}`,
        message: `Unexpected parameter \`${parameter.name}\` of ${service.kind} \`${service.name}\`, expected one the service's metadata declares${didYouMean(parameter.name, byName.keys())}`,
      });
    } else if (parameter.type && !sameType(parameter.type, match.type)) {
      out.push({ ...typeMismatch(ctx, key, parameter.name, parameter.type, match, parameter.source), ruleId: 'metadata-operation-mismatch' });
    }
  }
  const documented = new Set(operation.parameters.map((p) => p.name));
  const table = operation.parameters[0] && operation.parameters[0].source.line > 2 ? { ...operation.parameters[0].source, line: operation.parameters[0].source.line - 2 } : operation.source;
  for (const parameter of service.parameters) {
    if (documented.has(parameter.name)) continue;
    out.push({
      ruleId: 'metadata-operation-mismatch',
      at: table,
      key: `${key}.${parameter.name}`,
      message: `Unexpected parameters of ${service.kind} \`${service.name}\` without \`${parameter.name}\` (${typeText(parameter.type)}), expected every parameter the service's metadata declares`,
    });
  }
  return out;
}

function compareReturn(ctx: CheckContext, operation: ModelOperation, service: CsdlOperation, key: string): MetadataFinding[] {
  const doc: TypeRef | null = operation.response.type;
  const expected = service.returnType;
  // A page that names no type is only wrong when it says the operation returns nothing (204).
  if (doc === null && (expected === null || operation.response.status !== 204)) return [];
  if (doc !== null && expected !== null && sameType(doc, expected)) return [];
  const at: SourceRef = ctx.page(operation.source.file)?.operations.find((o) => o.source.line === operation.source.line)?.response?.source ?? operation.source;
  const said = doc === null ? 'no return type' : `return type \`${typeText(doc)}\``;
  return [{ ruleId: 'metadata-operation-mismatch', at, key: `${key}:return`, message: `Unexpected ${said} of ${service.kind} \`${service.name}\`, expected ${expected === null ? 'none' : `\`${typeText(expected)}\``} as the service's metadata declares` }];
}
