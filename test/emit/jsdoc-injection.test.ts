/**
 * Doc text reaches JSDoc comments in many places; none of it may become a JSDoc
 * tag (TypeScript starts one at an `@` after any of its white space characters,
 * U+0085 and U+200B included, or at a line start after `*`), an inline `{@link}`,
 * or end the comment. The emitter writes no tags itself, so the output, parsed
 * by the TypeScript compiler, must have none; and the neutralized `@` still reads
 * (`&#64;`, which editors render as `@`).
 */
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EmittedFile } from '../../generator/emit/emitter.js';
import type { ModelOperation } from '../../generator/model/ir.js';
import { emitAll } from './client-harness.js';
import { entity, enumType, modelOf, operation, prop } from './fixtures.js';

/** Each after a word, so only the character before the `@` can start a tag. */
const INJECTIONS = [
  '\u0085@deprecated', '\u200b@see https://evil.example', '\u00a0@private', '\u2028@deprecated', '\u2029@public', '\u3000@internal', '\ufeff@readonly',
  '\u180e@hidden', '\u1680@alpha', '\u202f@beta', '\u205f@example', '\t@param x', '\v@returns y', '\f@throws z', '\r@since 1', '\r\n@override', '\n*@deprecated',
  '\n * @see x', ' {@link https://evil.example}', '{@linkcode https://evil.example}', ' @@deprecated', ' @ @deprecated',
];
const hostile = (where: string) => `@deprecated ${where}${INJECTIONS.map((i) => `word${i}`).join('')} ends */ early **/ *\u2028/ *\r\n/ end of ${where} *`;

const plain = (where: string) => `Plain ${where} text.`;

/** Every place doc text reaches a comment: [what, text the comment must still read]. */
const PLACES = ['type', 'property', 'enum', 'member', 'title', 'description', 'permission', 'parameter', 'query'] as const;

function model(text: (where: string) => string) {
  const hostile = text;
  const op: ModelOperation = {
    ...operation('widget-hostile', hostile('title')),
    description: hostile('description'),
    method: 'POST',
    paths: [`/widgets/{widget\u0085@deprecated-id}/parts\u200b@see`, '/widgets/{id}/other\u00a0@private'],
    pathParameters: ['widget\u0085@deprecated-id'],
    permissions: [{ type: hostile('permission'), permissions: ['Widget.Read\u200b@deprecated', 'Widget\u0085@see.All'] }],
    queryParameters: [hostile('query'), '\u0085@deprecated'],
    parameters: [{ name: 'size', type: { name: 'Edm.Int32', isCollection: false }, description: hostile('parameter'), required: true, source: { file: 'x.md', line: 1, column: 1 } }],
  };
  const widgetState = enumType('widgetState', ['on', 'off\u0085@deprecated'], { description: hostile('enum') });
  widgetState.members[0]!.description = hostile('member');
  return modelOf(
    [entity('widget', [prop('id', 'Edm.String'), prop('size', 'Edm.Int32', false, { description: hostile('property') }), prop('state', 'microsoft.graph.widgetState')], { keyProperty: 'id', description: hostile('type') }), widgetState],
    [op],
  );
}

interface Doc {
  file: string;
  text: string;
  tags: string[];
  links: number;
}

/** Every JSDoc comment of every emitted file, as TypeScript reads it. */
function docsOf(files: readonly EmittedFile[]): Doc[] {
  const out: Doc[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      for (const doc of ts.getJSDocCommentsAndTags(node)) {
        if (!ts.isJSDoc(doc) || doc.parent !== node) continue;
        const parts = typeof doc.comment === 'string' || doc.comment === undefined ? [] : [...doc.comment];
        out.push({ file: file.path, text: ts.getTextOfJSDocComment(doc.comment) ?? '', tags: ts.getJSDocTags(node).map((t) => t.getText()), links: parts.filter((p) => p.kind !== ts.SyntaxKind.JSDocText).length });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

describe('doc text in JSDoc', () => {
  let files: EmittedFile[];
  let docs: Doc[];
  let plainDocs: Doc[];
  beforeAll(async () => {
    files = (await emitAll(model(hostile))).filter((f) => f.path.endsWith('.ts'));
    docs = docsOf(files);
    plainDocs = docsOf((await emitAll(model(plain))).filter((f) => f.path.endsWith('.ts')));
  });

  it('gives only the JSDoc tags and inline links the emitter writes (those of the same model with plain text)', () => {
    const tagsAndLinks = (list: Doc[]) => list.filter((d) => d.tags.length > 0 || d.links > 0).map(({ file, tags, links }) => ({ file, tags, links }));
    expect(docs.length).toBe(plainDocs.length);
    expect(docs.length).toBeGreaterThan(10);
    expect(tagsAndLinks(docs)).toEqual(tagsAndLinks(plainDocs));
  });

  it('writes no JSDoc tag of its own, in the runtimes either (an `@odata.nextLink` after a space would be one)', () => {
    expect(plainDocs.some((d) => d.file.endsWith('runtime.ts'))).toBe(true);
    expect(plainDocs.filter((d) => d.tags.length > 0).map(({ file, tags }) => ({ file, tags }))).toEqual([]);
  });

  it('parses without errors: no comment was ended early', () => {
    for (const file of files) {
      const program = ts.createProgram({ rootNames: [], options: {} });
      const source = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.ES2022, true);
      expect([file.path, program.getSyntacticDiagnostics().length + (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length]).toEqual([file.path, 0]);
    }
  });

  it.each(PLACES)('keeps the %s text readable, each @ shown as &#64;', (place) => {
    const doc = docs.find((d) => d.text.includes(`&#64;deprecated ${place}word`));
    expect(doc, place).toBeDefined();
    const text = doc!.text;
    expect(text).toContain('word\u0085&#64;deprecatedword\u200b&#64;see https://evil.example');
    expect(text).toContain('word {&#64;link https://evil.example}');
    expect(text).toContain(' &#64;@deprecated');
    // `*/`, `**/` escaped; `*` U+2028 `/` and `*` CR LF `/` on two lines (or a space apart where the text is folded).
    expect(text).toMatch(new RegExp(`ends \\*\\\\/ early \\*\\*\\\\/ \\*\\s+/ \\*\\s+/ end of ${place} \\*`));
  });

  it('keeps path parameters and permission names readable', () => {
    const all = docs.map((d) => d.text).join('\n');
    expect(all).toContain('{widget\u0085&#64;deprecated-id}');
    expect(all).toContain('Widget.Read\u200b&#64;deprecated');
    expect(all).toContain('other\u00a0&#64;private');
  });
});
