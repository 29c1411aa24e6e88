/**
 * Include lines put in place: a paragraph made of `[!INCLUDE [label](path)]`
 * lines is replaced by the trees of the files it includes, read as if they
 * stood there. Every node of an included tree carries the include file's path
 * (`data.sourceFile`, read by `sourceOf`) and its own line:column, so facts and
 * diagnostics from it point into the include. Offsets are dropped from those
 * nodes: they count in the include's text, not the page's. One level deep:
 * include lines inside an include are not followed.
 *
 * A missing include that would hold facts (permissions) is reported at its
 * line; SDK snippets and notes are left as they are.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { diagnostic, sourceOf, type Diagnostic } from '../model/diagnostic.js';
import { holdsFacts, includeLine, readsInclude, type IncludeLine, type IncludeTexts } from '../parse/includes.js';

declare module 'unist' {
  interface Data {
    /** The include file a node was read from, relative to the input root. */
    sourceFile?: string;
  }
}

export interface IncludeOptions {
  /** The page, relative to the input root. */
  file: string;
  /** Texts of the include files read for the page, by file. */
  includes: IncludeTexts;
  /** Parses an include's text (`file` for its diagnostics). */
  parse: (text: string, file: string) => Root;
  diagnostics: Diagnostic[];
}

export function spliceIncludes(tree: Root, options: IncludeOptions): void {
  const children: RootContent[] = [];
  for (const node of tree.children) {
    const lines = node.type === 'paragraph' ? includeParagraph(node, options.file) : undefined;
    if (!lines) {
      children.push(node);
      continue;
    }
    const read = lines.filter(readsInclude);
    for (const include of read) {
      const text = options.includes[include.file!];
      if (text !== undefined) children.push(...included(options.parse(text, include.file!), include.file!));
      else if (holdsFacts(include)) {
        const message = `Unexpected missing include \`${include.href}\`, expected the file ${include.file} in the input (its permissions are not read)`;
        options.diagnostics.push(diagnostic('include-missing', 'warning', message, sourceOf(options.file, node)));
      }
    }
    if (read.length === 0 || read.some((include) => options.includes[include.file!] === undefined)) children.push(node);
  }
  tree.children = children;
}

/** The include lines a paragraph is made of, or undefined when it holds anything else. */
function includeParagraph(paragraph: Paragraph, page: string): IncludeLine[] | undefined {
  let written = '';
  for (const part of paragraph.children) {
    if (part.type === 'text') written += part.value;
    else if (part.type === 'link') written += `[${toString(part)}](${part.url})`;
    else return undefined;
  }
  if (!/^\s*\[!INCLUDE/i.test(written)) return undefined;
  const lines: IncludeLine[] = [];
  const rest = written.replace(INCLUDE_LINE, (_, label: string, href: string) => {
    lines.push(includeLine(label.trim(), href, page));
    return '';
  });
  return lines.length > 0 && rest.trim() === '' ? lines : undefined;
}

const INCLUDE_LINE = /\s*\[!INCLUDE\s*\[([^\]\n]*)\]\(([^)\s]*)\)\]\s*/gi;

/** The included tree's blocks, each node marked with the include file and without offsets. */
function included(tree: Root, file: string): RootContent[] {
  visit(tree, (node) => {
    node.data = { ...node.data, sourceFile: file };
    if (node.position) {
      node.position.start.offset = undefined;
      node.position.end.offset = undefined;
    }
  });
  return tree.children.filter((node) => node.type !== 'yaml');
}
