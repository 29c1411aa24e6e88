/** The diff formats on hostile names: markdown gives no page a way to inject markup, text and annotations stay one line per change. */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { diffModels } from '../../generator/diff/compare.js';
import { DIFF_FORMATS } from '../../generator/diff/formats/index.js';
import type { DiffFormatInput } from '../../generator/diff/formats/format.js';
import { model, operation, property, type } from './models.js';

const HOSTILE = ['`x` <img src=x onerror=alert(1)>', '@octocat [click](https://example.com) **bold**', 'line\nbreak ``` fence', '<script>alert(1)</script>'];

function hostileDiff(): DiffFormatInput {
  const head = type('thing', { properties: HOSTILE.map((name) => property(name, 'Edm.String', { source: { file: 'v1.0/resources/a,b:c%.md', line: 3, column: 2 } })) });
  const permissionType = 'Application <b>@admins</b>';
  const before = operation('thing-get', { permissions: [{ type: permissionType, permissions: ['Thing.Read.All'] }] });
  const after = operation('thing-get', { permissions: [{ type: permissionType, permissions: ['Thing.Read.All', '[x](https://evil.example)'] }] });
  const result = diffModels(model([type('thing')], [before]), model([head], [after]));
  return { result, base: { label: 'old', root: 'old' }, head: { label: 'new', root: 'new' } };
}

describe('diff formats', () => {
  it('markdown: names from the docs only inside code spans, kept literally; no HTML, link, emphasis or mention', () => {
    const input = hostileDiff();
    const tree = unified().use(remarkParse).use(remarkGfm).parse(DIFF_FORMATS.markdown(input)) as Root;
    const kinds = new Set<string>();
    const code: string[] = [];
    visit(tree, (node) => {
      kinds.add(node.type);
      if (node.type === 'inlineCode') code.push(node.value);
      // The one markup of our own: the **Breaking** / **Warning** labels.
      if (node.type === 'strong') expect(['Breaking', 'Warning']).toContain(node.children.map((child) => ('value' in child ? child.value : '')).join(''));
    });
    expect([...kinds].filter((kind) => ['html', 'link', 'linkReference', 'image', 'emphasis', 'delete', 'code'].includes(kind))).toEqual([]);
    for (const name of HOSTILE) expect(code).toContain(name.replace(/\n/g, ' '));
    expect(code).toContain('[x](https://evil.example)');
    // The permission type is outside code spans: escaped, it reads as written.
    const text: string[] = [];
    visit(tree, 'text', (node) => void text.push(node.value));
    expect(text.join('')).toContain('Application <b>@admins</b> permission');
  });

  it('text: one line per change, control characters shown as ?', () => {
    const input = hostileDiff();
    const lines = DIFF_FORMATS.text(input).trimEnd().split('\n');
    expect(lines).toHaveLength(input.result.changes.length + 1);
    expect(lines.at(-1)).toBe(`old → new: 0 breaking, 0 warnings, ${input.result.changes.length} info`);
    expect(lines.every((line) => !/[\u0000-\u0008\u000b-\u001f]/.test(line))).toBe(true);
  });

  it('github: one command per change, file and message escaped', () => {
    const input = hostileDiff();
    const lines = DIFF_FORMATS.github(input).trimEnd().split('\n');
    expect(lines).toHaveLength(input.result.changes.length);
    expect(lines.every((line) => line.startsWith('::notice file='))).toBe(true);
    expect(lines).toContain("::notice file=new/v1.0/resources/a%2Cb%3Ac%25.md,line=3,col=2,title=info%3A property-added::Property ````line break ``` fence```` (`Edm.String`) added to `thing`");
  });

  it('json: every change with its position flattened and its path on its side', () => {
    const input = hostileDiff();
    const document = JSON.parse(DIFF_FORMATS.json(input));
    expect(document.summary).toEqual(input.result.summary);
    expect(document.changes.find((change: { kind: string }) => change.kind === 'permission-added')).toEqual({ kind: 'permission-added', severity: 'info', apiVersion: 'v1.0', resource: 'microsoft.graph.thing', subject: 'v1.0:thing-get', message: expect.any(String), after: '[x](https://evil.example)', side: 'head', file: 'v1.0/api/thing-get.md', line: 5, column: 1, path: 'new/v1.0/api/thing-get.md' });
  });
});
