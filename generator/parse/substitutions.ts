/**
 * Characters of a page replaced, before parsing, by stand-ins that start no
 * markdown construct, and put back in the tree after: how `linear.ts` keeps
 * the parser from trying constructs that cannot close (or that are past a
 * limit) without moving any offset, line or column.
 *
 * A stand-in is a Braille pattern (U+2801 to U+28FF) that the page does not
 * hold: one code unit like the character it replaces, and, like it, a
 * punctuation or symbol character to micromark, so the emphasis next to it
 * flanks as it did. Each replaced character has its own stand-in; restoring
 * puts the character back in every string of the tree (`value`, `url`,
 * `title`, `alt`, ...): literal text, code and HTML read the same either way.
 */
import type { Root } from 'mdast';

const FIRST = 0x2801;
const LAST = 0x28ff;

export class Substitutions {
  private readonly standIns = new Map<string, string>();
  private readonly originals = new Map<string, string>();
  private next = FIRST;
  /** The page's code units, once one is replaced. */
  private edited: string[] | undefined;

  constructor(private readonly text: string) {}

  /** Replaces the character at `index` (one code unit); false when no stand-in is left (the page holds them all). */
  replace(index: number): boolean {
    const char = this.text[index]!;
    let standIn = this.standIns.get(char);
    if (standIn === undefined) {
      while (this.next <= LAST && this.text.includes(String.fromCharCode(this.next))) this.next++;
      if (this.next > LAST) return false;
      standIn = String.fromCharCode(this.next++);
      this.standIns.set(char, standIn);
      this.originals.set(standIn, char);
    }
    this.edited ??= this.text.split('');
    this.edited[index] = standIn;
    return true;
  }

  /** The text to parse. */
  result(): string {
    return this.edited ? this.edited.join('') : this.text;
  }

  /** Puts the replaced characters back in every string of `tree` (in place). */
  restore(tree: Root): Root {
    if (!this.edited) return tree;
    const pattern = new RegExp(`[${[...this.originals.keys()].join('')}]`, 'g');
    const put = (value: string): string => value.replace(pattern, (standIn) => this.originals.get(standIn)!);
    const visit = (node: Record<string, unknown>): void => {
      for (const key in node) {
        const value = node[key];
        if (typeof value === 'string' && key !== 'type') node[key] = put(value);
        else if (key === 'children') for (const child of value as Record<string, unknown>[]) visit(child);
      }
    };
    visit(tree as unknown as Record<string, unknown>);
    return tree;
  }
}
