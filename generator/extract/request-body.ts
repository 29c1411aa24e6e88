/**
 * The "Request body" section and the parameter sections of functions and
 * actions ("Function parameters", "Parameters"): their tables as rows.
 */
import type { Code, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { SourceRef } from '../model/diagnostic.js';
import type { BodyFacts, PropertyFacts, TypeRefFacts } from './facts.js';
import { at, report, type PageContext } from './context.js';
import { sentencesOf } from './sentences.js';
import { typeInSentence } from './response-section.js';
import { isBrokenTable, readTable } from './table.js';
import { contentOf, flattenBlocks, textOf } from './api-sections.js';
import { isPropertyTable, propertyColumns, readPropertyTable } from './property-table.js';
import { codeLineSource } from './code-position.js';
import { parseLooseJson } from './json-text.js';
import type { Section } from './sections.js';

export interface RequestBodyFacts {
  /** Rows of the request-body tables; null when the section has no table. */
  rows: PropertyFacts[] | null;
  /** The tables name their first column "Parameter" (an action's parameters). */
  parameterTable: boolean;
  /** The section says there is no body ("Do not supply a request body"). */
  none: boolean;
  /** The one object the prose says the body holds, whose properties the table lists ("provide a `passwordCredential` object with the following properties"). */
  named: NamedObject | null;
  /** The type the prose says the body is ("supply a JSON representation of a [user](../resources/user.md) object"), with the place of its link. */
  proseType: { type: TypeRefFacts; source: SourceRef } | null;
  /**
   * A JSON object the section itself shows when it has no table (`team: archive`:
   * "include the `shouldSetSpoSiteReadOnlyForMembers` parameter in a JSON body, as
   * follows"); null otherwise, or when it does not parse.
   */
  shown: BodyFacts | null;
}

export interface NamedObject {
  /** The object's name as the prose writes it in code, bold or a link. */
  name: string;
  /** The type a link names, when the name is linked. */
  type?: string;
  href?: string;
  isCollection: boolean;
  /** The prose calls it optional. */
  optional: boolean;
  sentence: string;
  source: SourceRef;
}

const NO_BODY = /\b(do not|don't|doesn't|does not|must not|should not|no need to) (supply|provide|specify|send|include|use)\b[^.]*\bbody\b|\bno request body\b|\brequest body is (not required|empty|not supported)\b|\bnot (supply|provide) a body\b/i;

export function readRequestBody(ctx: PageContext, sections: Section[]): RequestBodyFacts {
  const nodes = flattenBlocks(contentOf(sections, /^request body\b/i));
  const none = nodes.some((node) => node.type === 'paragraph' && NO_BODY.test(textOf(node)));
  const tables = readTables(ctx, nodes);
  const firstTable = nodes.findIndex((node) => node.type === 'table');
  const prose = nodes.slice(0, firstTable < 0 ? nodes.length : firstTable).filter((node): node is Paragraph => node.type === 'paragraph');
  return {
    rows: tables.rows,
    parameterTable: tables.parameterTable,
    none: none && tables.rows === null,
    named: tables.rows ? namedObject(ctx, prose) : null,
    proseType: proseType(ctx, prose),
    shown: tables.rows === null ? shownBody(ctx, nodes) : null,
  };
}

/** The section's first `json` code block, when it parses as an object (read quietly: it is prose, not an example). */
function shownBody(ctx: PageContext, nodes: ReturnType<typeof flattenBlocks>): BodyFacts | null {
  const code = nodes.find((node): node is Code => node.type === 'code' && /^json$/i.test(node.lang ?? ''));
  const json = code ? parseLooseJson(code.value) : undefined;
  if (!code || typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  return { raw: code.value, json, parsed: true, source: codeLineSource(ctx, code, 0, 0) };
}

/** "... a(n) [optional] `x` object with the following properties": the object, named in code, bold or a link. */
const NAMED_OBJECT = /\b(?:an?|the|one)\s+(optional\s+|required\s+)?([A-Za-z_][\w.]*)\s+(object|collection|array|resource)\b[^.]*?\b(following|these|below)\b/i;

function namedObject(ctx: PageContext, paragraphs: Paragraph[]): NamedObject | null {
  for (const paragraph of paragraphs) {
    const marked = new Map<string, { href?: string; node: Paragraph['children'][number] }>();
    visit(paragraph, (node) => {
      if (node.type === 'inlineCode') marked.set(node.value.trim(), { node });
      else if (node.type === 'strong' || node.type === 'emphasis') marked.set(toString(node).replace(/`/g, '').trim(), { node });
      else if (node.type === 'link') marked.set(toString(node).replace(/`/g, '').trim(), { href: node.url, node });
    });
    for (const sentence of sentencesOf(paragraph)) {
      const match = NAMED_OBJECT.exec(sentence.text);
      const found = match ? marked.get(match[2]!) : undefined;
      if (!match || !found || /^json$/i.test(match[2]!)) continue;
      const linked = found.href !== undefined && /(^|\/)[\w.-]+\.md(#.*)?$/i.test(found.href) ? { type: match[2]!, href: found.href } : {};
      return { name: match[2]!, ...linked, isCollection: match[3]!.toLowerCase() !== 'object' && match[3]!.toLowerCase() !== 'resource', optional: /^optional/i.test(match[1] ?? ''), sentence: sentence.text, source: at(ctx, found.node) };
    }
  }
  return null;
}

/** The first type a sentence of the prose before the table links ("a JSON representation of a [user](...) object"). */
function proseType(ctx: PageContext, paragraphs: Paragraph[]): { type: TypeRefFacts; source: SourceRef } | null {
  for (const paragraph of paragraphs) {
    for (const sentence of sentencesOf(paragraph)) {
      const found = typeInSentence(ctx, sentence);
      if (found?.link) return { type: found.type, source: at(ctx, found.link) };
    }
  }
  return null;
}

/** Rows of "Function parameters" / "Parameters" / "Action parameters" sections. */
export function readParameterSections(ctx: PageContext, sections: Section[]): PropertyFacts[] {
  const nodes = flattenBlocks(contentOf(sections, /^((function|action|method|request|body) )?parameters$/i));
  return readTables(ctx, nodes).rows ?? [];
}

function readTables(ctx: PageContext, nodes: ReturnType<typeof flattenBlocks>): { rows: PropertyFacts[] | null; parameterTable: boolean } {
  let rows: PropertyFacts[] | null = null;
  let parameterTable = false;
  for (const node of nodes) {
    if (isBrokenTable(node)) {
      report(ctx, 'table-malformed', 'warning', 'Unexpected pipe-separated lines that do not form a table, expected a property table with a delimiter row', node);
    }
    if (node.type !== 'table') continue;
    const table = readTable(node);
    if (!isPropertyTable(table.header, 'request')) continue;
    if (/^parameter/.test(table.header[propertyColumns(table.header).name] ?? '')) parameterTable = true;
    rows = [...(rows ?? []), ...readPropertyTable(ctx, table, { annotations: 'keep' })];
  }
  return { rows, parameterTable };
}
