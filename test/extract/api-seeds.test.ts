/** The seed API pages in docs-input/, end to end through extractPage. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractApi } from './api-fixture.js';
import { summarize } from './api-summary.js';

function seed(file: string) {
  return extractApi(readFileSync(new URL(`../../docs-input/${file}`, import.meta.url), 'utf8'), file);
}

describe('seed API pages', () => {
  it('v1.0 create deviceManagementPartner', () => {
    const { operation, facts } = seed('v1.0/api/intune-onboarding-devicemanagementpartner-create.md');
    const summary = summarize(operation);
    expect(facts.kind).toBe('api');
    expect(summary.title).toBe('Create deviceManagementPartner');
    expect(summary.description).toBe('Create a new deviceManagementPartner object.');
    expect(summary.kind).toBe('create');
    expect(summary.paths).toEqual(['POST /deviceManagement/deviceManagementPartners [] @36:1']);
    expect(summary.permissions).toEqual([
      'Delegated (work or school account): DeviceManagementServiceConfig.ReadWrite.All, DeviceManagementConfiguration.ReadWrite.All',
      'Delegated (personal Microsoft account): ',
      'Application: DeviceManagementServiceConfig.ReadWrite.All, DeviceManagementConfiguration.ReadWrite.All',
    ]);
    expect(summary.headers.map((h) => h.split('=')[0])).toEqual(['Authorization', 'Accept']);
    expect(summary.requestBody).toHaveLength(10);
    expect(summary.requestBody?.[2]).toBe('partnerState:deviceManagementPartnerTenantState');
    expect(summary.requestBody?.[9]).toBe('groupsRequiringPartnerEnrollment:deviceManagementPartnerAssignment[]');
    expect(operation.requestBody?.[2]?.possibleValues).toEqual(['unknown', 'unavailable', 'enabled', 'terminated', 'rejected', 'unresponsive']);
    expect(summary.response).toBe('201 deviceManagementPartner');
    expect(summary.examples).toEqual([
      'intune_onboarding_devicemanagementpartner_create_create_devicemanagementpartner: POST https://graph.microsoft.com/v1.0/deviceManagement/deviceManagementPartners => 201',
    ]);
    const [example] = operation.examples;
    expect(example?.request?.headers).toEqual({ 'Content-type': 'application/json', 'Content-length': '803' });
    expect(example?.request?.body?.parsed).toBe(true);
    expect(example?.request?.body?.source).toEqual({ file: 'v1.0/api/intune-onboarding-devicemanagementpartner-create.md', line: 80, column: 1 });
    expect((example?.request?.body?.json as Record<string, unknown>)['partnerState']).toBe('unavailable');
    expect(example?.response?.status).toBe(201);
    expect(example?.response?.body?.parsed).toBe(true);
    expect((example?.response?.body?.json as Record<string, unknown>)['id']).toBe('d21e377a-377a-d21e-7a37-1ed27a371ed2');
    expect(example?.response?.annotation?.value?.['@odata.type']).toBe('microsoft.graph.deviceManagementPartner');
    expect(facts.diagnostics).toEqual([]);
  });

  it('v1.0 update deviceManagementPartner', () => {
    const { operation, facts } = seed('v1.0/api/intune-onboarding-devicemanagementpartner-update.md');
    expect(operation.kind).toBe('update');
    expect(operation.httpRequests.map((r) => [r.method, r.path, r.pathParameters])).toEqual([
      ['PATCH', '/deviceManagement/deviceManagementPartners/{deviceManagementPartnerId}', ['deviceManagementPartnerId']],
    ]);
    expect(operation.response?.status).toBe(200);
    expect(operation.examples).toHaveLength(1);
    expect(operation.examples[0]?.request?.method).toBe('PATCH');
    expect(operation.examples[0]?.response?.body?.parsed).toBe(true);
    expect(facts.diagnostics).toEqual([]);
  });

  it('beta create complianceManagementPartner: the unannotated request is still paired', () => {
    const { operation, facts } = seed('beta/api/intune-onboarding-compliancemanagementpartner-create.md');
    const summary = summarize(operation);
    expect(summary.kind).toBe('create');
    expect(summary.paths).toEqual(['POST /deviceManagement/complianceManagementPartners [] @35:1']);
    expect(summary.permissions).toHaveLength(3);
    expect(summary.requestBody).toHaveLength(12);
    expect(summary.response).toBe('201 complianceManagementPartner');
    expect(summary.examples).toEqual([
      'intune-onboarding-compliancemanagementpartner-create-example-1: POST https://graph.microsoft.com/beta/deviceManagement/complianceManagementPartners => 201',
    ]);
    const [example] = operation.examples;
    expect(example?.request?.annotation).toBeNull();
    expect(example?.request?.body?.parsed).toBe(true);
    expect(example?.response?.body?.parsed).toBe(true);
    expect(facts.diagnostics).toEqual([]);
  });
});
