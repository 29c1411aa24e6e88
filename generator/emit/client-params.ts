/**
 * An operation's documented paths → its `Params` type and the expression that
 * picks the path: one interface for one path; for several, a union with one
 * object type per path (its keys required, the other paths' keys `?: undefined`),
 * and a conditional that calls the first path, most parameters first, whose
 * parameters are all given.
 */
import type { InterfaceDeclarationStructure, TypeAliasDeclarationStructure } from 'ts-morph';
import { StructureKind } from './ts-morph-values.js';
import type { OperationPlan, PathPlan } from './client-plan.js';
import { templateText } from './client-path.js';
import { propertyKey } from './naming.js';
import { inertDocText } from './ts-print.js';

const tick = (text: string): string => '\u0060' + text + '\u0060';

/** Whether the function takes a params argument: some path has a parameter. */
export function hasParams(plan: OperationPlan): boolean {
  return plan.paths.some((path) => path.members.length > 0);
}

/** Whether params may be left out: one of the paths has no parameter. */
export function paramsMayBeOmitted(plan: OperationPlan): boolean {
  return plan.paths.some((path) => path.members.length === 0);
}

/** `{ userId, id }`: the keys that pick a path. */
export function keysText(path: PathPlan): string {
  return path.members.length === 0 ? 'none' : tick(`{ ${path.members.map(({ key }) => key).join(', ')} }`);
}

export function paramsStructure(plan: OperationPlan, name: string): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const [only, ...more] = plan.paths;
  if (only && more.length === 0) {
    return {
      kind: StructureKind.Interface,
      isExported: true,
      name,
      docs: [inertDocText(`Path parameters of ${tick(plan.functionName)}.`)],
      properties: only.members.map(({ key, wire, type }) => ({ name: propertyKey(key), type, docs: [inertDocText(`${tick(`{${wire}}`)} in the path.`)] })),
    };
  }
  const allKeys = [...new Set(plan.paths.flatMap((path) => path.members.map(({ key }) => key)))];
  const members = plan.paths.map((path) => {
    const own = new Map(path.members.map((member) => [member.key, member]));
    const fields = allKeys.map((key) => {
      const member = own.get(key);
      return member ? `/** ${inertDocText(`${tick(`{${member.wire}}`)} in the path.`)} */ ${propertyKey(key)}: ${member.type}` : `${propertyKey(key)}?: undefined`;
    });
    return `{ ${fields.join('; ')} }`;
  });
  const lines = [`Path parameters of ${tick(plan.functionName)}: those of one documented path (the first whose parameters are all given is called).`];
  for (const path of plan.paths) lines.push(`- ${keysText(path)}: ${tick(`${plan.method} ${path.template.display}`)}`);
  return { kind: StructureKind.TypeAlias, isExported: true, name, docs: [inertDocText(lines.join('\n'))], type: members.join(' | ') };
}

/**
 * The request path: `runtime.path` of the one path, or a conditional over the paths
 * (ending in `runtime.noPath`, which throws, when every path has a parameter).
 */
export function pathExpression(plan: OperationPlan, runtime: string, optional: boolean): string {
  const template = (path: PathPlan): string => `${runtime}.path${tick(templateText(path.template, 'params'))}`;
  const [only, ...more] = plan.paths;
  if (only && more.length === 0) return template(only);
  let out = '';
  for (const path of plan.paths) {
    if (path.members.length === 0) return out + template(path);
    const given = path.members.map(({ key }, index) => `params${optional && index === 0 ? '?.' : '.'}${key} !== undefined`);
    out += `${given.join(' && ')} ? ${template(path)} : `;
  }
  const wanted = plan.paths.map((path) => `{ ${path.members.map(({ key }) => key).join(', ')} }`).join(' or ');
  return `${out}${runtime}.noPath(${JSON.stringify(plan.functionName)}, ${JSON.stringify(wanted)})`;
}
