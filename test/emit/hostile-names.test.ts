/**
 * Names and text from the docs are untrusted. A fixture full of comment
 * terminators, template syntax, quotes, newlines, reserved words, leading
 * digits, `-`, `.`, `@`, `__proto__` and non-ASCII must give output that
 * compiles, keeps every wire name, and whose comments stay comments.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES, HOSTILE_PROPERTY_NAMES } from './cases.js';
import { emitAll, fn, formatFiles, loadValidators, STRICT_OPTIONS, typecheck, writeFiles, type LoadedValidators, type Problem } from './harness.js';

const MODELS = 'v1.0/models/microsoft.graph.ts';

describe('hostile names', () => {
  let dir: string;
  let paths: string[];
  let validators: LoadedValidators;
  const validate = (name: string, value: unknown) => fn<(v: unknown) => Problem[]>(validators, name)(value);

  beforeAll(async () => {
    const files = await formatFiles(emitAll(CASES.hostile!.ctx()));
    dir = writeFiles(files);
    paths = files.map((f) => f.path);
    validators = await loadValidators(CASES.hostile!.ctx());
  });

  it('compiles under the strictest options', () => {
    expect(typecheck(dir, paths)).toEqual([]);
  });

  /** The exported symbols of an emitted module, by name, with the checker that read them. */
  const exportsOf = (path: string) => {
    const program = ts.createProgram([join(dir, path)], STRICT_OPTIONS);
    const checker = program.getTypeChecker();
    const symbols = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(join(dir, path))!)!);
    return { checker, symbols: new Map(symbols.map((s) => [s.getName(), s])) };
  };

  it('keeps every wire name as an interface property', () => {
    const { checker, symbols } = exportsOf(MODELS);
    const names = (identifier: string) => checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbols.get(identifier)!)).map((p) => p.getName());
    expect(names('HostileTypeX').sort()).toEqual(['@odata.type', 'id', ...HOSTILE_PROPERTY_NAMES, '123', 'enumValue'].sort());
    expect(names('Interface2')).toEqual(['@odata.type', 'über']);
  });

  it('gives every type a unique identifier', () => {
    expect([...exportsOf('v1.0/models/index.ts').symbols.keys()].sort()).toEqual(
      ['Class', 'ClassUnion', 'HostileEnum', 'HostileEnumValues', 'HostileTypeX', 'Interface', 'Interface2', 'TermStoreCased', 'TermstoreCased2', 'WeirdNsOdd', 'WeirdNsXY', 'WithDash', '_123start', '_123startUnion', 'IndexIndex', 'TypesDDecl'].sort(),
    );
  });

  it('keeps doc text inside comments, with no JSDoc tags taken from it', () => {
    const source = ts.createSourceFile('m.ts', ts.sys.readFile(join(dir, MODELS))!, ts.ScriptTarget.ES2022, true);
    const hostile = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'HostileTypeX')!;
    const [doc] = ts.getJSDocCommentsAndTags(hostile) as ts.JSDoc[];
    expect(ts.getTextOfJSDocComment(doc!.comment)).toContain('Ends *\\/ early; `${globalThis.boom}` "quotes"');
    expect(doc!.tags ?? []).toEqual([]);
    for (const member of hostile.members) expect((ts.getJSDocCommentsAndTags(member) as ts.JSDoc[]).flatMap((d) => d.tags ?? [])).toEqual([]);
  });

  it('survives stripInternal (doc text that says @internal is not a tag)', () => {
    const out: string[] = [];
    const program = ts.createProgram([join(dir, MODELS)], { ...STRICT_OPTIONS, noEmit: false, emitDeclarationOnly: true, stripInternal: true });
    program.emit(undefined, (name, text) => out.push(text));
    expect(out.join('\n')).toContain('export interface HostileTypeX extends Class');
  });

  it('validates every hostile wire name as a defined property, __proto__ included', () => {
    const json = `{${HOSTILE_PROPERTY_NAMES.map((name) => `${JSON.stringify(name)}: "x"`).join(', ')}}`;
    const payload = JSON.parse(json) as object;
    expect(Object.keys(payload)).toEqual(HOSTILE_PROPERTY_NAMES); // JSON.parse makes own properties, __proto__ too
    expect(validate('validateHostileTypeX', payload)).toEqual([]);
    const wrong = JSON.parse(json.replaceAll('"x"', '1')) as object;
    expect(validate('validateHostileTypeX', wrong).map((p) => p.path)).toEqual([
      '$["*/"]', '$["`tick`"]', '$["${process.exit(1)}"]', '$["\\"quoted\\""]', `$["it's"]`, '$["new\\nline"]', '$.class', '$.default',
      '$["123abc"]', '$["kebab-name"]', '$["dotted.name"]', '$.__proto__', '$.constructor', '$.toString', '$["naïve"]', '$["名前"]', '$.$dollar', '$[""]',
    ]);
  });

  it('does not take Object.prototype members for properties', () => {
    const payload = JSON.parse('{"constructor": 1, "toString": 1, "hasOwnProperty": 1, "__proto__": 1}') as object;
    expect(validate('validateClass', payload).map((p) => [p.path, p.kind])).toEqual([
      ['$.constructor', 'unknown-property'],
      ['$.toString', 'unknown-property'],
      ['$.hasOwnProperty', 'unknown-property'],
      ['$.__proto__', 'unknown-property'],
    ]);
  });

  it('checks enum members with hostile spellings', () => {
    for (const member of ['*/', '`', '${a}', '"', 'new\nline', 'ünïcode', 'default', '']) expect(validate('validateHostileEnum', member)).toEqual([]);
    expect(validate('validateHostileEnum', 'x').map((p) => p.kind)).toEqual(['enum']);
  });

  it('follows @odata.type to a derived type whose name has hostile characters', () => {
    expect(validate('validateClass', { '@odata.type': '#microsoft.graph.hostile*/Type`${x}`', class: 1 }).map((p) => p.path)).toEqual(['$.class']);
    expect(validate('validate_123start', { '@odata.type': 'microsoft.graph.with-dash', ok: true })).toEqual([]);
  });

  it('writes only safe, case-insensitively unique file names', () => {
    for (const path of paths) {
      expect(path).toMatch(/^[A-Za-z0-9._/-]+$/);
      expect(path).not.toMatch(/\.d\.ts$/);
    }
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length);
    expect(paths).toContain('v1.0/models/microsoft.graph.termstore-2.ts');
    expect(paths).toContain('v1.0/models/_index.ts');
  });
});
