/** Diff output formats by name. */
import type { DiffFormatter } from './format.js';
import { formatDiffGithub } from './github.js';
import { formatDiffJson } from './json.js';
import { formatDiffMarkdown } from './markdown.js';
import { formatDiffText } from './text.js';

export const DIFF_FORMATS = { text: formatDiffText, markdown: formatDiffMarkdown, json: formatDiffJson, github: formatDiffGithub } satisfies Record<string, DiffFormatter>;

export type DiffFormatName = keyof typeof DIFF_FORMATS;
