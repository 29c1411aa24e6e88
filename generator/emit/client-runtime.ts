/**
 * The text of `<version>/runtime.ts`: the one dependency-free module every
 * generated client function calls, assembled from its parts. Same text
 * for each API version except the default base URL.
 */
import { RUNTIME_BATCH } from './client-runtime-batch.js';
import { RUNTIME_ENCODING } from './client-runtime-encoding.js';
import { RUNTIME_FETCH } from './client-runtime-fetch.js';
import { RUNTIME_RETRY } from './client-runtime-retry.js';
import { RUNTIME_TYPES } from './client-runtime-types.js';

export function runtimeSource(apiVersion: string): string {
  const baseUrl = `https://graph.microsoft.com/${encodeURIComponent(apiVersion)}`;
  return [RUNTIME_TYPES.replace('__BASE_URL__', JSON.stringify(baseUrl)), RUNTIME_ENCODING, RUNTIME_FETCH, RUNTIME_RETRY, RUNTIME_BATCH].join('\n');
}
