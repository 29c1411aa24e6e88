/** Small readers of the example walk's JSON nodes and the words of its messages (example-walk.ts). */
import type { Node } from 'jsonc-parser';
import type { ModelType } from '../model/ir.js';
import { keyOf } from './json-locate.js';

export function property(object: Node, name: string): Node | undefined {
  return object.children?.find((member) => keyOf(member) === name)?.children?.[1];
}

export function topLevelOdataType(root: Node): string | undefined {
  const value = root.type === 'object' ? property(root, '@odata.type') : undefined;
  return value?.type === 'string' ? String(value.value) : undefined;
}

export function onlyAnnotationsBeside(root: Node): boolean {
  return (root.children ?? []).every((member) => {
    const name = keyOf(member);
    return name === 'value' || name?.includes('@');
  });
}

export function describe(node: Node): string {
  if (node.type === 'string') return `string \`${clip(JSON.stringify(node.value))}\``;
  if (node.type === 'number' || node.type === 'boolean') return `${node.type} \`${String(node.value)}\``;
  return node.type;
}

export function labelOfType(type: ModelType): string {
  return type.namespace ? type.fullName : type.name;
}

export function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}..."` : text;
}
