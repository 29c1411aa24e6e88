/**
 * Examples: request and response blocks paired the way the docs pair them.
 * A response belongs to the request before it, or, when its annotation names
 * requests (`"name": ["a", "b"]`), to each request of those names.
 */
import type { AnnotationFacts, ExampleFacts, HttpMessageFacts } from './facts.js';
import { report, type PageContext } from './context.js';
import { annotationString } from './annotation.js';
import { exampleBlocks } from './example-blocks.js';
import { readHttpMessage } from './http-message.js';
import type { Section } from './sections.js';

export function readExamples(ctx: PageContext, sections: Section[]): ExampleFacts[] {
  const examples: ExampleFacts[] = [];
  let open: ExampleFacts | undefined;
  let afterIgnored = false;
  for (const block of exampleBlocks(ctx, sections)) {
    if (block.role === 'ignored-request') {
      open = undefined;
      afterIgnored = true;
      continue;
    }
    const message = readHttpMessage(ctx, block.code, block.annotation, block.role, block.continuation);
    if (block.role === 'request') {
      open = { name: '', request: message, response: null, source: message.source };
      examples.push(open);
    } else if (pairByName(examples, message)) {
      open = undefined;
    } else if (open?.request && !open.response) {
      open.response = message;
    } else {
      const last = examples[examples.length - 1];
      if (afterIgnored) {
        report(ctx, 'example-request-ignored', 'info', 'Unexpected response to a request marked `blockType: ignored`, expected both blocks checked or both ignored', message.source);
      } else if (last?.request && last.response) {
        report(ctx, 'example-response-extra', 'info', `Unexpected second response after the response to \`${last.request.method ?? ''} ${last.request.url ?? ''}\`, expected one response per request`, message.source);
      } else {
        report(ctx, 'example-request-missing', 'warning', 'Unexpected response block without a request block before it, expected a `blockType: request` block first', message.source);
      }
      open = { name: '', request: null, response: message, source: message.source };
      examples.push(open);
    }
    afterIgnored = false;
  }
  for (const example of examples) {
    // An unannotated request shown on its own (`user-list-people`) is an illustration, not a broken pair.
    if (example.request?.annotation && !example.response) {
      report(ctx, 'example-response-missing', 'warning', 'Unexpected request block without a response block after it, expected a `blockType: response` block', example.request.source);
    }
  }
  nameExamples(ctx, examples);
  return examples;
}

/** A response whose annotation lists request names answers each unanswered request of those names. */
function pairByName(examples: ExampleFacts[], response: HttpMessageFacts): boolean {
  const names = response.annotation?.value?.['name'];
  if (!Array.isArray(names)) return false;
  const targets = examples.filter((e) => e.request && !e.response && names.includes(nameOf(e.request.annotation)));
  for (const example of targets) example.response = response;
  return targets.length > 0;
}

/** Annotation names, else `<file stem>-example-<n>`; repeated names are reported. */
function nameExamples(ctx: PageContext, examples: ExampleFacts[]): void {
  const stem = (ctx.file.split('/').pop() ?? ctx.file).replace(/\.md$/i, '');
  const seen = new Set<string>();
  examples.forEach((example, index) => {
    example.name = nameOf(example.request?.annotation ?? null) ?? nameOf(example.response?.annotation ?? null) ?? `${stem}-example-${index + 1}`;
    if (seen.has(example.name)) {
      report(ctx, 'example-name-duplicate', 'warning', `Unexpected example name \`${example.name}\` used twice on the page, expected a unique name`, example.source);
    }
    seen.add(example.name);
  });
}

function nameOf(annotation: AnnotationFacts | null): string | undefined {
  const name = annotationString(annotation, 'name')?.trim();
  return name === '' ? undefined : name;
}
