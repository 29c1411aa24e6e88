/**
 * Statements printed one by one and remembered by their structure, so that after
 * an edit a models file of a few hundred interfaces is printed again only where a
 * statement changed (ts-morph's printer writes text a character at a time: some
 * 50 ms for the largest file of the corpus, 5 for the statements of it that an
 * edit leaves as they were). `printStatements` (`ts-print.ts`) puts statements
 * printed alone together as one print of them all would; with or without a memo
 * it gives the same text, which `test/emit/print-memo.test.ts` checks on every
 * file the models emitter writes for docs-input and the corpus.
 *
 * A statement is known by the hash of its JSON: the structures the models emitter
 * memoizes are plain data (no writer functions), so the JSON holds all the printer
 * reads. The memo of a file is kept between runs by `pipeline/print-memos.ts`.
 * This module loads no ts-morph: a run that renders nothing never loads it.
 */
import { createHash } from 'node:crypto';
import type { StatementStructures } from 'ts-morph';

export class PrintMemo {
  private saved: ReadonlyMap<string, string> | undefined;
  private readonly used = new Map<string, string>();
  /** Statements printed by this memo, and taken from what it was given. */
  printed = 0;
  reused = 0;

  /**
   * `saved`: the entries of a memo of the last run (`entries()`), trusted to be what
   * their keys print, or a function giving them, called on the first statement.
   */
  constructor(private readonly from: Iterable<readonly [string, string]> | (() => Iterable<readonly [string, string]>) = []) {}

  /** The statement printed alone (by `print`, as a file of that one statement). */
  text(statement: StatementStructures, print: (statement: StatementStructures) => string): string {
    const key = statementKey(statement);
    this.saved ??= new Map(typeof this.from === 'function' ? this.from() : this.from);
    let text = this.used.get(key) ?? this.saved.get(key);
    if (text === undefined) {
      text = print(statement);
      this.printed++;
    } else {
      this.reused++;
    }
    this.used.set(key, text);
    return text;
  }

  /** The statements this memo has given, by key, in first-use order: what a file's next render can reuse. */
  entries(): [string, string][] {
    return [...this.used];
  }
}

/** A statement's key: 96 bits of SHA-1 of its JSON, base64url. */
export function statementKey(statement: StatementStructures): string {
  return createHash('sha1').update(JSON.stringify(statement)).digest('base64url').slice(0, 16);
}
