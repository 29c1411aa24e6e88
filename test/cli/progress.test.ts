/** Progress: a bar on a terminal, quarter lines elsewhere or under CI, nothing when quiet or within the first second. */
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../generator/cli/progress.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, columns: 80, write: (text: string) => chunks.push(text) > 0 };
}

function drive(progress: ReturnType<typeof createProgress>): void {
  for (let done = 1; done <= 400; done++) progress.update('parse', done, 400);
  for (let done = 1; done <= 8; done++) progress.update('emit', done, 8);
  progress.end();
}

describe('createProgress', () => {
  it('draws a bar on a terminal and clears it at the end', () => {
    const out = stream(true);
    drive(createProgress({ stream: out, env: {}, delay: 0 }));
    expect(out.chunks[0]).toMatch(/^\r\u001b\[2K#*-* 1\/400 pages parsed$/);
    expect(out.chunks.some((c) => c.endsWith('400/400 pages parsed'))).toBe(true);
    expect(out.chunks.at(-1)).toBe('\r\u001b[2K');
  });

  it.each([
    ['not a terminal', stream(false), {}],
    ['under CI', stream(true), { CI: 'true' }],
  ])('prints quarter lines when %s, and none for short phases', (_, out, env) => {
    drive(createProgress({ stream: out, env, delay: 0 }));
    expect(out.chunks).toEqual(['docs2ts: 100/400 pages parsed\n', 'docs2ts: 200/400 pages parsed\n', 'docs2ts: 300/400 pages parsed\n', 'docs2ts: 400/400 pages parsed\n']);
  });

  it('prints nothing when quiet or before the delay', () => {
    const quiet = stream(true);
    drive(createProgress({ stream: quiet, env: {}, quiet: true, delay: 0 }));
    const early = stream(true);
    drive(createProgress({ stream: early, env: {}, delay: 60_000 }));
    expect([...quiet.chunks, ...early.chunks]).toEqual([]);
  });
});
