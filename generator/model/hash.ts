/** Content hashes for cache keys: SHA-1 (not for security; collisions are not a threat model here), hex. */
import { createHash } from 'node:crypto';

export function hashOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha1');
  for (const part of parts) {
    hash.update(part);
    // A separator no text part can contain, so ('ab', 'c') and ('a', 'bc') differ.
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/**
 * Digests JSON-like values, remembering the digest of each object it has seen
 * (by identity), so a type shared by several output files is serialised once.
 */
export class Digester {
  private readonly memo = new WeakMap<object, string>();

  of(value: unknown): string {
    if (typeof value !== 'object' || value === null) return hashOf(JSON.stringify(value) ?? 'undefined');
    let digest = this.memo.get(value);
    if (digest === undefined) {
      digest = hashOf(JSON.stringify(value));
      this.memo.set(value, digest);
    }
    return digest;
  }

  /** One digest for a list of values (each digested, then the list). */
  list(values: readonly unknown[]): string {
    return hashOf(...values.map((value) => this.of(value)));
  }
}
