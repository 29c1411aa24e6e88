/**
 * Rows of a request-body or parameter table (`|Property|Type|Description|`,
 * `|Parameter|Type|Description|`, optionally `|Required|`) as PropertyFacts.
 */
import type { InlineCode, Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ParameterFacts, PropertyFacts } from './facts.js';
import { at, report, type PageContext } from './context.js';
import { column, type Cell, type TableData } from './table.js';
import { reportContinuation, rowShape } from './table-rows.js';
import type { SourceRef } from '../model/diagnostic.js';
import { readTypeNode } from './type-cell.js';

export interface PropertyColumns {
  name: number;
  type: number;
  description: number;
  required: number;
}

/** Column layout of a property/parameter table, or null when the table is something else. */
export function propertyColumns(table: TableData): PropertyColumns | null {
  const name = column(table.header, /^(property|parameter|name|field|key)\b/);
  const type = column(table.header, /^(data\s*)?type\b/);
  const description = column(table.header, /^description\b/, /^(remarks|notes?|value)\b/);
  if (name < 0 || (type < 0 && description < 0)) return null;
  return { name, type, description, required: column(table.header, /^(required|optional|mandatory)\b/) };
}

export function readPropertyRows(ctx: PageContext, table: TableData, columns: PropertyColumns): PropertyFacts[] {
  const out: PropertyFacts[] = [];
  table.rows.forEach((row, r) => {
    const shape = rowShape(ctx, table.rowNodes[r], row, table.header.length);
    const previous = out[out.length - 1];
    if (shape === 'continuation' && previous) {
      reportContinuation(ctx, table.rowNodes[r]);
      previous.description = `${previous.description} ${row.find((cell) => cell.text !== '')?.text ?? ''}`.trim();
      return;
    }
    if (shape === 'row' || shape === 'continuation') {
      const property = readPropertyRow(ctx, row, columns, at(ctx, table.rowNodes[r]));
      if (property) out.push(property);
    }
  });
  return out;
}

function readPropertyRow(ctx: PageContext, row: Cell[], columns: PropertyColumns, source: SourceRef): PropertyFacts | null {
  const name = (row[columns.name]?.text ?? '').replace(/[`*\\]/g, '').replace(/(?:(?<!\s)\s+)?\([^()]*\)$/, '').trim();
  if (name === '') {
    report(ctx, 'table-malformed', 'warning', 'Unexpected table row without a name, expected a property or parameter name in the first column', source);
    return null;
  }
  const typeCell = row[columns.type];
  const read = typeCell ? readTypeNode(typeCell.node, ctx.definitions) : undefined;
  if (read?.problem && typeCell) {
    report(ctx, 'type-cell-invalid', 'warning', `Unexpected type cell \`${typeCell.text}\` for \`${name}\`, expected a type name such as String or a linked type`, at(ctx, typeCell.node));
  }
  const descriptionCell = row[columns.description];
  const description = descriptionCell?.text ?? '';
  const property: PropertyFacts = {
    name,
    type: read?.type ?? { raw: '', name: 'Edm.Untyped', isCollection: false, isPrimitive: true },
    description,
    source,
  };
  if (!read || read.problem) property.typeUnknown = true;
  const values = descriptionCell ? possibleValues(descriptionCell.node) : [];
  if (values.length > 0) property.possibleValues = values;
  const required = requiredFrom(row[columns.required]?.text, description);
  if (required !== undefined) property.required = required;
  return property;
}

export function toParameter(property: PropertyFacts): ParameterFacts {
  const parameter: ParameterFacts = {
    name: property.name,
    type: property.typeUnknown && property.type.raw === '' ? null : property.type,
    description: property.description,
    source: property.source,
  };
  if (property.required !== undefined) parameter.required = property.required;
  return parameter;
}

/** A Required column's yes/no, else "Required." / "Optional." in the description. */
export function requiredFrom(columnText: string | undefined, description: string): boolean | undefined {
  if (columnText !== undefined && columnText !== '') {
    if (/^(yes|true|required|y|✓|x)\b/i.test(columnText)) return true;
    if (/^(no|false|optional|n)\b/i.test(columnText)) return false;
  }
  if (/\bnot required\b/i.test(description)) return false;
  const marker = /(?:^|[.;]\s+|\(\s*)(Required|Optional)\b/.exec(description) ?? /\b(Required|Optional)\.?\s*$/.exec(description);
  if (marker) return marker[1] === 'Required';
  return undefined;
}

/** Inline-code values after "Possible values" in a description cell. */
function possibleValues(node: Nodes): string[] {
  const values: string[] = [];
  let after = false;
  visit(node, (child) => {
    if (child.type === 'text' && /possible values|supported values|allowed values/i.test(child.value)) after = true;
    if (after && child.type === 'inlineCode') values.push((child as InlineCode).value.trim());
  });
  return values.filter((value) => value !== '');
}
