/**
 * The one reader of property tables: `|Property|Type|Description|` and
 * `|Relationship|Type|Description|` tables of resource pages, and the
 * `|Property|Type|Description|` / `|Parameter|Type|Description|` tables (maybe
 * with `|Required|`) of request bodies and parameter sections on API pages.
 * One column detection, one row grouping (`table-rows.ts`), one reading of
 * names, types, required flags and possible values, one code per fault.
 */
import type { TableCell, TableRow } from 'mdast';
import type { TableData } from './table.js';
import { column } from './table.js';
import type { ParameterFacts, PropertyFacts, TypeRefFacts } from './facts.js';
import { at, report, type PageContext } from './context.js';
import { readTypeNode } from './type-cell.js';
import { logicalRows } from './table-rows.js';
import { readPossibleValues } from './possible-values.js';
import { readPropertyHints, readRequiredColumn } from './property-hints.js';

export interface PropertyColumns {
  /** Index of the name column; `named` says whether its header says so. */
  name: number;
  named: boolean;
  type: number;
  description: number;
  required: number;
}

/** Which columns hold what, from the header (lower-cased cell texts). */
export function propertyColumns(header: string[]): PropertyColumns {
  const type = column(header, /^(?:data\s*)?type$/, /^(?:data\s*)?type\b/, /\btype\b/);
  const namedAt = column(
    header,
    /^(?:property|parameter|relationship|navigation property|attribute|field|key)(?:\s+name)?$/,
    /^name$/,
    /^(?:property|parameter|name|field|key)\b/,
    /\bpropert(?:y|ies)\b/,
    /\brelationships?\b/,
  );
  const named = namedAt >= 0 && namedAt !== type;
  return {
    name: named ? namedAt : type === 0 ? -1 : 0,
    named,
    type,
    description: column(header, /\bdescription\b/, /^(?:remarks|notes?|details|comments?|value)\b/),
    required: column(header, /^(?:is\s+)?(?:required|optional|mandatory)\b/),
  };
}

/**
 * Whether a table lists properties. `loose` (a table directly in a Properties or
 * Relationships section) accepts a table whose header names either the property or
 * the type column; otherwise both are needed. `request` (a request body or parameter
 * section) needs a named name column and a type or description column.
 */
export function isPropertyTable(header: string[], where: 'loose' | 'strict' | 'request'): boolean {
  const columns = propertyColumns(header);
  if (columns.name < 0) return false;
  if (where === 'request') return columns.named && (columns.type >= 0 || columns.description >= 0);
  return where === 'loose' ? columns.named || columns.type > 0 : columns.named && columns.type >= 0;
}

export interface ReadOptions {
  /**
   * Rows naming an OData annotation (`@odata.type`): a request body sends them, so
   * they are kept there; a resource's table lists them beside its properties, which
   * they are not (reported as `property-annotation-row` and skipped).
   */
  annotations: 'keep' | 'skip';
}

/** The header text after the name, where the Type column belongs: a misnamed one (`Value`) or the one to insert it before. */
function typeColumnSpot(table: TableData, name: number): TableData['node'] | TableCell['children'][number] | TableCell {
  const cell = table.node.children[0]?.children[name + 1];
  return cell?.children[0] ?? cell ?? table.node;
}

