/** Reads the YAML front matter node of a page into a flat record of strings. */
import type { Root, Yaml } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { diagnostic, sourceOf, type Diagnostic } from '../model/diagnostic.js';

export interface FrontMatter {
  values: Record<string, string>;
  node: Yaml | null;
}

export function readFrontMatter(tree: Root, file: string, diagnostics: Diagnostic[]): FrontMatter {
  const node = tree.children[0]?.type === 'yaml' ? tree.children[0] : null;
  if (!node) return { values: {}, node: null };
  const read = readYaml(node.value);
  if (read.error !== undefined) {
    diagnostics.push(
      diagnostic(
        'front-matter-invalid',
        'warning',
        `Unexpected front matter that is not valid YAML (${read.error}), expected \`key: value\` lines`,
        sourceOf(file, node),
      ),
    );
  }
  return { values: { ...read.values }, node };
}

/** Front matter read so far in this thread, by its text: a beta page and its v1.0 twin mostly share theirs. */
const known = new Map<string, { values: Record<string, string>; error?: string }>();
const KNOWN_ENTRIES = 4096;

function readYaml(text: string): { values: Record<string, string>; error?: string } {
  let read = known.get(text);
  if (read) return read;
  try {
    read = { values: flattenScalars(parseYaml(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' })) };
  } catch (error) {
    read = { values: readLoosely(text), error: firstLine(error) };
  }
  if (known.size >= KNOWN_ENTRIES) known.clear();
  known.set(text, read);
  return read;
}

function flattenScalars(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean') {
      out[key] = String(entry).trim();
    }
  }
  return out;
}

/** Best effort for front matter YAML rejects: `key: value` per line. */
function readLoosely(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([A-Za-z_][\w.-]*)\s*:\s*(.*)$/.exec(line);
    if (match?.[1]) out[match[1]] = unquote((match[2] ?? '').trim());
  }
  return out;
}

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value);
  return match ? (match[2] ?? '') : value;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
