/** Reads the facts cache's index file (`pipeline/incremental/facts-store.ts`) for tests that look inside it. */

/** The index file's run, keys and numbers (seven per key: core span, detail span, last run). */
export function readIndexFile(bytes: Buffer): { run: number; keys: string[]; numbers: number[] } {
  const count = bytes.readUInt32LE(16);
  const numbers = Array.from({ length: count * 7 }, (_, i) => bytes.readDoubleLE(32 + 8 * i));
  const keys = count === 0 ? [] : bytes.toString('utf8', 32 + count * 56).split('\0');
  return { run: bytes.readUInt32LE(12), keys, numbers };
}
