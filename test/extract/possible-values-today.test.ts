/**
 * Possible values listed as an HTML list in a property's Description cell, on today's
 * application page (test/fixtures/today): read by the one property-table reader.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';

describe('possible values in <ul><li> lists', async () => {
  const { model } = await buildModel(path.join(repoRoot, 'test/fixtures/today'), { workers: 1 });
  const application = model.types.find((t) => t.fullName === 'microsoft.graph.application')!;
  const values = (name: string) => application.properties.find((p) => p.name === name)?.possibleValues;

  it('reads application.signInAudience (code-marked items)', () => {
    expect(values('signInAudience')).toEqual(['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount']);
  });

  it('reads bold items followed by a dash (servicePrincipalType)', () => {
    expect(values('servicePrincipalType')).toEqual(['Application', 'SocialIdp']);
  });

  it('reads no values where the description lists none', () => {
    expect(values('tags')).toBeUndefined();
  });
});
