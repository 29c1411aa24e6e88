/**
 * Print memos (`emit/print-memo.ts`): statements printed one by one and put
 * together (`joinStatements`) give the text one print of the file gives, on
 * hand-made sequences and on every models file of docs-input (the corpus's are in
 * `test/corpus/model.test.ts`); a memo given the entries of the last render prints
 * only the statements that changed; saved memos (`pipeline/print-memos.ts`) are
 * used only when they are intact and made by the same code for the same file.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StatementStructures } from 'ts-morph';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMITTERS } from '../../generator/emit/emitters.js';
import { planOutput } from '../../generator/emit/index.js';
import { PrintMemo } from '../../generator/emit/print-memo.js';
import { StructureKind } from '../../generator/emit/ts-morph-values.js';
import { printStatements } from '../../generator/emit/ts-print.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { PrintMemos } from '../../generator/pipeline/print-memos.js';
import { repoRoot } from '../helpers/corpus.js';
import { memoProblems } from './print-memo-check.js';

const HEADER = '// header\n';
const docs = (description: string) => [{ description }];
const shapes: Record<string, StatementStructures> = {
  import: { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './a.js', namedImports: ['A'] },
  interface: { kind: StructureKind.Interface, name: 'B', isExported: true, docs: docs('B.\n\nTwo paragraphs.'), properties: [{ name: 'x', type: 'string', hasQuestionToken: true, docs: docs('x') }] },
  emptyInterface: { kind: StructureKind.Interface, name: 'C', isExported: true },
  alias: { kind: StructureKind.TypeAlias, name: 'D', isExported: true, type: "'a' | 'b'", docs: docs('D') },
  objectAlias: { kind: StructureKind.TypeAlias, name: 'E', isExported: true, type: '{ a: string }' },
  enum: { kind: StructureKind.Enum, name: 'F', isExported: true, members: [{ name: 'a', value: 'a' }] },
  constant: { kind: StructureKind.VariableStatement, isExported: true, declarations: [{ name: 'g', initializer: "{ a: '}' }" }] },
};
const names = Object.keys(shapes);

describe('printStatements with a memo', () => {
  // Every ordered pair and triple of shapes, so each follows each (a `}` ending, a blank line before a kind, none).
  const sequences = names.flatMap((a) => names.flatMap((b) => [[a, b], ...names.map((c) => [a, b, c])]));

  it('gives the text of one print, whatever follows what', () => {
    const differ = sequences.filter((sequence) => {
      const statements = sequence.map((name) => shapes[name]!);
      return printStatements(HEADER, statements, new PrintMemo()) !== printStatements(HEADER, statements);
    });
    expect(sequences.length).toBe(names.length ** 2 * (names.length + 1));
    expect(differ).toEqual([]);
  });

  it('prints again only the statements the last render did not print', () => {
    const first = new PrintMemo();
    const statements = [shapes.import!, shapes.interface!, shapes.alias!, shapes.enum!];
    printStatements(HEADER, statements, first);
    expect(first).toMatchObject({ printed: 4, reused: 0 });

    const edited = [shapes.import!, { ...shapes.interface!, docs: docs('B, edited.') }, shapes.alias!, shapes.enum!];
    const again = new PrintMemo(JSON.parse(JSON.stringify(first.entries())) as [string, string][]);
    expect(printStatements(HEADER, edited, again)).toBe(printStatements(HEADER, edited));
    expect(again).toMatchObject({ printed: 1, reused: 3 });
    // What it gives next time is what this render used, the old interface gone.
    expect(again.entries()).toHaveLength(4);
    expect(again.entries().map(([, text]) => text)).not.toContain(first.entries()[1]![1]);
  });
});

describe('the models files of docs-input', () => {
  it('print the same with a memo, empty or from the last render, as without', async () => {
    const { model } = await buildModel(path.join(repoRoot, 'docs-input'), { workers: 1 });
    const plans = planOutput(model, { inputLabel: 'docs-input', emitters: EMITTERS }).filter((plan) => plan.emitter === 'models');
    expect(plans.length).toBeGreaterThan(0);
    const { problems, statements } = memoProblems(plans);
    expect(problems).toEqual([]);
    expect(statements).toBeGreaterThan(plans.length);
  });
});

describe('PrintMemos', () => {
  let dir: string;
  const statements = [shapes.interface!, shapes.alias!];
  const saved = async (memos: PrintMemos) => {
    const memo = memos.memo('v1.0/models/a.ts');
    printStatements(HEADER, statements, memo);
    memos.save('v1.0/models/a.ts', memo);
    await memos.settled();
  };
  const reused = (memos: PrintMemos, file = 'v1.0/models/a.ts') => {
    const memo = memos.memo(file);
    printStatements(HEADER, statements, memo);
    return memo.reused;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-print-memos-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('gives a file the memo its last render saved', async () => {
    await saved(new PrintMemos(dir, 'code'));
    expect(reused(new PrintMemos(dir, 'code'))).toBe(2);
  });

  it('writes nothing when the render printed nothing new', async () => {
    await saved(new PrintMemos(dir, 'code'));
    const [file] = await readdir(dir);
    const before = await readFile(path.join(dir, file!), 'utf8');
    const memos = new PrintMemos(dir, 'code');
    const memo = memos.memo('v1.0/models/a.ts');
    printStatements(HEADER, statements, memo);
    memos.save('v1.0/models/a.ts', memo);
    await memos.settled();
    expect(memo.printed).toBe(0);
    expect(await readdir(dir)).toEqual([file]);
    expect(await readFile(path.join(dir, file!), 'utf8')).toBe(before);
  });

  it('uses no memo made by other code, for another file, cut short or altered', async () => {
    await saved(new PrintMemos(dir, 'code'));
    expect(reused(new PrintMemos(dir, 'other code'))).toBe(0);
    expect(reused(new PrintMemos(dir, 'code'), 'v1.0/models/b.ts')).toBe(0);
    const [file] = await readdir(dir);
    const text = await readFile(path.join(dir, file!), 'utf8');
    const damaged = [text.slice(0, -10), text.replace('interface B', 'interface Z'), 'not a memo', '', `${text.split('\n')[0]}\n[1, 2]`];
    for (const content of damaged) {
      await writeFile(path.join(dir, file!), content);
      expect(reused(new PrintMemos(dir, 'code')), JSON.stringify(content.slice(0, 40))).toBe(0);
    }
  });

  it('prints everything when the memo folder cannot be written, without failing', async () => {
    const blocked = path.join(dir, 'a-file');
    await writeFile(blocked, '');
    const memos = new PrintMemos(path.join(blocked, 'memos'), 'code');
    await saved(memos);
    expect(reused(new PrintMemos(path.join(blocked, 'memos'), 'code'))).toBe(0);
  });
});
