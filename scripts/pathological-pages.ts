/**
 * Pages of the constructs that once made the markdown parser superlinear
 * (issue 17), built to a size: for `scripts/pathological.ts`, which times
 * them, and for the regression tests, which extract them.
 */
export const KB = 1024;

/** Each construct: a line (or unit) repeated until the page reaches the size. */
export const CONSTRUCTS: Record<string, (size: number) => string> = {
  'inline comment `a <!-- b`': (size) => repeat('a <!-- b\n', size),
  'inline comment before `>` `a <!-- b >`': (size) => repeat('a <!-- b >\n', size),
  'instruction before `>` `a <? b >`': (size) => repeat('a <? b >\n', size),
  'link opener `[x](`': (size) => repeat('[x](\n', size),
  'nested `>` lines (1,000 deep)': (size) => repeat(`${'>'.repeat(1000)} a\n`, size),
  'list levels by indentation': (size) => indentedList(size),
  'nested `-` markers (1,000 deep)': (size) => repeat(`${'- '.repeat(1000)}a\n`, size),
  'table of 5,000 columns': (size) => wideTable(5000, size),
  'backtick runs of growing length': (size) => backtickRuns(size),
  'code span over lines': (size) => `\`${repeat('a b\n', size)}\``,
  'emphasis runs `*a*a*a`': (size) => repeat(`${'*a'.repeat(40)}\n`, size),
  'strong openers `a **b`': (size) => repeat('a **b\n', size),
  'strong closers `a** b`': (size) => repeat('a** b\n', size),
  'bracket runs `[`': (size) => repeat(`${'[a'.repeat(40)}\n`, size),
  'brackets in text `a ] b`': (size) => repeat('a ] b\n', size),
  'references in text `a & b`': (size) => repeat('a & b\n', size),
  'image openers `![x](`': (size) => repeat('![x](\n', size),
  'HTML block lines `<div>`': (size) => repeat('<div>\n', size),
  'unclosed tags `<a b="`': (size) => repeat('x <a b="\n', size),
};

function repeat(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/** `- a`, then `  - a` one level deeper on each line, until the page reaches the size. */
export function indentedList(size: number): string {
  let text = '';
  for (let depth = 0; text.length < size; depth++) text += `${'  '.repeat(depth)}- a\n`;
  return text;
}

/** A table `columns` wide, with rows until the page reaches the size. */
export function wideTable(columns: number, size: number): string {
  const row = `${'|a'.repeat(columns)}|\n`;
  let text = row + `${'|-'.repeat(columns)}|\n`;
  while (text.length < size) text += row;
  return text;
}

/** One paragraph of backtick runs 1, 2, 3, ... long, one a line, none closed (each length appears once). */
function backtickRuns(size: number): string {
  let text = '';
  for (let n = 1; text.length < size; n++) text += `a ${'`'.repeat(n)}\n`;
  return text;
}