export function readPropertyTable(ctx: PageContext, table: TableData, options: ReadOptions = { annotations: 'skip' }): PropertyFacts[] {
  const columns = propertyColumns(table.header);
  // A two-column `Name | Value` table gives a body's fixed values (`extensionName` | `%unique_string%`), not property types.
  const valuesOnly = table.header.length === 2 && table.header[1] === 'value';
  if (columns.type < 0 && table.rows.length > 0 && !valuesOnly) {
    report(
      ctx,
      'property-type-missing',
      'warning',
      `Unexpected property table without a Type column (header: ${table.header.join(' | ')}), expected |Property|Type|Description|`,
      typeColumnSpot(table, columns.name),
    );
  }
  const out: PropertyFacts[] = [];
  for (const row of logicalRows(ctx, table, columns.description)) {
    const { cells, node } = row;
    const name = propertyName(cells[columns.name]?.text ?? '');
    if (name === '') {
      report(ctx, 'property-name-missing', 'warning', 'Unexpected table row without a property name, expected the name in the first column', node);
      continue;
    }
    const annotation = name.includes('@');
    if (annotation && options.annotations === 'skip') {
      // `@odata.type`, `@odata.etag`, `x@odata.mediaReadLink`: OData annotations the payload may carry, no properties.
      report(ctx, 'property-annotation-row', 'info', `Unexpected annotation \`${name}\` in a property table, expected a property name (read as no property)`, node);
      continue;
    }
    if (!annotation && !PROPERTY_NAME.test(name)) {
      report(ctx, 'property-name-invalid', 'warning', `Unexpected property name \`${name}\`, expected an identifier such as \`displayName\``, node);
      continue;
    }
    const typeCell = cells[columns.type]?.node;
    const { type, unknown } = readType(ctx, typeCell, columns.type >= 0, name, node);
    const marked = row.marked.join(' ');
    const property: PropertyFacts = {
      name,
      type,
      description: row.description.join(' '),
      source: at(ctx, node),
      ...readPropertyHints(marked),
    };
    const written = typeCell?.children.find((child) => !(child.type === 'text' && child.value.trim() === ''));
    if (written?.position) property.typeSource = at(ctx, written);
    if (unknown) property.typeUnknown = true;
    const required = columns.required >= 0 ? readRequiredColumn(cells[columns.required]?.text ?? '') : undefined;
    if (required !== undefined) property.required = required;
    const values = readPossibleValues(marked);
    if (values.length > 0) property.possibleValues = values;
    out.push(property);
  }
  return out;
}

function readType(
  ctx: PageContext,
  cell: Parameters<typeof readTypeNode>[0] | undefined,
  hasColumn: boolean,
  name: string,
  row: TableRow,
): { type: TypeRefFacts; unknown: boolean } {
  const { type, problem } = cell
    ? readTypeNode(cell, ctx.definitions)
    : { type: { raw: '', name: 'Edm.Untyped', isCollection: false, isPrimitive: true }, problem: 'empty type cell' };
  if (problem === 'empty type cell') {
    if (hasColumn) {
      report(ctx, 'property-type-missing', 'warning', `Unexpected empty type cell for property \`${name}\`, expected a type such as String or [x](x.md)`, cell ?? row);
    }
  } else if (problem) {
    report(ctx, 'property-type-invalid', 'warning', `Unexpected type ${problem.replace(/ is not a type$/, '')} for property \`${name}\`, expected a type name`, cell ?? row);
  }
  return { type, unknown: problem !== undefined };
}

/** A property name as OData defines it (a SimpleIdentifier): no `/`, spaces or braces, as in a path `file/localizations/{id}`. */
const PROPERTY_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/**
 * The property name as the cell writes it, less decoration: `**id**`, `` `id` ``
 * and `id\_x` are already plain in the cell text; stray backticks and backslashes,
 * footnote marks and a trailing note in parentheses are dropped.
 */
export function propertyName(text: string): string {
  return text
    .replace(/(?:(?<!\s)\s+)?\([^()]*\)\s*$/, '')
    .replace(/[*`\\\u200b\u00a0]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A parameter row as the operation's parameter: an unknown type with an empty cell is no type. */
export function toParameter(property: PropertyFacts): ParameterFacts {
  const parameter: ParameterFacts = {
    name: property.name,
    type: property.typeUnknown && property.type.raw === '' ? null : property.type,
    description: property.description,
    from: 'table',
    source: property.source,
  };
  if (property.required !== undefined) parameter.required = property.required;
  return parameter;
}
