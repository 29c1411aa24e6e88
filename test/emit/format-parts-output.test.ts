/**
 * Formatting by parts gives what formatting whole gives, on real output: every
 * TypeScript file the emitters write for docs-input (the files of `generated/`)
 * and, when the corpus is here, for a sample of it (every eighth page of each
 * folder, so every emitter and the large grouped files are there). For each
 * file: its text splits at statement boundaries (`statementParts`; the two
 * runtime files, fixed code with regular expressions, do not and are never
 * formatted by parts), prettier's output of the whole file splits into as many
 * parts, and the parts formatted one by one, joined, are that output. Each
 * interface part also gives its formatted text member by member
 * (`format-members.ts`).
 */
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EmittedFile } from '../../generator/emit/emitter.js';
import { EMITTERS } from '../../generator/emit/emitters.js';
import { formatFile, formatPart, parserFor } from '../../generator/emit/format.js';
import { joinFormatted, splitParts, statementParts } from '../../generator/emit/format-parts.js';
import { interfacePieces, joinPieces, memberPlan, unwrapMember, wrapMember } from '../../generator/emit/format-members.js';
import { emitModel } from '../../generator/emit/index.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { corpusRoot, hasCorpus, repoRoot } from '../helpers/corpus.js';

const SLOW = { timeout: 600_000 };
/** Files with a regular expression in their code: `statementParts` cannot scan them, and they are always formatted whole. */
const UNSCANNED = /(?:^|\/)(?:validators\/)?runtime\.ts$/;

async function emittedFiles(input: string): Promise<EmittedFile[]> {
  const { model } = await buildModel(input, { workers: 1 });
  return emitModel(model, { inputLabel: path.basename(input), emitters: EMITTERS }).filter((file) => file.path.endsWith('.ts'));
}

/** Problems of formatting `file` by parts, as lines (none when it gives the whole-file output), and its number of parts. */
async function byPartsProblems(file: EmittedFile): Promise<{ problems: string[]; parts: number; members: number }> {
  const parts = statementParts(file.content);
  if (!parts) return { problems: UNSCANNED.test(file.path) ? [] : [`${file.path}: not split at statement boundaries`], parts: 0, members: 0 };
  const whole = (await formatFile(file)).content;
  const wholeParts = splitParts(whole).length;
  if (wholeParts !== parts.length) return { problems: [`${file.path}: ${parts.length} parts, formatted whole ${wholeParts}`], parts: parts.length, members: 0 };
  const parser = parserFor(file.content);
  const formatted = await Promise.all(parts.map((part) => formatPart(part, file.path, parser)));
  const problems = joinFormatted(formatted) === whole ? [] : [`${file.path}: formatted by parts differs from formatted whole`];
  const members = await memberProblems(file.path, parts, splitParts(whole), parser);
  return { problems: [...problems, ...members.problems], parts: parts.length, members: members.count };
}

/**
 * Problems of formatting each interface part member by member (`format-members.ts`),
 * against the part as formatted in the whole file: every member formatted alone
 * gives its formatted text, and so does the plan an edit makes when the last output
 * is that formatted file (members found as they stand taken as they are).
 */
async function memberProblems(file: string, parts: readonly string[], formattedParts: readonly string[], parser: 'babel-ts' | 'typescript'): Promise<{ problems: string[]; count: number }> {
  const problems: string[] = [];
  let count = 0;
  for (const [i, part] of parts.entries()) {
    const pieces = interfacePieces(part);
    if (!pieces) continue;
    const formatted = interfacePieces(formattedParts[i]!);
    const name = `${file}: interface part ${i}`;
    if (!formatted || formatted.members.length !== pieces.members.length) {
      problems.push(`${name}: ${pieces.members.length} members, formatted ${formatted?.members.length ?? 'not an interface'}`);
      continue;
    }
    count += pieces.members.length;
    for (const [m, member] of pieces.members.entries()) {
      const alone = unwrapMember(await formatPart(wrapMember(member), file, parser));
      if (alone !== formatted.members[m]) problems.push(`${name}: member ${m} formatted alone differs`);
    }
    const plan = memberPlan(part, [formattedParts[i]!]);
    if (pieces.head === formatted.head && !plan) problems.push(`${name}: no member plan against its own formatted part`);
    if (plan) {
      const joined = joinPieces({ ...plan.pieces, members: plan.formatted.map((text, m) => text ?? formatted.members[m]!) });
      if (joined !== formattedParts[i]) problems.push(`${name}: members taken as they stand differ from formatted`);
    }
  }
  return { problems, count };
}

async function check(files: readonly EmittedFile[]): Promise<{ problems: string[]; parts: number; members: number }> {
  const results = [];
  for (const file of files) results.push(await byPartsProblems(file));
  return { problems: results.flatMap((r) => r.problems), parts: results.reduce((sum, r) => sum + r.parts, 0), members: results.reduce((sum, r) => sum + r.members, 0) };
}

describe('formatting by parts on real output', () => {
  it('gives the whole-file output on every file of docs-input (generated/)', SLOW, async () => {
    const files = await emittedFiles(path.join(repoRoot, 'docs-input'));
    expect(files.map((file) => file.path).filter((file) => UNSCANNED.test(file))).toHaveLength(4);
    const { problems, parts, members } = await check(files);
    expect(problems).toEqual([]);
    expect(parts).toBeGreaterThan(files.length);
    expect(members).toBeGreaterThan(10);
  });

  describe.skipIf(!hasCorpus)('on a sample of the corpus', () => {
    let dir: string | undefined;
    afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

    it('gives the whole-file output on every file of every eighth page', SLOW, async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-parts-'));
      const input = path.join(dir, 'graph-docs');
      for (const folder of ['v1.0/api', 'v1.0/resources', 'beta/api', 'beta/resources']) {
        await mkdir(path.join(input, folder), { recursive: true });
        const pages = (await readdir(path.join(corpusRoot, folder))).filter((name) => name.endsWith('.md')).sort();
        for (const page of pages.filter((_, i) => i % 8 === 0)) await cp(path.join(corpusRoot, folder, page), path.join(input, folder, page));
      }
      const files = await emittedFiles(input);
      const { problems, parts, members } = await check(files);
      expect(problems).toEqual([]);
      expect(files.length).toBeGreaterThan(200);
      expect(parts).toBeGreaterThan(files.length * 2);
      expect(members).toBeGreaterThan(5_000);
    });
  });
});
