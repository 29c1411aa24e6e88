/** The emitter plugins `generate` runs, in order. */
import type { Emitter } from './emitter.js';

export const EMITTERS: readonly Emitter[] = [];
