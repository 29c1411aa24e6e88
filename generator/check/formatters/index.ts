/** Output formats by name. */
import type { Formatter } from './format.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export const FORMATS = { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub, html: formatHtml } satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATS;
