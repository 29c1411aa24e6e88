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

function readYaml(text: string): { values: Record<string, string>; error?: string } {
  const plain = plainLines(text);
  if (plain) return { values: plain };
  try {
    return { values: flattenScalars(parseYaml(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'error' })) };
  } catch (error) {
    return { values: readLoosely(text), error: firstLine(error) };
  }
}

/**
 * Front matter made only of `key: value` lines (98% of the corpus's pages), read without the YAML parser,
 * which took a tenth of extraction: each value plain (starting with a letter, no `:` or `#`, not a YAML
 * keyword) or quoted without escapes, keys not repeated. Undefined for anything else, which `yaml` reads.
 * `test/parse/frontmatter.test.ts` holds it to `yaml` on every corpus page.
 */
export function plainLines(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = PLAIN_LINE.exec(line);
    if (!match || Object.hasOwn(out, match[1]!)) return undefined;
    const value = match[2] ?? match[3] ?? match[4];
    if (match[4] !== undefined && YAML_KEYWORD.test(value!)) return undefined;
    if (value !== undefined) out[match[1]!] = value.trim();
  }
  return out;
}

const PLAIN_LINE = /^([A-Za-z_][\w.-]*):(?:[ \t]+(?:"([^"\\]*)"|'([^']*)'|([A-Za-z][^:#\r\n]*?)))?[ \t]*$/;
const YAML_KEYWORD = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;

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
