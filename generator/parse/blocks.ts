/**
 * Where a page can be cut into blocks that parse alone exactly as they parse in
 * the page. A cut goes
 * - before a line that follows a blank line and starts, in its first column, a
 *   character that can neither continue an open container (a space or tab,
 *   `>`) nor extend a list (`-`, `*`, `+`, a digit): after a blank line, such a
 *   line closes every block except a fenced code block and the HTML blocks that
 *   run to an end marker, which are tracked here;
 * - before an ATX heading, a fence or an HTML comment that starts in the first
 *   column: each closes every open block (none of them can be a paragraph's
 *   lazy continuation) unless an HTML block is open;
 * - after such a heading line, a fence's closing line or a comment's last line
 *   (and the front matter), which leave nothing open; but never before `---`,
 *   which would start front matter in a block of its own.
 * Pages where a block's meaning could depend on another block (link reference
 * definitions apply page-wide) or where the tracking could be wrong (fence
 * lines that are not at the start of a line, HTML blocks of the kinds that
 * span blank lines) are not cut at all.
 *
 * The corpus test (`test/corpus/blocks.test.ts`) checks that every page of the
 * reference docs gives the same tree cut and whole.
 */

/** Offsets at which blocks start: always `[0, ...]`; `[0]` when the page must be parsed whole. */
export function blockStarts(text: string): number[] {
  if (text.includes(']:') || HTML_SPANNING.test(text)) return [0];
  const starts = [0];
  let fence: { char: string; length: number } | undefined;
  let frontMatter = text.startsWith('---');
  let html = false;
  let comment = false;
  let previousBlank = false;
  // Set on a line that leaves no block open; cleared by the next line that is not blank.
  let closed = false;
  for (let offset = 0, first = true; offset < text.length; first = false) {
    let end = text.indexOf('\n', offset);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(offset, end - 1) : text.slice(offset, end);
    const blank = line.trim() === '';
    const from = offset;
    offset = end + 1;
    if (frontMatter) {
      if (!first && /^(---|\.\.\.)\s*$/.test(line)) {
        frontMatter = false;
        closed = line === '---' && /^---\r?\n/.test(text);
      }
      continue;
    }
    if (comment) {
      if (line.includes('-->')) {
        comment = false;
        closed = true;
      }
      continue;
    }
    const marker = FENCE.exec(line);
    // Fences are followed only where they start the line: others may belong to a list item or a quote.
    if (marker && marker[1] !== '') return [0];
    if (fence) {
      if (marker && marker[2]![0] === fence.char && marker[2]!.length >= fence.length && marker[3]!.trim() === '') {
        fence = undefined;
        closed = true;
      }
      previousBlank = false;
      continue;
    }
    const opensFence = marker !== null && !(marker[2]![0] === '`' && marker[3]!.includes('`'));
    const heading = ATX_HEADING.test(line);
    const cut = from > 0 && !blank && ((closed && !line.startsWith('---')) || (previousBlank && CUTTABLE.test(line)) || (!html && (heading || opensFence || line.startsWith('<!--'))));
    previousBlank = blank;
    if (!blank) closed = false;
    const open = line.indexOf('<!--');
    if (open >= 0 && !line.includes('-->', open + 4)) {
      // A comment over several lines is followed where it starts a line outside other blocks; elsewhere it could span blank lines unseen.
      if (open !== 0 || html) return [0];
      if (cut) starts.push(from);
      comment = true;
      continue;
    }
    if (marker && html) return [0];
    if (cut) starts.push(from);
    // A backtick run followed by another backtick on its line is inline code, not a fence.
    if (opensFence) fence = { char: marker[2]![0]!, length: marker[2]!.length };
    else if (HTML_START.test(line)) html = true;
    else if (!html && (heading || open === 0)) closed = true;
    if (blank) html = false;
  }
  return starts;
}

/** A fence line: indent, fence, rest. Fence-like runs after other text (in a list item, a quote) make the page uncuttable. */
const FENCE = /^([ \t>*+\-\d.)]*?)(`{3,}|~{3,})(.*)$/s;

/** An ATX heading in the first column (a line of its own, whatever follows). */
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;

/** A line that starts an HTML block (which then runs to a blank line). */
const HTML_START = /^ {0,3}<[A-Za-z/]/;

/** A line a cut may go before: it starts with a character that no open container or list can take after a blank line. */
const CUTTABLE = /^[^\s>*+\-\d]/;

/**
 * HTML blocks, other than comments, that end at a marker rather than at a
 * blank line (`<pre>`, `<script>`, `<style>`, `<textarea>`, processing
 * instructions, declarations, CDATA).
 */
const HTML_SPANNING = /<(?:pre|script|style|textarea)(?:[\s>]|$)|<\?|<![A-Za-z[]/im;
