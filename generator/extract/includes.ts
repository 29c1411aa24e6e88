/**
 * Include lines put in place: a paragraph made of `[!INCLUDE [label](path)]`
 * lines is replaced by the trees of the files it includes, read as if they
 * stood there. Every node of an included tree carries the include file's path
 * (`data.sourceFile`, read by `sourceOf`) and its own line:column, so facts and
 * diagnostics from it point into the include. Offsets are dropped from those
 * nodes: they count in the include's text, not the page's. Include lines are
 * found anywhere a paragraph can stand (block quotes, list items) and inside
 * included files (relative to the include file), up to `MAX_INCLUDE_DEPTH`
 * levels; a deeper one is `include-too-deep`, one that includes a file of its
 * own chain `include-cycle`, both reported at the include line and not followed.
 *
 * A missing include that would hold facts (permissions) is reported at its
 * line; SDK snippets and notes are left as they are.
 */
import type { Paragraph, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { diagnostic, sourceOf, type Diagnostic, type SourceRef } from '../model/diagnostic.js';
import { holdsFacts, includeLine, MAX_INCLUDE_DEPTH, readsInclude, type IncludeLine, type IncludeTexts } from '../parse/includes.js';

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
  spliceIn(tree, [options.file], options);
}

/**
 * Include paragraphs among a parent's children, at any depth (block quotes, list
 * items), replaced by the included blocks; the included trees are spliced in
 * turn, relative to their own file. `chain`: the page, then the includes that led here.
 */
function spliceIn(parent: Parent, chain: string[], options: IncludeOptions): void {
  const file = chain[chain.length - 1]!;
  const children: Parent['children'] = [];
  for (const node of parent.children) {
    const lines = node.type === 'paragraph' ? includeParagraph(node as Paragraph, file) : undefined;
    if (!lines) {
      if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') spliceIn(node as Parent, chain, options);
      children.push(node);
      continue;
    }
    const read = lines.filter(readsInclude);
    let kept = read.length === 0;
    for (const include of read) {
      const target = include.file!;
      const text = options.includes[target];
      const place = sourceOf(file, node);
      if (chain.includes(target)) {
        report(options, 'include-cycle', `Unexpected include \`${include.href}\` of ${target}, which includes this file again (${[...chain.slice(chain.indexOf(target)), target].join(' → ')}), expected includes that end (not followed)`, place);
        kept = true;
      } else if (chain.length > MAX_INCLUDE_DEPTH) {
        report(options, 'include-too-deep', `Unexpected include \`${include.href}\` nested ${chain.length} levels deep, expected at most ${MAX_INCLUDE_DEPTH} levels of includes (not followed)`, place);
        kept = true;
      } else if (text !== undefined) {
        const tree = options.parse(text, target);
        spliceIn(tree, [...chain, target], options);
        children.push(...(included(tree, target) as Parent['children']));
      } else {
        kept = true;
        if (holdsFacts(include)) {
          report(options, 'include-missing', `Unexpected missing include \`${include.href}\`, expected the file ${target} in the input (its permissions are not read)`, place);
        }
      }
    }
    if (kept) children.push(node);
  }
  parent.children = children;
}

function report(options: IncludeOptions, code: string, message: string, at: SourceRef): void {
  options.diagnostics.push(diagnostic(code, 'warning', message, at));
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

/** The included tree's blocks, each node marked with the include file it was read from and without offsets. */
function included(tree: Root, file: string): RootContent[] {
  visit(tree, (node) => {
    // Nodes of an include inside this one were marked first, with their own file.
    node.data = { ...node.data, sourceFile: node.data?.sourceFile ?? file };
    if (node.position) {
      node.position.start.offset = undefined;
      node.position.end.offset = undefined;
    }
  });
  return tree.children.filter((node) => node.type !== 'yaml');
}
