/**
 * The TypeScript type of one property: primitive mapping, the referenced
 * type (its union when it has derived types), array for collections and
 * `| null` per the nullability rule of `type-map.ts`.
 */
import type { ModelProperty, ModelType } from '../model/ir.js';
import { isNullable, isPrimitiveName, primitiveMapping, referencedTypeName } from './type-map.js';

export interface PropertyTypeText {
  text: string;
  /** A doc note when the type could not be expressed (undocumented type). */
  note?: string;
}

/** `reference(fullName)` gives the identifier to use (and records its import), or undefined when the type has none. */
export function propertyTypeText(
  owner: ModelType,
  property: ModelProperty,
  typeIndex: ReadonlyMap<string, ModelType>,
  reference: (fullName: string) => string | undefined,
): PropertyTypeText {
  const { isCollection } = property.type;
  const name = referencedTypeName(property.type.name);
  let element: string;
  let note: string | undefined;
  if (isPrimitiveName(name)) {
    element = primitiveMapping(name).ts;
  } else {
    const target = typeIndex.get(name);
    const identifier = target && target.kind !== 'unresolved' ? reference(name) : undefined;
    if (identifier === undefined) {
      element = 'unknown';
      note = `Type \`${name}\` is not documented, so this property is typed \`unknown\`.`;
    } else {
      element = identifier;
    }
  }
  let text = isCollection ? `${element.includes(' ') ? `(${element})` : element}[]` : element;
  if (element !== 'unknown' || isCollection) {
    if (isNullable(owner, property)) text = `${text} | null`;
  }
  return note === undefined ? { text } : { text, note };
}
