/**
 * Markdown that reads as a changelog (a PR comment, release notes): grouped by
 * API version, then resource, breaking changes first (the order `diffModels`
 * sorts in). Text from the docs is only ever inside code spans (`code`); the
 * rest is escaped, so no page can inject markup, links or mentions.
 */
import type { ChangeSeverity } from '../change.js';
import { code, shortName } from '../match.js';
import type { DiffFormatter } from './format.js';
import { changeLocation, revisionOf, summaryText } from './format.js';

const LABEL: Readonly<Record<ChangeSeverity, string>> = { breaking: '**Breaking**', warning: '**Warning**', info: 'Info' };

export const formatDiffMarkdown: DiffFormatter = (input) => {
  const { changes, summary } = input.result;
  const lines = [`## API changes: ${code(input.base.label)} → ${code(input.head.label)}`, '', `${escapeText(summaryText(summary))}.`];
  let version: string | undefined;
  let resource: string | undefined;
  for (const change of changes) {
    if (change.apiVersion !== version) {
      version = change.apiVersion;
      resource = undefined;
      lines.push('', `### ${code(version)}`);
    }
    if (change.resource !== resource) {
      resource = change.resource;
      lines.push('', `#### ${code(shortName(resource))}`, '');
    }
    lines.push(`- ${LABEL[change.severity]}: ${escapeMessage(change.message)} (${code(changeLocation(input, change))}${inRevision(revisionOf(input, change))})`);
  }
  return `${lines.join('\n')}\n`;
};

function inRevision(revision: string | undefined): string {
  return revision === undefined ? '' : ` in ${code(revision)}`;
}

/** A message with its code spans kept and everything else escaped. */
function escapeMessage(message: string): string {
  let out = '';
  let last = 0;
  for (const match of message.matchAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    out += escapeText(message.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeText(message.slice(last));
}

/** A backslash before each character that could start markup: emphasis, code, links, HTML, strikethrough, mentions, entities. */
function escapeText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>~@&]/g, '\\$&');
}
