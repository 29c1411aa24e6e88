/**
 * Hostile docs through the real pipeline (`generate`): the fixture pages in
 * test/fixtures/hostile put comment terminators, template syntax, quotes,
 * `<br>`, `@internal`, reserved words, digits, `-`, `.`, `@` and non-ASCII in
 * titles, descriptions, property, member and path-parameter names; the test
 * adds a page under a folder whose name holds `*` (so its path holds `*\/`) and
 * reads the pages from an input folder whose name holds U+2028 (a line
 * terminator that ends `//` comments). The output must compile under strict
 * settings, keep every wire name, and keep every piece of doc text inside the
 * comment or string it was put in: checked on the TypeScript AST.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGenerate } from '../../generator/cli/generate-command.js';
import { listFiles } from '../../generator/pipeline/output-dir.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import type { Model, ModelOperation } from '../../generator/model/ir.js';
import { CONSUMERS, importFrom, tempDir, transpileTree, typeErrors } from '../emit/client-harness.js';
import { repoRoot } from '../helpers/corpus.js';

/** Identifiers the hostile docs spell inside text (`${globalThis.boom}`, `${process.exit(1)}`, ...): never code. */
const CANARIES = new Set(['boom', 'exit', 'pwned']);
/** Statements a generated file may hold at top level. */
const DECLARATIONS = new Set([
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.ClassDeclaration,
]);
/** A name TypeScript reads as one identifier (Unicode letters allowed, as the models emitter writes them bare). */
const isIdentifierText = (name: string) =>
  name !== '' && [...name].every((ch, i) => (i === 0 ? ts.isIdentifierStart : ts.isIdentifierPart)(ch.codePointAt(0)!, ts.ScriptTarget.ES2022));
const ODD_FOLDER = `odd*\u2028 \`q\` 'q' "q" \${process.exit(1)}`;

