/**
 * `npx tsx scripts/fuzz/attack-pages.ts`: writes test/fixtures/attacks, the
 * fuzz seeds made of the pages that once stopped or stalled a run (issue 17):
 * the seed pages of docs-input with one attack each put in them. JSON nested
 * 6,000 deep in an example; an HTTP request path of ten placeholders against an
 * example segment of 20 KB; and every superlinear markdown construct of
 * `scripts/pathological-pages.ts` at 16 KB in a resource page's description.
 * Written by a script so the pages can be made again when the seeds change.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONSTRUCTS, KB } from '../pathological-pages.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = path.join(repoRoot, 'docs-input/v1.0');
const out = path.join(repoRoot, 'test/fixtures/attacks/v1.0');
const SIZE = 16 * KB;
const DEPTH = 6000;

const seed = (file: string) => readFileSync(path.join(seeds, file), 'utf8');
const create = seed('api/intune-onboarding-devicemanagementpartner-create.md');
const resource = seed('resources/intune-onboarding-devicemanagementpartner.md');

/** The first fenced json block after `marker` replaced by `body`. */
function replaceJsonAfter(page: string, marker: string, body: string): string {
  const start = page.indexOf('```', page.indexOf(marker));
  const open = page.indexOf('\n{', start);
  const end = page.indexOf('\n```', open);
  return `${page.slice(0, open + 1)}${body}${page.slice(end)}`;
}

/** `text` in lines of `width` characters. */
const lines = (text: string, width: number) => text.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');

const pages: Record<string, string> = {
  'api/attack-deep-json.md': replaceJsonAfter(create, '### Response', lines('{"a":'.repeat(DEPTH), 500) + '1' + lines('}'.repeat(DEPTH), 100)),
  'api/attack-path-placeholders.md': create
    .replace('POST /deviceManagement/deviceManagementPartners\n', `POST /deviceManagement/${Array.from({ length: 10 }, (_, i) => `{p${i}}`).join('-')}/deviceManagementPartners\n`)
    .replace('POST https://graph.microsoft.com/v1.0/deviceManagement/deviceManagementPartners', `POST https://graph.microsoft.com/v1.0/deviceManagement/${'a-'.repeat(10 * KB)}b/deviceManagementPartners`),
};
for (const [name, build] of Object.entries(CONSTRUCTS)) {
  const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
  pages[`resources/attack-${slug}.md`] = resource.replace('\n## Properties', `\n${build(SIZE)}\n\n## Properties`);
}

rmSync(out, { recursive: true, force: true });
for (const [file, text] of Object.entries(pages)) {
  mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
  writeFileSync(path.join(out, file), text);
}
console.log(`wrote ${Object.keys(pages).length} pages to ${path.relative(repoRoot, out)}`);
