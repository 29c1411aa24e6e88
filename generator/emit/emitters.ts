/** The emitter plugins `generate` runs, in order. */
import { clientEmitter } from './client.js';
import type { Emitter } from './emitter.js';
import { modelsEmitter } from './models-emitter.js';
import { validatorsEmitter } from './validators-emitter.js';

export const EMITTERS: readonly Emitter[] = [modelsEmitter, validatorsEmitter, clientEmitter];