/** The documented escaping, undone: `*\/` back to `*\/`'s original and `&#64;` back to `@`. */
const unescapeDoc = (text: string) => text.replace(/\*\\\//g, '*/').replace(/&#64;/g, '@');
/** Doc text as a comment holds it: U+2028 and U+2029 are line breaks there (`inertDocText`). */
const asDoc = (text: string) => text.replace(/[\u2028\u2029]/g, '\n');

let tmp: ReturnType<typeof tempDir>;
let out: string;
let model: Model;
let files: string[];
const sources = new Map<string, ts.SourceFile>();
const source = (file: string) => sources.get(file)!;

beforeAll(async () => {
  tmp = tempDir('hostile');
  const input = path.join(tmp.dir, 'in \u2028export const pwned = 1; `${x}`');
  cpSync(path.join(repoRoot, 'test/fixtures/hostile'), input, { recursive: true });
  const odd = path.join(input, 'v1.0/api', ODD_FOLDER);
  mkdirSync(odd, { recursive: true });
  writeFileSync(path.join(odd, 'hostilewidget-delete.md'), oddPage());
  out = path.join(tmp.dir, 'generated');
  expect(await runGenerate({ input, out, quiet: true, cache: path.join(tmp.dir, 'cache') })).toBe(0);
  writeFileSync(path.join(tmp.dir, 'package.json'), '{"type":"module"}\n');
  model = (await buildModel(input, { workers: 1 })).model;
  files = listFiles(out);
  for (const file of files) {
    sources.set(file, ts.createSourceFile(file, readFileSync(path.join(out, file), 'utf8'), ts.ScriptTarget.ES2022, true));
  }
}, 120_000);
afterAll(() => tmp?.remove());

function oddPage(): string {
  return [
    '---',
    'title: "Delete hostileWidget"',
    'doc_type: apiPageType',
    '---',
    '',
    '# Delete hostileWidget \u2028 */ `${globalThis.boom}` \u2029',
    '',
    'Delete a [hostileWidget](../../resources/hostilewidget.md). Line separator:\u2028export const pwned = 1; */',
    '',
    '## HTTP request',
    '',
    '```http',
    'DELETE /hostileWidgets/{hostile-widget-id}',
    '```',
    '',
    '## Response',
    '',
    'If successful, this method returns a `204 No Content` response code.',
    '',
  ].join('\n');
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/** JSDoc text of a declaration (TypeScript's reading of it), or undefined. */
function docOf(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const last = docs[docs.length - 1];
  return last ? (ts.getTextOfJSDocComment(last.comment) ?? '') : undefined;
}

const tsFiles = () => files.filter((file) => file.endsWith('.ts'));
const clientFiles = () => files.filter((file) => file.startsWith('v1.0/client/') && !file.endsWith('index.ts'));
const functions = () => clientFiles().flatMap((file) => source(file).statements.filter(ts.isFunctionDeclaration));

/** The arrow function of a `<name>.request = (...) => ...` statement for one of `names`. */
function requestOf(statement: ts.Statement, names: ReadonlySet<string>): ts.ArrowFunction | undefined {
  if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) return undefined;
  const { left, operatorToken, right } = statement.expression;
  const target = ts.isPropertyAccessExpression(left) && ts.isIdentifier(left.expression) && left.name.text === 'request' ? left.expression.text : undefined;
  return operatorToken.kind === ts.SyntaxKind.EqualsToken && target !== undefined && names.has(target) && ts.isArrowFunction(right) ? right : undefined;
}

/** The operation a generated function calls, by its `operation: '...'` literal. */
function operationOf(fn: ts.FunctionDeclaration): ModelOperation {
  const name = fn.name!.text;
  const operation = model.operations.find((o) => docOf(fn)?.includes(`Source: ${asDoc(o.source.file)}:`));
  if (!operation) throw new Error(`no operation for ${name}`);
  return operation;
}

describe('hostile docs through generate', () => {
  it('reads every hostile page', () => {
    expect(model.operations.map((o) => o.title).length).toBe(5);
    expect(model.types.map((t) => t.fullName).sort()).toEqual(['microsoft.graph.hostileState', 'microsoft.graph.hostileWidget']);
  });

  it.each(Object.keys(CONSUMERS))('compiles under tsc --strict (%s consumer)', (consumer) => {
    expect(typeErrors(out, tsFiles().map((file) => path.join(out, file)), CONSUMERS[consumer]!)).toEqual([]);
  });

  it('keeps the header comment on its line when the input folder name holds U+2028', () => {
    for (const file of tsFiles()) {
      const [first, second] = readFileSync(path.join(out, file), 'utf8').split(/\r\n|\r|\n|\u2028|\u2029/);
      expect(first).toMatch(/^\/\/ Generated by docs2ts/);
      expect(second).toMatch(/^\/\/ Input: in  export const pwned = 1; `\$\{x\}` \(API version v1\.0\)/);
    }
  });

  it('has only declarations at top level and no doc text as code', () => {
    for (const file of tsFiles()) {
      const names = new Set(functions().map((fn) => fn.name!.text));
      for (const statement of source(file).statements) {
        // Besides declarations, only each function's `.request` builder: `<function>.request = (...) => ({ ... })`.
        if (requestOf(statement, names)) continue;
        expect([file, ts.SyntaxKind[statement.kind]]).toEqual([file, expect.toSatisfy((k: string) => DECLARATIONS.has(ts.SyntaxKind[k as keyof typeof ts.SyntaxKind]))]);
      }
      walk(source(file), (node) => {
        if (ts.isIdentifier(node) && CANARIES.has(node.text)) throw new Error(`${file}: doc text became code: ${node.parent.getText()}`);
        if (ts.isTemplateExpression(node) || ts.isTaggedTemplateExpression(node)) {
          // Substitutions in templates are the generator's own (`params.x`), never doc text.
          const spans = ts.isTemplateExpression(node) ? node.templateSpans : ts.isTemplateExpression(node.template) ? node.template.templateSpans : [];
          for (const span of spans) expect(span.expression.getText()).toMatch(/^params\.[A-Za-z_$][\w$]*$/);
        }
      });
    }
  });

  it('takes no JSDoc tag from doc text (`text @deprecated` is a tag to TypeScript)', () => {
    for (const file of tsFiles().filter((f) => !f.endsWith('runtime.ts'))) {
      walk(source(file), (node) => {
        for (const doc of ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc)) expect([file, (doc.tags ?? []).map((t) => t.getText())]).toEqual([file, []]);
      });
    }
  });

  it('exports only names the generator derives from the model', () => {
    const names = functions().map((fn) => fn.name!.text);
    for (const file of clientFiles()) {
      for (const statement of source(file).statements) {
        if (!ts.isFunctionDeclaration(statement) && !ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) continue;
        const name = statement.name!.text;
        expect(names.some((fn) => name === fn || new RegExp(`^${fn.charAt(0).toUpperCase()}${fn.slice(1)}(Params|Query|Result|Body)$`).test(name)), `${file}: ${name}`).toBe(true);
      }
    }
  });

  it('keeps every wire name, quoted exactly when it is not an identifier', () => {
    const models = source('v1.0/models/microsoft.graph.ts');
    const widget = model.types.find((t) => t.fullName === 'microsoft.graph.hostileWidget')!;
    const declaration = models.statements.filter(ts.isInterfaceDeclaration).find((d) => docOf(d)?.includes('`microsoft.graph.hostileWidget`'))!;
    const members = declaration.members.filter(ts.isPropertySignature);
    expect(members.map((m) => (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText()))).toEqual([
      '@odata.type',
      ...(widget.kind === 'entity' || widget.kind === 'complex' ? widget.properties.map((p) => p.name) : []),
    ]);
    for (const member of members) {
      const name = (member.name as ts.Identifier | ts.StringLiteral).text;
      expect(ts.isStringLiteral(member.name), name).toBe(!isIdentifierText(name));
    }
    const schema = readFileSync(path.join(out, 'v1.0/validators/schema/microsoft.graph.ts'), 'utf8');
    for (const property of widget.kind === 'entity' ? widget.properties : []) expect(schema).toContain(`[${JSON.stringify(property.name)},`);
    const state = model.types.find((t) => t.fullName === 'microsoft.graph.hostileState')!;
    const values = models.statements.filter(ts.isVariableStatement).flatMap((s) => s.declarationList.declarations).find((d) => d.name.getText() === 'HostileStateValues')!;
    const array = (values.initializer as ts.AsExpression).expression as ts.ArrayLiteralExpression;
    expect(array.elements.map((e) => (e as ts.StringLiteral).text)).toEqual(state.kind === 'enum' ? state.members.map((m) => m.name) : []);
  });

  it('keeps type and property descriptions as JSDoc, equal after the documented escaping', () => {
    const models = source('v1.0/models/microsoft.graph.ts');
    const widget = model.types.find((t) => t.fullName === 'microsoft.graph.hostileWidget')!;
    const declaration = models.statements.filter(ts.isInterfaceDeclaration).find((d) => docOf(d)?.includes('`microsoft.graph.hostileWidget`'))!;
    expect(unescapeDoc(docOf(declaration)!.split('\n\n')[0]!)).toBe(widget.description);
    expect(widget.description).toContain('*/');
    const properties = widget.kind === 'entity' ? widget.properties : [];
    for (const member of declaration.members.filter(ts.isPropertySignature)) {
      const property = properties.find((p) => p.name === (member.name as ts.Identifier | ts.StringLiteral).text);
      if (property?.description) expect(unescapeDoc(docOf(member)!)).toBe(property.description);
    }
  });

  it('keeps operation titles and descriptions as JSDoc, equal after the documented escaping', () => {
    expect(functions()).toHaveLength(model.operations.length);
    for (const fn of functions()) {
      const operation = operationOf(fn);
      const [title, description] = docOf(fn)!.split('\n\n');
      expect(unescapeDoc(title!)).toBe(asDoc(operation.title));
      if (operation.description) expect(unescapeDoc(description!)).toBe(asDoc(operation.description));
      expect(docOf(fn)).toContain(`Source: ${asDoc(operation.source.file).replace(/\*\//g, '*\\/')}:${operation.source.line}`);
    }
  });

  it('keeps each path with its wire parameter names, and names the operation in a string literal', () => {
    for (const fn of functions()) {
      const operation = operationOf(fn);
      const file = source(clientFiles()[0]!);
      const paramsName = `${fn.name!.text.charAt(0).toUpperCase()}${fn.name!.text.slice(1)}Params`;
      const params = file.statements.find((d) => (ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d)) && d.name.text === paramsName);
      // Key → wire name, from the `{wire}` in the path. docs of the members (of the interface, or of each path's object type).
      const wire = new Map<string, string | undefined>();
      if (params) walk(params, (node) => ts.isPropertySignature(node) && docOf(node) && wire.set(node.name.getText(), /^`\{(.+)\}` in the path\.$/.exec(docOf(node) ?? '')?.[1]));
      const templates: ts.TemplateLiteral[] = [];
      let operationName: string | undefined;
      const builder = file.statements.map((statement) => requestOf(statement, new Set([fn.name!.text]))).find((arrow) => arrow !== undefined);
      walk(builder!, (node) => {
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'runtime.path') templates.push(node.template);
        if (ts.isPropertyAssignment(node) && node.name.getText() === 'operation' && ts.isStringLiteral(node.initializer)) operationName = node.initializer.text;
      });
      expect(operationName).toBe(fn.name!.text);
      const rebuilt = templates.map((template) =>
        ts.isNoSubstitutionTemplateLiteral(template)
          ? template.text
          : template.head.text + template.templateSpans.map((span) => `{${wire.get(span.expression.getText().replace(/^params\./, ''))}}${span.literal.text}`).join(''),
      );
      expect(rebuilt.length).toBeGreaterThan(0);
      for (const one of rebuilt) expect(operation.paths.map((p) => p.replace(/^https:\/\/graph\.microsoft\.com\/v1\.0/, ''))).toContain(one);
    }
  });

  it('percent-encodes hostile path values in the generated client', async () => {
    const run = tempDir('hostile-run');
    try {
      cpSync(out, run.dir, { recursive: true });
      writeFileSync(path.join(run.dir, 'package.json'), '{"type":"module"}\n');
      transpileTree(run.dir);
      const client = await importFrom<Record<string, (...args: unknown[]) => Promise<unknown>>>(run.dir, 'v1.0/client/index.js');
      const list = Object.entries(client).find(([name]) => name.startsWith('listParts'))![1];
      const seen: string[] = [];
      const transport = { request: async (request: { path: string }) => (seen.push(request.path), { status: 200, headers: {}, body: { value: [] } }) };
      await list(transport, { userId: 'a/b', widgetOdataId: '?x=1#frag', class_: '..', _123id: 'ü', naVe: '%2F', partId: "it's" });
      expect(seen).toEqual(['/users/a%2Fb/widgets/%3Fx%3D1%23frag/parts/%2E%2E/%C3%BC/%252F/it%27s']);
    } finally {
      run.remove();
    }
  });
});
