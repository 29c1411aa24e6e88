/**
 * Extraction in this thread (`extractAll` without a pool) gives the event loop
 * turns as it goes, so a caller's timers, I/O and RPC answers are not held up
 * until the last page of a long run.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractAll } from '../../generator/pipeline/extract-all.js';
import type { InputPage } from '../../generator/parse/input.js';
import { repoRoot } from '../helpers/corpus.js';

const input = path.join(repoRoot, 'docs-input');
const seeds: InputPage[] = readdirSync(input, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.md'))
  .map((file) => ({ file: file.split(path.sep).join('/'), absolutePath: path.join(input, file), apiVersion: file.split(path.sep)[0]! }));

describe('extractAll in this thread', () => {
  it('lets the event loop turn before the last page is done', async () => {
    // About 3 ms a page: well over the 50 ms between turns.
    const pages = Array.from({ length: 120 }, (_, i) => seeds[i % seeds.length]!);
    let progress = 0;
    let doneAtTurn: number | undefined;
    const facts = await extractAll(pages, {
      onProgress: (done) => {
        progress = done;
        // Scheduled once the extractors are loaded: it runs at the loop's next turn.
        if (done === 1) setImmediate(() => (doneAtTurn = progress));
      },
    });
    expect(facts).toHaveLength(pages.length);
    expect(doneAtTurn).toBeDefined();
    expect(doneAtTurn!).toBeLessThan(pages.length);
  });
});
