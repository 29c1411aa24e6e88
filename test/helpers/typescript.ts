/**
 * `ts.createProgram` for the tests that type-check emitted code, sharing the parsed files under node_modules
 * (TypeScript's lib files, @types/node) between programs, as an editor's language service does: each test still
 * builds and checks a program of its own (lib files included, where `skipLibCheck` is off); only the parse of the
 * files that never change is done once per process instead of once per program.
 */
import ts from 'typescript';

const parsed = new Map<string, ts.SourceFile>();

export function createProgram(rootNames: readonly string[], options: ts.CompilerOptions): ts.Program {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.includes('/node_modules/')) return read(fileName, languageVersion, onError, shouldCreate);
    // The key holds what the parse depends on: the target, and whether the file is a module (`impliedNodeFormat`).
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    const known = parsed.get(key);
    if (known) return known;
    const file = read(fileName, languageVersion, onError, shouldCreate);
    if (file) parsed.set(key, file);
    return file;
  };
  return ts.createProgram(rootNames, options, host);
}
