/** A seeded sample of `count` items (a small linear congruential generator), so a failing sample can be replayed. */
export function sample<T>(items: readonly T[], count: number, seed: number): T[] {
  let state = seed;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  return out;
}
