/**
 * One example code block as an HTTP message: request line or status line,
 * headers, a blank line, then the body (JSON parsed where it is JSON).
 */
import type { Code } from 'mdast';
import type { AnnotationFacts, HttpMessageFacts } from './facts.js';
import { at, report, type PageContext } from './context.js';
import { codeLineSource } from './code-position.js';
import { readBody } from './example-body.js';

export type MessageRole = 'request' | 'response';

const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b\s*(.*?)(\s+HTTP\/\d(\.\d)?)?$/i;
const STATUS_LINE = /^HTTP(\/\d(\.\d)?)?\s+(\d{3})\b/i;
const HEADER = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/;

export function isRequestLine(line: string): boolean {
  return REQUEST_LINE.test(line.trim());
}

export function isStatusLine(line: string): boolean {
  return STATUS_LINE.test(line.trim());
}

/** `continuation`: a separate JSON block right after this one that holds the body. */
export function readHttpMessage(ctx: PageContext, code: Code, annotation: AnnotationFacts | null, role: MessageRole, continuation?: Code): HttpMessageFacts {
  const lines = code.value.split('\n').map((line) => line.replace(/\r$/, ''));
  const declared = annotation?.value?.['truncated'] === true || annotation?.value?.['truncated'] === 'true';
  const message: HttpMessageFacts = { annotation, headers: {}, truncated: declared, source: at(ctx, code) };
  let i = lines.findIndex((line) => line.trim() !== '');
  if (i < 0) {
    report(ctx, 'example-empty', 'warning', `Unexpected empty ${role} block, expected ${role === 'request' ? 'a request line' : 'a status line'}`, code);
    return message;
  }
  const first = lines[i]!.trim();
  if (role === 'request') {
    const match = REQUEST_LINE.exec(first);
    if (match) {
      message.method = (match[1] ?? '').toUpperCase();
      message.url = (match[2] ?? '').trim();
      i++;
    } else {
      report(ctx, 'example-request-line-invalid', 'warning', `Unexpected \`${clip(first)}\`, expected a request line such as \`GET https://graph.microsoft.com/v1.0/me\``, codeLineSource(ctx, code, i));
    }
  } else {
    const match = STATUS_LINE.exec(first);
    if (match) {
      message.status = Number(match[3]);
      i++;
    } else {
      report(ctx, 'example-status-line-missing', 'warning', `Unexpected \`${clip(first)}\`, expected a status line such as \`HTTP/1.1 200 OK\``, codeLineSource(ctx, code, i));
    }
  }
  // Some pages leave a blank line between the request line and the headers.
  let next = i;
  while (next < lines.length && lines[next]!.trim() === '') next++;
  if (next > i && HEADER.test(lines[next]?.trim() ?? '')) i = next;
  for (; i < lines.length; i++) {
    const header = HEADER.exec(lines[i]!.trim());
    if (!header || lines[i]!.trim() === '') break;
    message.headers[header[1]!] = (header[2] ?? '').trim();
  }
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i < lines.length) {
    const body = readBody(ctx, code, lines, i, { declared, contentType: contentType(message.headers), role });
    message.body = body.facts;
    message.truncated ||= body.truncated;
  } else if (continuation) {
    const more = continuation.value.split('\n').map((line) => line.replace(/\r$/, ''));
    const body = readBody(ctx, continuation, more, more.findIndex((line) => line.trim() !== ''), { declared, contentType: contentType(message.headers), role });
    message.body = body.facts;
    message.truncated ||= body.truncated;
  }
  return message;
}

function contentType(headers: Record<string, string>): string | undefined {
  const key = Object.keys(headers).find((name) => name.toLowerCase() === 'content-type');
  return key === undefined ? undefined : headers[key];
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
