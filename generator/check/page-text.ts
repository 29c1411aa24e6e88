/**
 * The text of input pages, for what page facts do not keep: the column of a
 * cell inside a table row, the request line inside a code block, HTML anchors.
 * Read lazily and kept in a small cache, so a check of the whole corpus does not
 * hold every page in memory.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface PageTextSource {
  /** The page text as the extractor saw it (BOM removed); '' when unreadable. */
  text(file: string): string;
}

const CACHE_SIZE = 64;

/** Pages under an input root on disk. */
export function diskPages(root: string): PageTextSource {
  const cache = new Map<string, string>();
  return {
    text(file) {
      const hit = cache.get(file);
      if (hit !== undefined) return hit;
      let text = '';
      try {
        text = new TextDecoder('utf-8').decode(readFileSync(path.join(root, file))).replace(/^\uFEFF/, '');
      } catch {
        text = '';
      }
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(file, text);
      return text;
    },
  };
}

/** Pages held in memory (tests). */
export function memoryPages(pages: Record<string, string>): PageTextSource {
  return { text: (file) => (pages[file] ?? '').replace(/^\uFEFF/, '') };
}

/** Lines of a text without line endings, as markdown counts them (`\r\n`, `\r`, `\n`); index 0 is line 1. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** One line of a page (1-based; '' past the end), splitting each page once while it is read from. */
export function lineReader(texts: PageTextSource): (file: string, line: number) => string {
  let file = '';
  let lines: string[] = [];
  return (wanted, line) => {
    if (wanted !== file) {
      file = wanted;
      lines = splitLines(texts.text(wanted));
    }
    return lines[line - 1] ?? '';
  };
}
