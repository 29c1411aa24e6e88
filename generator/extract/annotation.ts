/**
 * Annotation comments (`<!-- { "blockType": "request", ... } -->`) and the code
 * blocks they describe.
 */
import type { Code, Html, RootContent } from 'mdast';
import type { AnnotationFacts } from './facts.js';
import { at, report, type PageContext } from './context.js';
import { parseLooseJson } from './json-text.js';

const COMMENT = /^<!--([\s\S]*?)-->/;

/** The annotation an HTML node holds, or null when it is not a `<!-- { ... } -->` comment. */
export function readAnnotation(ctx: PageContext, node: Html): AnnotationFacts | null {
  const match = COMMENT.exec(node.value.trim());
  const inner = match?.[1]?.trim();
  if (!inner || !inner.startsWith('{')) return null;
  const value = parseLooseJson(inner);
  if (value === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(
      ctx,
      'annotation-invalid',
      'warning',
      'Unexpected annotation comment that is not a JSON object, expected `<!-- { "blockType": ... } -->`',
      node,
    );
    return { value: null, raw: inner, source: at(ctx, node) };
  }
  return { value: value as Record<string, unknown>, raw: inner, source: at(ctx, node) };
}

export interface AnnotatedCode {
  annotation: AnnotationFacts | null;
  code: Code;
}

/**
 * Code blocks in order, each with the annotation comment that precedes it
 * (directly, or with only blank HTML between).
 */
export function annotatedCodeBlocks(ctx: PageContext, nodes: RootContent[]): AnnotatedCode[] {
  const out: AnnotatedCode[] = [];
  let pending: AnnotationFacts | null = null;
  for (const node of nodes) {
    if (node.type === 'html') {
      const annotation = readAnnotation(ctx, node);
      if (annotation) pending = annotation;
    } else if (node.type === 'code') {
      out.push({ annotation: pending, code: node });
      pending = null;
    } else if (node.type === 'heading' || node.type === 'table') {
      pending = null;
    }
  }
  return out;
}

export function annotationString(annotation: AnnotationFacts | null, key: string): string | undefined {
  const value = annotation?.value?.[key];
  return typeof value === 'string' ? value : undefined;
}
