/**
 * The markdown front end: remark-parse with only the GFM table extension (the
 * rest of remark-gfm costs a quarter of parse time and gives this corpus nothing)
 * and YAML front matter. One processor is built per thread and reused.
 */
import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

let processor: Processor<Root> | undefined;

function getProcessor(): Processor<Root> {
  processor ??= unified().use(remarkParse).use(remarkGfmTable).use(remarkFrontmatter, ['yaml']).freeze() as unknown as Processor<Root>;
  return processor;
}

/** Parses one page into mdast. Never throws for any input text. */
export function parseMarkdown(text: string): Root {
  return getProcessor().parse(text);
}
