/**
 * One operation plan → ts-morph structures: its request and response types,
 * its client function and the function's `.request` builder, in that order.
 */
import type {
  FunctionDeclarationStructure,
  InterfaceDeclarationStructure,
  OptionalKind,
  ParameterDeclarationStructure,
  PropertySignatureStructure,
  TypeAliasDeclarationStructure,
} from 'ts-morph';
import { StructureKind } from './ts-morph-values.js';
import type { Member, OperationPlan } from './client-plan.js';
import { hasParams, keysText, paramsMayBeOmitted, paramsStructure, pathExpression } from './client-params.js';
import { propertyKey } from './naming.js';
import { inertDocText } from './ts-print.js';

export type OperationStructure = InterfaceDeclarationStructure | TypeAliasDeclarationStructure | FunctionDeclarationStructure | string;

/**
 * Type names are `<TypePrefix><Suffix>`. Operation names are unique and no
 * suffix ends with another, so two operations can never produce the same name.
 */
const SUFFIX = { params: 'Params', body: 'Body', query: 'Query', result: 'Result' } as const;

/** The types, the function (which sends) and its `.request` (which builds the call without sending). */
export function operationStructures(plan: OperationPlan, runtime: string): OperationStructure[] {
  const out: OperationStructure[] = [];
  const name = (suffix: keyof typeof SUFFIX): string => plan.typePrefix + SUFFIX[suffix];
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = [];

  if (hasParams(plan)) {
    out.push(paramsStructure(plan, name('params')));
    parameters.push({ name: 'params', type: name('params') });
  }
  const { body, query, result } = plan;
  if (body) {
    const docs = `Request body of ${code(plan.functionName)}.`;
    if (body.kind === 'members') out.push(anInterface(name('body'), docs, body.members));
    else out.push(alias(name('body'), docs, body.kind === 'open' ? 'Record<string, unknown>' : body.partial ? `Partial<${body.type}>` : body.type));
    parameters.push({ name: 'body', type: name('body'), hasQuestionToken: body.optional });
  }
  if (query) {
    const docs = `Query options of ${code(plan.functionName)}.`;
    const base = `${runtime}.QueryOptions<${query.element}>`;
    out.push(query.extra.length > 0 ? { ...anInterface(name('query'), docs, query.extra), extends: [base] } : alias(name('query'), docs, base));
    parameters.push({ name: 'query', type: name('query'), hasQuestionToken: !query.required });
  }
  out.push(alias(name('result'), `What ${code(plan.functionName)} resolves to.`, result.type));
  parameters.push({ name: 'options', type: `${runtime}.RequestOptions`, hasQuestionToken: true });
  // params may be left out when a path needs none and nothing after it is required.
  const first = parameters[0];
  if (first?.name === 'params' && paramsMayBeOmitted(plan) && parameters.every((parameter) => parameter === first || parameter.hasQuestionToken)) first.hasQuestionToken = true;

  const call = [
    `operation: ${JSON.stringify(plan.functionName)}`,
    `method: ${JSON.stringify(plan.method)}`,
    `path: ${pathExpression(plan, runtime, first?.name === 'params' && first.hasQuestionToken === true)}`,
    ...(query ? ['query'] : []),
    ...(body ? ['body'] : []),
    ...(body?.kind === 'model' ? [`bodyType: ${JSON.stringify(body.fullName)}`] : []),
    ...(body?.kind === 'model' && body.partial ? ['partialBody: true'] : []),
    `responseType: ${JSON.stringify(result.responseType)}`,
    'options',
  ];
  const names = parameters.map((parameter) => parameter.name).join(', ');
  out.push({
    kind: StructureKind.Function,
    isExported: true,
    isAsync: true,
    name: plan.functionName,
    docs: [functionDocs(plan, runtime)],
    parameters: [{ name: 'client', type: `${runtime}.GraphClient` }, ...parameters],
    returnType: `Promise<${name('result')}>`,
    statements: [`return ${runtime}.send(client, ${plan.functionName}.request(${names}));`],
  });
  const signature = parameters.map((parameter) => `${parameter.name}${parameter.hasQuestionToken ? '?' : ''}: ${String(parameter.type)}`).join(', ');
  out.push(
    [
      `/** The request ${code(plan.functionName)} sends, built without sending: for ${code(`${runtime}.batch`)}, or ${code(`${runtime}.send`)} with any client. */`,
      `${plan.functionName}.request = (${signature}): ${runtime}.Call<${name('result')}> => ({ ${call.join(', ')} });`,
    ].join('\n'),
  );
  return out;
}

function code(text: string): string {
  return '\u0060' + text + '\u0060';
}

function anInterface(name: string, docs: string, members: Member[]): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name,
    docs: [inertDocText(docs)],
    properties: members.map(property),
  };
}

function property(member: Member): OptionalKind<PropertySignatureStructure> {
  const docs = member.description.trim();
  return {
    name: propertyKey(member.wire),
    type: member.type,
    hasQuestionToken: !member.required,
    ...(docs ? { docs: [inertDocText(docs)] } : {}),
  };
}

function alias(name: string, docs: string, type: string): TypeAliasDeclarationStructure {
  return { kind: StructureKind.TypeAlias, isExported: true, name, docs: [inertDocText(docs)], type };
}

/** Title, description, HTTP request, other paths, permissions, documented query options, source. */
function functionDocs(plan: OperationPlan, runtime: string): string {
  const { operation } = plan;
  const lines: string[] = [operation.title.trim() || plan.functionName];
  if (operation.description.trim()) lines.push('', operation.description.trim());
  const [only, ...more] = plan.paths;
  if (only && more.length === 0) lines.push('', code(`${plan.method} ${only.template.display}`));
  else {
    lines.push('', 'Documented paths (the first whose parameters are all given is called):');
    for (const path of plan.paths) lines.push(`- ${code(`${plan.method} ${path.template.display}`)}: params ${keysText(path)}`);
  }
  if (plan.unreachable.length > 0) {
    lines.push('', `Also documented, with the same parameters as a path above (not called by this function; use ${code(`${runtime}.send`)} with ${code(`${runtime}.path`)}):`);
    for (const other of plan.unreachable) lines.push(`- ${code(`${plan.method} ${other.display}`)} (same parameters as ${code(other.sameAs)})`);
  }
  if (operation.permissions.length > 0) {
    lines.push('', 'Permissions (least to most privileged):');
    for (const { type, permissions, higherPrivileged, resource } of operation.permissions) {
      const higher = higherPrivileged && higherPrivileged.length > 0 ? `; higher privileged: ${higherPrivileged.join(', ')}` : '';
      lines.push(`- ${resource ? `${resource}, ` : ''}${type}: ${permissions.length > 0 ? permissions.join(', ') : 'not supported'}${higher}`);
    }
  }
  if (operation.queryParameters.length > 0) lines.push('', `Documented query options: ${operation.queryParameters.join(', ')}`);
  lines.push('', `Source: ${operation.source.file}:${operation.source.line}`);
  return inertDocText(lines.join('\n'));
}
