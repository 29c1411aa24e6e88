/**
 * Function parameters written in the request path: `.../filterByCurrentUser(on='reviewer')`,
 * `getEmailActivityCounts(period='{period_value}')`, `resizedRange(deltaRows={n}, deltaColumns={n})`.
 * A quoted value is a string; `true`/`false` a Boolean; digits an Int32; an
 * unquoted placeholder says no type. Only names the parameter table does not
 * list are added, after its rows; a table row without a type takes the path's.
 */
import type { HttpRequestFacts, ParameterFacts, TypeRefFacts } from './facts.js';
import { readTypeText } from './type-cell.js';

/** The parameters of the function call that ends each path, first path first, each name once. */
export function pathFunctionParameters(requests: readonly HttpRequestFacts[]): ParameterFacts[] {
  const out = new Map<string, ParameterFacts>();
  for (const request of requests) {
    const call = /\/[A-Za-z][\w.]*\(([^()]*)\)\/?$/.exec(request.path.replace(/\?.*$/, ''));
    if (!call?.[1]) continue;
    for (const argument of call[1].split(',')) {
      const pair = /^\s*([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/.exec(argument);
      if (!pair || out.has(pair[1]!)) continue;
      out.set(pair[1]!, { name: pair[1]!, type: literalType(pair[2]!), description: '', from: 'path', source: request.source });
    }
  }
  return [...out.values()];
}

function literalType(value: string): TypeRefFacts | null {
  if (/^'.*'$/.test(value)) return readTypeText('String').type;
  if (/^(true|false)$/i.test(value)) return readTypeText('Boolean').type;
  if (/^-?\d+$/.test(value)) return readTypeText('Int32').type;
  return null;
}

/** The table's parameters, completed by those the path writes. */
export function withPathParameters(table: ParameterFacts[], path: ParameterFacts[]): ParameterFacts[] {
  const fromPath = new Map(path.map((parameter) => [parameter.name.toLowerCase(), parameter]));
  const listed = table.map((parameter) => {
    const written = fromPath.get(parameter.name.toLowerCase());
    return parameter.type === null && written?.type ? { ...parameter, type: written.type } : parameter;
  });
  const names = new Set(table.map((parameter) => parameter.name.toLowerCase()));
  return [...listed, ...path.filter((parameter) => !names.has(parameter.name.toLowerCase()))];
}
