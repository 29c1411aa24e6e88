/**
 * generated/ is committed: regenerating it from docs-input/ must give exactly the
 * committed files and their marker (run `npm run generate` and review the diff
 * when docs or the generator change).
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { emitFormatted } from '../../generator/emit/index.js';
import { EMITTERS } from '../../generator/emit/emitters.js';
import type { EmittedFile } from '../../generator/emit/emitter.js';
import { listFiles } from '../../generator/pipeline/output-dir.js';
import { markerText, OUTPUT_MARKER } from '../../generator/pipeline/output-owner.js';
import { repoRoot } from '../helpers/corpus.js';

let files: EmittedFile[];
beforeAll(async () => {
  const { model } = await buildModel(path.join(repoRoot, 'docs-input'), { workers: 1 });
  files = await emitFormatted(model, { inputLabel: 'docs-input', emitters: EMITTERS });
});

describe('generated/ for docs-input/', () => {
  it('holds exactly the files the generator writes', async () => {
    expect(listFiles(path.join(repoRoot, 'generated'))).toEqual(files.map((f) => f.path));
  });

  it('holds each file exactly as the generator writes it', async () => {
    for (const file of files) {
      expect(await readFile(path.join(repoRoot, 'generated', file.path), 'utf8'), file.path).toBe(file.content);
    }
  });

  it('carries the marker listing those files, which makes the folder docs2ts\'s own', async () => {
    expect(await readFile(path.join(repoRoot, 'generated', OUTPUT_MARKER), 'utf8')).toBe(markerText(files.map((f) => f.path)));
  });
});
