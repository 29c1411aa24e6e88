/**
 * Emitted code compiles under the strictest settings a consumer may use
 * (`STRICT_OPTIONS`: strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess,
 * isolatedDeclarations, erasableSyntaxOnly, ES2015 lib, ...), and the unions
 * narrow on `@odata.type` the way consumers will use them.
 */
import { describe, expect, it } from 'vitest';
import { CASES } from './cases.js';
import { emitAll, formatFiles, typecheck, writeFiles } from './harness.js';

describe.each(Object.entries(CASES))('emitted %s', (_name, c) => {
  it('type-checks cleanly', async () => {
    const files = await formatFiles(emitAll(c.ctx(), c.options));
    const dir = writeFiles(files);
    expect(typecheck(dir, files.map((f) => f.path))).toEqual([]);
  });
});

/** A consumer of the seed output: every `@ts-expect-error` must be needed, everything else must compile. */
const CONSUMER = `
import type { DeviceAndAppManagementAssignmentTargetUnion, DeviceManagementPartner, DeviceManagementPartnerTenantState } from './v1.0/models/index.js';
import { DeviceManagementPartnerTenantStateValues } from './v1.0/models/index.js';
import { isDeviceManagementPartner, validateDeviceManagementPartner, type ValidationProblem } from './v1.0/validators/index.js';

export function collectionIdOf(target: DeviceAndAppManagementAssignmentTargetUnion): string | null | undefined {
  if (target['@odata.type'] === '#microsoft.graph.configurationManagerCollectionAssignmentTarget') return target.collectionId;
  if (target['@odata.type'] === 'microsoft.graph.configurationManagerCollectionAssignmentTarget') return target.collectionId;
  // @ts-expect-error groupId is only on groupAssignmentTarget and types derived from it
  return target.groupId;
}

export function groupIdOf(target: DeviceAndAppManagementAssignmentTargetUnion): string | null | undefined {
  switch (target['@odata.type']) {
    case '#microsoft.graph.groupAssignmentTarget':
    case '#microsoft.graph.exclusionGroupAssignmentTarget':
      return target.groupId;
    default:
      return undefined;
  }
}

export const partner: DeviceManagementPartner = {
  id: 'p1',
  displayName: null,
  partnerState: 'enabled',
  groupsRequiringPartnerEnrollment: [
    { target: { '@odata.type': '#microsoft.graph.configurationManagerCollectionAssignmentTarget', collectionId: 'c1' } },
    { target: null },
  ],
};

// @ts-expect-error not a member of the enum
export const badState: DeviceManagementPartnerTenantState = 'paused';
// @ts-expect-error the key property is never null
export const nullId: DeviceManagementPartner = { id: null };
// @ts-expect-error a collection is never null unless the docs say Nullable
export const nullList: DeviceManagementPartner = { groupsRequiringPartnerEnrollment: null };
// @ts-expect-error a derived type's @odata.type is required in the union, and must name that type
export const wrongTarget: DeviceAndAppManagementAssignmentTargetUnion = { '@odata.type': '#microsoft.graph.groupAssignmentTarget', collectionId: 'c' };

export const states: readonly DeviceManagementPartnerTenantState[] = DeviceManagementPartnerTenantStateValues;

export function read(value: unknown): string | null | undefined {
  const problems: ValidationProblem[] = validateDeviceManagementPartner(value);
  if (problems.length > 0) return problems[0]?.path;
  return isDeviceManagementPartner(value) ? value.displayName : undefined;
}
`;

it('lets consumers narrow unions on @odata.type and rejects what the docs rule out', async () => {
  const files = await formatFiles(emitAll(CASES.seed!.ctx()));
  const dir = writeFiles([...files, { path: 'consumer.ts', content: CONSUMER }]);
  expect(typecheck(dir, ['consumer.ts'])).toEqual([]);
});
