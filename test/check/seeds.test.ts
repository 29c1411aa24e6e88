/**
 * The seed pages (docs-input/) hold real mistakes; the check must report
 * exactly them, at their exact positions. Why each is right: see the report
 * in the commit that added this test and the comments below.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { diskPages } from '../../generator/check/page-text.js';
import { runRules } from '../../generator/check/run-check.js';
import { repoRoot } from '../helpers/corpus.js';

const CREATE = 'v1.0/api/intune-onboarding-devicemanagementpartner-create.md';
const UPDATE = 'v1.0/api/intune-onboarding-devicemanagementpartner-update.md';
const RESOURCE = 'v1.0/resources/intune-onboarding-devicemanagementpartner.md';
const BETA = 'beta/api/intune-onboarding-compliancemanagementpartner-create.md';

describe('check of docs-input', () => {
  it('reports what is wrong in the seed pages, where it is', { timeout: 120_000 }, async () => {
    const input = path.join(repoRoot, 'docs-input');
    const result = runRules(await buildModel(input, { workers: 1 }), diskPages(input));
    expect(result.internalErrors).toEqual([]);
    expect(result.findings.map((f) => `${f.file} ${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      // No page in docs-input documents these types (the resource pages they link to are not in the seeds).
      `${BETA} 53:16 type-unresolved`,
      `${BETA} 59:30 type-unresolved`,
      `${BETA} 60:32 type-unresolved`,
      `${BETA} 61:32 type-unresolved`,
      `${BETA} 62:28 type-unresolved`,
      `${BETA} 67:73 type-unresolved`,
      // The beta examples carry no blockType annotation.
      `${BETA} 73:1 example-annotation-missing`,
      // The table is introduced as "the properties that are required when you create"; the request omits `id`.
      `${BETA} 78:1 example-required-missing`,
      // Top-level `@odata.type` written with `#`, nested ones without.
      `${BETA} 89:22 example-odata-type`,
      `${BETA} 136:1 example-annotation-missing`,
      `${CREATE} 54:15 link-broken`,
      `${CREATE} 54:16 type-unresolved`,
      `${CREATE} 55:17 link-broken`,
      `${CREATE} 55:18 type-unresolved`,
      `${CREATE} 61:35 link-broken`,
      `${CREATE} 61:36 type-unresolved`,
      `${CREATE} 80:1 example-required-missing`,
      `${CREATE} 92:22 example-odata-type`,
      `${UPDATE} 51:15 link-broken`,
      `${UPDATE} 51:16 type-unresolved`,
      `${UPDATE} 52:17 link-broken`,
      `${UPDATE} 52:18 type-unresolved`,
      `${UPDATE} 58:35 link-broken`,
      `${UPDATE} 58:36 type-unresolved`,
      `${UPDATE} 89:22 example-odata-type`,
      // The Methods table links API pages the seeds do not have (v1.0/api/ is in the input).
      `${RESOURCE} 22:2 link-broken`,
      `${RESOURCE} 23:2 link-broken`,
      `${RESOURCE} 25:2 link-broken`,
      `${RESOURCE} 27:2 link-broken`,
      `${RESOURCE} 34:15 link-broken`,
      `${RESOURCE} 34:16 type-unresolved`,
      `${RESOURCE} 35:17 link-broken`,
      `${RESOURCE} 35:18 type-unresolved`,
      `${RESOURCE} 41:35 link-broken`,
      `${RESOURCE} 41:36 type-unresolved`,
    ]);
  });
});
