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

const { codeText } = (await import(pathToFileURL(path.join(path.dirname(createRequire(micromarkMain).resolve('micromark-core-commonmark')), 'lib/code-text.js')).href)) as {
  codeText: { resolve: (events: Event[]) => Event[] };
};

/** micromark-core-commonmark 2.0.4's merge in `resolveCodeText` as published (MIT, Titus Wormer), the oracle. */
function publishedCodeText(events: Event[]): Event[] {
  let tailExitIndex = events.length - 4;
  let headEnterIndex = 3;
  let index: number;
  let enter: number | undefined;
  const type = (i: number) => events[i]![1].type;
  if ((type(headEnterIndex) === 'lineEnding' || type(headEnterIndex) === 'space') && (type(tailExitIndex) === 'lineEnding' || type(tailExitIndex) === 'space')) {
    index = headEnterIndex;
    while (++index < tailExitIndex) {
      if (type(index) === 'codeTextData') {
        events[headEnterIndex]![1].type = 'codeTextPadding';
        events[tailExitIndex]![1].type = 'codeTextPadding';
        headEnterIndex += 2;
        tailExitIndex -= 2;
        break;
      }
    }
  }
  index = headEnterIndex - 1;
  tailExitIndex++;
  while (++index <= tailExitIndex) {
    if (enter === undefined) {
      if (index !== tailExitIndex && type(index) !== 'lineEnding') enter = index;
    } else if (index === tailExitIndex || type(index) === 'lineEnding') {
      events[enter]![1].type = 'codeTextData';
      if (index !== enter + 2) {
        events[enter]![1].end = events[index - 1]![1].end;
        events.splice(enter + 2, index - enter - 2);
        tailExitIndex -= index - enter - 2;
        index = enter + 2;
      }
      enter = undefined;
    }
  }
  return events;
}

describe('patched resolveCodeText', () => {
  /** A code span's events: enter codeText, its opening sequence, the inner tokens, the closing sequence, exit codeText. */
  function codeSpan(inner: readonly string[]): Event[] {
    const events = eventsOf(['codeText', 'codeTextSequence', ...inner, 'codeTextSequence']);
    // eventsOf exits each token at once: the span's exit goes last.
    events.push(...events.splice(1, 1));
    return events;
  }

  it('merges data and spaces between line endings as the published code does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('codeTextData', 'space', 'lineEnding'), { minLength: 1, maxLength: 30 }), (inner) => {
        const shape = (events: Event[]) => events.map(([kind, token]) => [kind, token.type, token.start.offset, token.end.offset]);
        expect(shape(codeText.resolve(codeSpan(inner)))).toEqual(shape(publishedCodeText(codeSpan(inner))));
      }),
      { numRuns: 500 },
    );
  });
});
