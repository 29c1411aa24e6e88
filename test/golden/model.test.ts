/**
 * The model of docs-input/ as a golden file (update with `npx vitest run -u` after
 * checking the diff), validated against the documented JSON Schema.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import type { Model } from '../../generator/model/ir.js';
import { repoRoot } from '../helpers/corpus.js';

let model: Model;
beforeAll(async () => {
  ({ model } = await buildModel(path.join(repoRoot, 'docs-input'), { workers: 1 }));
});

describe('model of docs-input/', () => {
  it('matches the golden file', async () => {
    await expect(JSON.stringify(model, null, 2) + '\n').toMatchFileSnapshot('./docs-input.model.json');
  });

  it('validates against schema/model.schema.json', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/model.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const valid = validate(model);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('gives deviceManagementPartner with its ten properties and their types', () => {
    const type = model.types.find((t) => t.apiVersion === 'v1.0' && t.fullName === 'microsoft.graph.deviceManagementPartner');
    expect(type?.kind).toBe('entity');
    expect(type?.properties.map((p) => [p.name, p.type.name, p.type.isCollection])).toEqual([
      ['id', 'Edm.String', false],
      ['lastHeartbeatDateTime', 'Edm.DateTimeOffset', false],
      ['partnerState', 'microsoft.graph.deviceManagementPartnerTenantState', false],
      ['partnerAppType', 'microsoft.graph.deviceManagementPartnerAppType', false],
      ['singleTenantAppId', 'Edm.String', false],
      ['displayName', 'Edm.String', false],
      ['isConfigured', 'Edm.Boolean', false],
      ['whenPartnerDevicesWillBeRemovedDateTime', 'Edm.DateTimeOffset', false],
      ['whenPartnerDevicesWillBeMarkedAsNonCompliantDateTime', 'Edm.DateTimeOffset', false],
      ['groupsRequiringPartnerEnrollment', 'microsoft.graph.deviceManagementPartnerAssignment', true],
    ]);
  });

  it('knows the six members of deviceManagementPartnerTenantState from "Possible values"', () => {
    const state = model.types.find((t) => t.apiVersion === 'v1.0' && t.fullName === 'microsoft.graph.deviceManagementPartnerTenantState');
    expect(state).toMatchObject({ kind: 'enum', origin: 'possible-values' });
    expect(state?.members.map((m) => m.name)).toEqual(['unknown', 'unavailable', 'enabled', 'terminated', 'rejected', 'unresponsive']);
  });

  it.each([
    ['v1.0:intune-onboarding-devicemanagementpartner-create', 'POST', 201],
    ['v1.0:intune-onboarding-devicemanagementpartner-update', 'PATCH', 200],
    ['beta:intune-onboarding-compliancemanagementpartner-create', 'POST', 201],
  ])('pairs the example request and response of %s with parsed bodies', (id, method, status) => {
    const operation = model.operations.find((o) => o.id === id);
    expect(operation?.examples).toHaveLength(1);
    const [example] = operation!.examples;
    expect(example?.request).toMatchObject({ method, bodyParsed: true });
    expect(example?.response).toMatchObject({ status, bodyParsed: true });
    expect(typeof example?.request?.body).toBe('object');
    expect(typeof example?.response?.body).toBe('object');
  });
});
