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
 *
 * After an edit, `formatByParts` formats only the top-level parts of a file whose text changed
 * (`format-parts.ts`), with the same settings and the parser chosen for the whole text, and takes
 * the other parts from the file's last output.
 */
import { format } from 'prettier';
import type { EmittedFile } from './emitter.js';
import { joinPieces, memberPlan, unwrapMember, wrapMember, type MemberPlan } from './format-members.js';
import { formattedByHash, joinFormatted } from './format-parts.js';

export const PRETTIER_OPTIONS = { printWidth: 110, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' } as const;

/** Constructs on which `babel-ts` and `typescript` may make prettier print differently. */
export const BABEL_TS_UNSAFE = [
  // module, namespace and global declarations, ambient declarations
  /^[ \t]*(?:export[ \t]+)?(?:declare\b|(?:namespace|module)[ \t]+[\w$'"]|global[ \t]*\{)/m,
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
  const parser = parserFor(file.content);
  const content = await format(file.content, { ...optionsFor(file.path), parser }).catch((error: unknown) => {
    if (parser === 'typescript') throw error;
    return format(file.content, { ...optionsFor(file.path), parser: 'typescript' });
  });
  return { path: file.path, content };
}

/** Formatted text of each file, in order, one after another (a pool task, and a render thread's). */
export async function formatFiles(files: readonly EmittedFile[]): Promise<string[]> {
  const out: string[] = [];
  for (const file of files) out.push((await formatFile(file)).content);
  return out;
}

/** A file's text in parts (`format-parts.ts`), with the `partHash` of each. */
export interface SplitText {
  parts: readonly string[];
  hashes: readonly string[];
}

/** What the last run wrote for a file: the formatted text, and the hashes of the parts of the text it was formatted from. */
export interface LastOutput {
  content: string;
  hashes: readonly string[];
}

export interface FormattedByParts {
  content: string;
  /** Parts prettier formatted alone. */
  formatted: number;
  /** Parts taken from the last output. */
  reused: number;
}

/**
 * `file` (split as `split`) formatted part by part: each part whose text is that of
 * a part of the last run's text is taken formatted from the last output, the others
 * are formatted alone, with the parser chosen for the whole text. Undefined, for the
 * caller to format the file whole, when the last output does not split into the
 * recorded parts, when more than half of the text changed (formatting it whole costs
 * no more), when a part does not parse alone, or when the joined parts would not
 * split back into the same parts.
 */
export async function formatByParts(file: EmittedFile, split: SplitText, last: LastOutput): Promise<FormattedByParts | undefined> {
  if (!file.path.endsWith('.ts')) return undefined;
  const known = formattedByHash(last.content, last.hashes);
  if (!known) return undefined;
  // Changed interfaces are formatted member by member where the last output has the same interface (`format-members.ts`).
  const plans = split.parts.map((part, i) => (known.has(split.hashes[i]!) ? undefined : memberPlan(part, known.values())));
  const changed = split.parts.reduce((sum, part, i) => {
    if (known.has(split.hashes[i]!)) return sum;
    const plan = plans[i];
    return sum + (plan ? plan.pieces.members.reduce((n, member, m) => (plan.formatted[m] === null ? n + member.length : n), 0) : part.length);
  }, 0);
  if (changed * 2 > file.content.length) return undefined;
  const parser = parserFor(file.content);
  const formatted: string[] = [];
  let count = 0;
  for (const [i, part] of split.parts.entries()) {
    let text = known.get(split.hashes[i]!);
    if (text === undefined) {
      const plan = plans[i];
      text = (plan && (await formatMembers(plan, file.path, parser))) ?? (await formatPart(part, file.path, parser).catch(() => undefined));
      if (text === undefined) return undefined;
      count++;
    }
    formatted.push(text);
  }
  const content = joinFormatted(formatted);
  return content === undefined ? undefined : { content, formatted: count, reused: formatted.length - count };
}

/** An interface part from its plan: members not known formatted are formatted alone; undefined when one will not. */
async function formatMembers(plan: MemberPlan, filepath: string, parser: 'babel-ts' | 'typescript'): Promise<string | undefined> {
  const members: string[] = [];
  for (const [i, member] of plan.pieces.members.entries()) {
    const known = plan.formatted[i];
    const text = known ?? unwrapMember(await formatPart(wrapMember(member), filepath, parser).catch(() => ''));
    if (text === undefined) return undefined;
    members.push(text);
  }
  return joinPieces({ ...plan.pieces, members });
}

/** Prettier on one part of the file `filepath`, with the parser chosen for the whole file's text. */
export function formatPart(part: string, filepath: string, parser: 'babel-ts' | 'typescript'): Promise<string> {
  return format(part, { ...optionsFor(filepath), parser });
}

function optionsFor(filepath: string) {
  return { ...PRETTIER_OPTIONS, embeddedLanguageFormatting: 'off', filepath } as const;
}
