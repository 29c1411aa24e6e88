/**
 * The real seed model (docs-input/ through the model stage): emitted for
 * every API version, type-checked, and the docs' own example payloads run
 * through the generated validators.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../generator/model/ir.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';
import { contextOf } from './fixtures.js';
import { emitAll, formatFiles, loadValidators, typecheck, writeFiles, type LoadedValidators } from './harness.js';

let model: Model;

beforeAll(async () => {
  ({ model } = await buildModel(join(repoRoot, 'docs-input'), { workers: 1 }));
}, 120_000);

describe('output for the model of docs-input/', () => {
  it('type-checks for every API version', async () => {
    for (const apiVersion of model.apiVersions) {
      const files = await formatFiles(emitAll(contextOf(model, apiVersion)));
      const dir = writeFiles(files);
      expect(typecheck(dir, files.map((f) => f.path)), apiVersion).toEqual([]);
    }
  });

  it('accepts every example body the docs show for a typed request or response', async () => {
    const validators = new Map<string, LoadedValidators>();
    for (const apiVersion of model.apiVersions) validators.set(apiVersion, await loadValidators(contextOf(model, apiVersion)));
    const checked: string[] = [];
    for (const operation of model.operations) {
      const type = operation.response.type;
      if (!type || type.isCollection) continue;
      const { schema } = validators.get(operation.apiVersion)!;
      for (const example of operation.examples) {
        const bodies = [
          ['response', example.response] as const,
          ...(operation.kind === 'create' || operation.kind === 'update' ? [['request', example.request] as const] : []),
        ];
        for (const [which, message] of bodies) {
          if (!message?.bodyParsed || message.body === undefined) continue;
          checked.push(`${operation.id} ${which}`);
          expect(schema.check(message.body, type.name), `${operation.id} ${which}`).toEqual([]);
        }
      }
    }
    expect(checked).toEqual([
      'beta:intune-onboarding-compliancemanagementpartner-create response',
      'beta:intune-onboarding-compliancemanagementpartner-create request',
      'v1.0:intune-onboarding-devicemanagementpartner-create response',
      'v1.0:intune-onboarding-devicemanagementpartner-create request',
      'v1.0:intune-onboarding-devicemanagementpartner-update response',
      'v1.0:intune-onboarding-devicemanagementpartner-update request',
    ]);
  });

  it('reports what is wrong with a broken example', async () => {
    const { schema } = await loadValidators(contextOf(model, 'v1.0'));
    const example = model.operations.find((o) => o.id === 'v1.0:intune-onboarding-devicemanagementpartner-create')!.examples[0]!.response!.body as Record<string, unknown>;
    const broken = { ...example, partnerState: 'paused', isConfigured: 'yes', lastHeartbeatDateTime: '31/12/2016', extra: 1 };
    expect(schema.check(broken, 'microsoft.graph.deviceManagementPartner').map((p) => [p.path, p.kind])).toEqual([
      ['$.lastHeartbeatDateTime', 'format'],
      ['$.partnerState', 'enum'],
      ['$.isConfigured', 'type'],
      ['$.extra', 'unknown-property'],
    ]);
  });
});
