/** Prettier over emitted files. Always with a `.ts` filepath: without it prettier sniffs for JSX and is ten times slower. */
import { format } from 'prettier';
import type { EmittedFile } from './emitter.js';

export const PRETTIER_OPTIONS = { printWidth: 110, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

export async function formatFile(file: EmittedFile): Promise<EmittedFile> {
  if (!file.path.endsWith('.ts')) return file;
  const content = await format(file.content, { ...PRETTIER_OPTIONS, parser: 'typescript', filepath: file.path });
  return { path: file.path, content };
}
