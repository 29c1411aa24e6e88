/**
 * Keys naming what a generated file depends on (`PlannedFile.dependsOn`): a
 * type by full name, an operation by id, or the whole model. The incremental
 * engine compares them with what an edit changed.
 */

/** `dependsOn` of a file that may read any type or operation. */
export const ALL_MODEL = '*';

export function typeKey(fullName: string): string {
  return `type:${fullName}`;
}

export function operationKey(id: string): string {
  return `operation:${id}`;
}
