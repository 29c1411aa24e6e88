/**
 * What a create or update page's example request path says its body is, when that is not the page's resource:
 * the parameters of an action another page of the version documents at that path (a group post's `/reply` on the
 * create-open-extension page, body `{"post": ...}`), or the type of the resource property the path ends in (beta
 * onpremisespublishingprofile-update PATCHes `.../hybridAgentUpdaterConfiguration` with that object's keys).
 */
import type { ModelOperation, ModelType } from '../model/ir.js';
import type { CheckContext } from './context.js';
import type { ExampleMessage } from './examples.js';
import { readExampleUrl, requestsMatching } from './request-path.js';
import type { TypeIndex } from './type-index.js';

export type PathBody = { action: ModelOperation } | { type: ModelType };

export function pathBody(ctx: CheckContext, item: ExampleMessage, index: TypeIndex, resource: ModelType | undefined): PathBody | undefined {
  const url = item.example.request?.url;
  if (item.role !== 'request' || !url || (item.linked?.kind !== 'create' && item.linked?.kind !== 'update')) return undefined;
  const last = readExampleUrl(url).path.split('/').pop() ?? ''; // lower case
  const actions = ctx.memo(`actions:${index.apiVersion}`, () => ctx.model.operations.filter((o) => o.apiVersion === index.apiVersion && o.kind === 'action' && o.parameters.length > 0));
  const action = actions.find((o) => o.paths.some((path) => path.toLowerCase().endsWith(`/${last}`)) && requestsMatching(o.paths.map((path) => ({ path })), url).length > 0);
  if (action) return { action };
  const prop = resource && item.linked.kind === 'update' ? [...index.properties(resource).values()].find((p) => p.name.toLowerCase() === last) : undefined;
  const type = prop && !prop.type.isCollection ? index.get(prop.type.name) : undefined;
  return type && type.kind !== 'enum' && type.kind !== 'unresolved' ? { type } : undefined;
}
