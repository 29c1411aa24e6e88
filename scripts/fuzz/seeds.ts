/**
 * Real pages to mutate, in groups that link to each other: a resource page
 * with the API pages named after it (`user.md`, `user-get.md`, ...), so the
 * linker and the checker see pages that refer to one another. Small docs roots
 * (the seeds, the hostile fixtures) are one group per API version.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CasePage } from './run-case.js';

export interface SeedGroup {
  root: string;
  /** Input-relative files, `/` separators. */
  files: string[];
}

const SMALL_ROOT = 50;
const API_PAGES_PER_GROUP = 2;

/** Groups of one docs root; `sample` keeps every n-th group (deterministic) down to about that many. */
export function seedGroups(root: string, sample?: number): SeedGroup[] {
  if (!existsSync(root)) return [];
  const versions = readdirSync(root).filter((name) => /^(v\d+(\.\d+)?|beta)$/.test(name)).sort();
  const groups: SeedGroup[] = [];
  for (const version of versions) {
    const list = (folder: string) =>
      existsSync(path.join(root, version, folder))
        ? readdirSync(path.join(root, version, folder))
            .filter((name) => name.endsWith('.md'))
            .sort()
            .map((name) => `${version}/${folder}/${name}`)
        : [];
    const resources = list('resources');
    const api = list('api');
    if (resources.length + api.length <= SMALL_ROOT) {
      groups.push({ root, files: [...resources, ...api] });
      continue;
    }
    const grouped = new Set<string>();
    for (const resource of resources) {
      const stem = path.basename(resource, '.md');
      const related = api.filter((file) => path.basename(file).startsWith(`${stem}-`)).slice(0, API_PAGES_PER_GROUP);
      related.forEach((file) => grouped.add(file));
      groups.push({ root, files: [resource, ...related] });
    }
    for (const file of api) if (!grouped.has(file)) groups.push({ root, files: [file] });
  }
  if (!sample || groups.length <= sample) return groups;
  const stride = groups.length / sample;
  return Array.from({ length: sample }, (_, i) => groups[Math.floor(i * stride)]!);
}

const cache = new Map<string, string>();
const CACHE_SIZE = 2_000;

export function loadGroup(group: SeedGroup): CasePage[] {
  return group.files.map((file) => {
    const absolute = path.join(group.root, file);
    let text = cache.get(absolute);
    if (text === undefined) {
      text = readFileSync(absolute, 'utf8');
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(absolute, text);
    }
    return { file, apiVersion: file.split('/')[0]!, text };
  });
}
