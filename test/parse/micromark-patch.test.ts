/**
 * micromark's merge of adjacent `data` events, as patched (`patches/micromark+4.0.3.patch`:
 * one pass instead of a `splice` per run), gives the events the published code gives, on
 * random event lists (fast-check).
 */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Token {
  type: string;
  start: { offset: number };
  end: { offset: number };
}
type Event = [string, Token, unknown];
type Resolve = (events: Event[], context: unknown) => Event[];

const micromarkMain = createRequire(import.meta.url).resolve('micromark');
const { resolver } = (await import(pathToFileURL(path.join(path.dirname(micromarkMain), 'lib/initialize/text.js')).href)) as { resolver: { resolveAll: Resolve } };

/** micromark 4.0.3's `resolveAllText` as published (MIT, Titus Wormer), the oracle. */
function published(events: Event[]): Event[] {
  let index = -1;
  let enter: number | undefined;
  while (++index <= events.length) {
    if (enter === undefined) {
      if (events[index] && events[index]![1].type === 'data') {
        enter = index;
        index++;
      }
    } else if (!events[index] || events[index]![1].type !== 'data') {
      if (index !== enter + 2) {
        events[enter]![1].end = events[index - 1]![1].end;
        events.splice(enter + 2, index - enter - 2);
        index = enter + 2;
      }
      enter = undefined;
    }
  }
  return events;
}

/** Tokens of the given types one after another, each an enter and an exit event. */
function eventsOf(types: readonly string[]): Event[] {
  return types.flatMap((type, i): Event[] => {
    const token: Token = { type, start: { offset: i }, end: { offset: i + 1 } };
    return [
      ['enter', token, null],
      ['exit', token, null],
    ];
  });
}

describe('patched resolveAllText', () => {
  it('merges data runs as the published code does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('data', 'data', 'lineEnding', 'emphasis'), { maxLength: 40 }), (types) => {
        const mine = resolver.resolveAll(eventsOf(types), null);
        const theirs = published(eventsOf(types));
        expect(mine.map(([kind, token]) => [kind, token.type, token.start.offset, token.end.offset])).toEqual(
          theirs.map(([kind, token]) => [kind, token.type, token.start.offset, token.end.offset]),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('merges 100,000 runs in one pass', { timeout: 60_000 }, () => {
    const events = eventsOf(Array.from({ length: 300_000 }, (_, i) => (i % 3 === 2 ? 'lineEnding' : 'data')));
    const merged = resolver.resolveAll(events, null);
    expect(merged).toHaveLength(400_000);
    expect(merged[0]![1].end.offset).toBe(2);
  });
});
