/**
 * Query parameters an operation supports: the OData system options (`$select`,
 * `$filter`, ...) its query-parameter section mentions in sentences that do
 * not deny support, plus the names in the first column of parameter tables
 * there (`| Parameter | Type | Description |`).
 */
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { contentOf, flattenBlocks } from './api-sections.js';
import { readTable } from './table.js';
import type { Section } from './sections.js';

const ODATA = /\$(select|filter|expand|top|skip|count|orderby|search|format|skiptoken|deltatoken|apply|compute|levels)\b/gi;
const DENIAL = /\b(not|n't)\s+(be\s+)?(supported|support|available|allowed|applicable)|\bunsupported\b/i;

export function readQueryParameters(sections: Section[]): string[] {
  const found = new Set<string>();
  for (const node of flattenBlocks(contentOf(sections, /query parameters?\b/i))) {
    if (node.type === 'table') {
      const table = readTable(node);
      if (!/^((query|odata) )?(parameter|name|param)s?\b/.test(table.header[0] ?? '')) continue;
      for (const row of table.rows) {
        const name = (row[0]?.text ?? '').replace(/[`*]/g, '').trim();
        if (/^\$?[A-Za-z][\w.-]*$/.test(name)) found.add(name);
      }
    } else if (node.type === 'paragraph' || node.type === 'heading') {
      for (const sentence of sentences(node)) {
        if (DENIAL.test(sentence)) continue;
        for (const match of sentence.matchAll(ODATA)) found.add(`$${(match[1] ?? '').toLowerCase()}`);
      }
    }
  }
  return [...found];
}

function sentences(node: Nodes): string[] {
  return toString(node)
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z[`*_$])/);
}
