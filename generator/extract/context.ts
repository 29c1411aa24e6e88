/** What every extractor gets for one page. */
import type { Root } from 'mdast';
import {
  diagnostic,
  sourceOf,
  type Diagnostic,
  type NodeLike,
  type PointLike,
  type Severity,
  type SourceRef,
} from '../model/diagnostic.js';
import type { Definitions } from './type-cell.js';
import type { Section } from './sections.js';
import type { PageFacts } from './facts.js';

export interface PageContext {
  /** Relative to the input root, `/` separators. */
  file: string;
  apiVersion: string;
  /** The page text as parsed (BOM removed). */
  text: string;
  tree: Root;
  frontMatter: Record<string, string>;
  /** Flat list: one section per heading, plus a leading section (heading null) for content before the first heading. */
  sections: Section[];
  /** `[text][ref]` link definitions, keyed by lower-cased identifier. */
  definitions: Definitions;
  /** `Namespace: x` from the page, or `microsoft.graph`. */
  namespace: string;
  /** First-level heading text, or null. */
  title: string | null;
  diagnostics: Diagnostic[];
}

export function at(ctx: PageContext, node: NodeLike | PointLike | undefined): SourceRef {
  return sourceOf(ctx.file, node);
}

export function report(
  ctx: PageContext,
  code: string,
  severity: Severity,
  message: string,
  node: NodeLike | PointLike | SourceRef | undefined,
): void {
  const place = node && 'file' in node ? node : at(ctx, node);
  ctx.diagnostics.push(diagnostic(code, severity, message, place));
}

/** One kind of page's extractor: the facts it finds in a page's context. */
export type PageExtractor = (ctx: PageContext) => Partial<Pick<PageFacts, 'resources' | 'enums' | 'operations'>>;
