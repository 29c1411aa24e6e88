/**
 * Test harness for emitted code: run the emitters, format like the
 * orchestrator does, write to a temp dir, type-check with the strictest
 * options a consumer may use, and import the generated validators to run them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';
import { afterAll } from 'vitest';
import type { EmitContext, EmittedFile } from '../../generator/emit/emitter.js';
import type { ModelPlanOptions } from '../../generator/emit/model-plan.js';
import { createModelsEmitter } from '../../generator/emit/models-emitter.js';
import { createValidatorsEmitter } from '../../generator/emit/validators-emitter.js';
import { createProgram } from '../helpers/typescript.js';

export function emitAll(ctx: EmitContext, options: ModelPlanOptions = {}): EmittedFile[] {
  return [...createModelsEmitter(options).emit(ctx), ...createValidatorsEmitter(options).emit(ctx)];
}

export async function formatFiles(files: readonly EmittedFile[]): Promise<EmittedFile[]> {
  return Promise.all(files.map(async (f) => ({ path: f.path, content: await prettier.format(f.content, { filepath: f.path }) })));
}

/** Temp folders `writeFiles` made, removed when the test file that imports this harness is done. */
const made: string[] = [];
// At the top level of a module a test file imports, the hook is that file's.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes the files (and a `package.json` of type module) into a temp folder made for them, or into `dir`. */
export function writeFiles(files: readonly EmittedFile[], dir?: string): string {
  if (dir === undefined) {
    dir = mkdtempSync(join(tmpdir(), 'docs2ts-emit-'));
    made.push(dir);
  }
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return dir;
}

/** The strictest settings a consumer could drop the output into; ES2015 lib, no @types. */
export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2015.d.ts'],
  types: [],
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noPropertyAccessFromIndexSignature: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
  declaration: true,
  isolatedDeclarations: true,
  skipLibCheck: false,
};

/** Type-checks every `.ts` file under `dir` (given as root names); returns `file:line:col message` lines. */
export function typecheck(dir: string, files: readonly string[], options: ts.CompilerOptions = STRICT_OPTIONS): string[] {
  const program = createProgram(files.map((f) => join(dir, f)), options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName.slice(dir.length + 1)}:${line + 1}:${character + 1} ${message}`;
  });
}

/** Transpiles the emitted `.ts` files to `.js` beside them (imports already name `.js`). */
export function transpileAll(dir: string, files: readonly EmittedFile[]): void {
  for (const file of files) {
    if (!file.path.endsWith('.ts')) continue;
    const { outputText } = ts.transpileModule(file.content, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } });
    writeFileSync(join(dir, file.path.replace(/\.ts$/, '.js')), outputText);
  }
}

export interface LoadedValidators {
  [name: string]: unknown;
  schema: { check(value: unknown, typeName: string): Problem[]; conforms(value: unknown, typeName: string): boolean };
}

export interface Problem {
  path: string;
  kind: string;
  expected: string;
  actual: string;
  message: string;
}

/** Emits, writes, transpiles and imports `<version>/validators/index.js`. */
export async function loadValidators(ctx: EmitContext, options: ModelPlanOptions = {}): Promise<LoadedValidators> {
  const files = emitAll(ctx, options);
  const dir = writeFiles(files);
  transpileAll(dir, files);
  return (await import(pathToFileURL(join(dir, ctx.apiVersion, 'validators', 'index.js')).href)) as LoadedValidators;
}

/** A validator or guard from the loaded module, by name. */
export function fn<T extends (value: unknown) => unknown>(module: LoadedValidators, name: string): T {
  const f = module[name];
  if (typeof f !== 'function') throw new Error(`No function ${name} in the generated validators`);
  return f as T;
}
