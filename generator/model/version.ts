/** The generator's version: in every output header and summary, and in every cache key (`pipeline/incremental/code-id.ts`). */
export const GENERATOR_VERSION = '0.1.0';
