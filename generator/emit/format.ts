/**
 * Prettier over emitted files. Always with a `.ts` filepath: without it prettier sniffs for JSX and is ten times slower.
 *
 * Two settings make prettier cheaper without changing its output on what the emitters write:
 * - the `babel-ts` parser, a third faster than `typescript`. Prettier's own tests format every
 *   TypeScript fixture with both and require the same output, except for the constructs
 *   `BABEL_TS_UNSAFE` finds (module and namespace declarations, `declare`, `import x =` aliases:
 *   the fixtures its tests leave out for babel-ts; a Closure type-cast comment, after which babel
 *   keeps parentheses). Text with any of them, or that babel-ts cannot parse, goes to `typescript`.
 * - `embeddedLanguageFormatting: 'off'`: prettier then skips its walk looking for template literals
 *   that hold CSS, GraphQL, HTML or markdown (tagged `css`, `gql`, `html`, `md`, ...); the only tag
 *   the emitters write is `runtime.path`, which that walk leaves as it is.
 * `test/emit/format.test.ts` holds the two settings to the `typescript` output on every golden file.
 */
import { format } from 'prettier';
import type { EmittedFile } from './emitter.js';

export const PRETTIER_OPTIONS = { printWidth: 110, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

/** Constructs on which `babel-ts` and `typescript` may make prettier print differently. */
export const BABEL_TS_UNSAFE = [
  // module, namespace and global declarations, ambient declarations
  /^[ \t]*(?:export[ \t]+)?(?:declare\b|(?:namespace|module|global)[ \t]*[\w$'"{])/m,
  // `import x = require('y')`, `import x = a.b`
  /^[ \t]*(?:export[ \t]+)?import[ \t]+(?:type[ \t]+)?[\w$]+[ \t]*=/m,
  // a Closure type cast, `/** @type {T} */ (x)` (prettier's own test for one)
  /@(?:type|satisfies)\b/,
];

/** The parser for `text`: `babel-ts` unless the text has a construct of `BABEL_TS_UNSAFE`. */
export function parserFor(text: string): 'babel-ts' | 'typescript' {
  return BABEL_TS_UNSAFE.some((pattern) => pattern.test(text)) ? 'typescript' : 'babel-ts';
}

export async function formatFile(file: EmittedFile): Promise<EmittedFile> {
  if (!file.path.endsWith('.ts')) return file;
  const options = { ...PRETTIER_OPTIONS, embeddedLanguageFormatting: 'off', filepath: file.path } as const;
  const parser = parserFor(file.content);
  const content = await format(file.content, { ...options, parser }).catch((error: unknown) => {
    if (parser === 'typescript') throw error;
    return format(file.content, { ...options, parser: 'typescript' });
  });
  return { path: file.path, content };
}
