/**
 * The seed types of the issue, written by hand as the docs describe them
 * (v1.0 intune-onboarding pages), until the real seed model is available.
 */
import type { ModelType } from '../../generator/model/ir.js';
import { complex, entity, enumType, prop } from './fixtures.js';

const G = 'microsoft.graph';

export function seedTypes(): ModelType[] {
  return [
    entity('entity', [prop('id', 'Edm.String', false, { description: 'The unique identifier for an entity. Read-only.' })], { keyProperty: 'id' }),
    entity(
      'deviceManagementPartner',
      [
        prop('lastHeartbeatDateTime', 'Edm.DateTimeOffset', false, { description: 'Timestamp of last heartbeat after admin enabled option Connect to Device management Partner' }),
        prop('partnerState', `${G}.deviceManagementPartnerTenantState`, false, { description: 'Partner state of this tenant. Possible values are: `unknown`, `unavailable`, `enabled`, `terminated`, `rejected`, `unresponsive`.' }),
        prop('partnerAppType', `${G}.deviceManagementPartnerAppType`, false, { description: 'Partner App type. Possible values are: `unknown`, `singleTenantApp`, `multiTenantApp`.' }),
        prop('singleTenantAppId', 'Edm.String', false, { description: 'Partner Single tenant App id' }),
        prop('displayName', 'Edm.String', false, { description: 'Partner display name' }),
        prop('isConfigured', 'Edm.Boolean', false, { description: 'Whether device management partner is configured or not' }),
        prop('whenPartnerDevicesWillBeRemovedDateTime', 'Edm.DateTimeOffset', false, { description: 'DateTime in UTC when PartnerDevices will be removed' }),
        prop('whenPartnerDevicesWillBeMarkedAsNonCompliantDateTime', 'Edm.DateTimeOffset', false, { description: 'DateTime in UTC when PartnerDevices will be marked as NonCompliant' }),
        prop('groupsRequiringPartnerEnrollment', `${G}.deviceManagementPartnerAssignment`, true, { description: 'User groups that specifies whether enrollment is through partner.' }),
      ],
      { baseType: `${G}.entity`, description: 'Entity which represents a connection to device management partner.' },
    ),
    entity(
      'complianceManagementPartner',
      [
        prop('lastHeartbeatDateTime', 'Edm.DateTimeOffset', false, { description: 'Timestamp of last heartbeat after admin onboarded to the compliance management partner' }),
        prop('partnerState', `${G}.deviceManagementPartnerTenantState`, false, { description: 'Partner state of this tenant. Possible values are: `unknown`, `unavailable`, `enabled`, `terminated`, `rejected`, `unresponsive`.' }),
        prop('displayName', 'Edm.String', false, { description: 'Partner display name' }),
        prop('macOsOnboarded', 'Edm.Boolean', false, { description: 'Partner onboarded for Mac devices.' }),
        prop('windowsOnboarded', 'Edm.Boolean', false, { description: 'Partner onboarded for Windows devices.' }),
        prop('androidOnboarded', 'Edm.Boolean', false, { description: 'Partner onboarded for Android devices.' }),
        prop('iosOnboarded', 'Edm.Boolean', false, { description: 'Partner onboarded for ios devices.' }),
        prop('macOsEnrollmentAssignments', `${G}.complianceManagementPartnerAssignment`, true, { description: 'User groups which enroll Mac devices through partner.' }),
        prop('windowsEnrollmentAssignments', `${G}.complianceManagementPartnerAssignment`, true, { description: 'User groups which enroll Windows devices through partner.' }),
        prop('androidEnrollmentAssignments', `${G}.complianceManagementPartnerAssignment`, true, { description: 'User groups which enroll Android devices through partner.' }),
        prop('iosEnrollmentAssignments', `${G}.complianceManagementPartnerAssignment`, true, { description: 'User groups which enroll ios devices through partner.' }),
      ],
      { baseType: `${G}.entity`, description: 'Compliance management partner for all platforms' },
    ),
    complex('deviceManagementPartnerAssignment', [prop('target', `${G}.deviceAndAppManagementAssignmentTarget`, false, { description: 'User groups targeting for devices to be enrolled through partner.' })], {
      description: 'User group targeting for Device Management Partner',
    }),
    complex('complianceManagementPartnerAssignment', [prop('target', `${G}.deviceAndAppManagementAssignmentTarget`, false, { description: 'Group assignment target.' })], {
      description: 'User group targeting for Compliance Management Partner',
    }),
    complex('deviceAndAppManagementAssignmentTarget', [], { description: 'Base type for assignment targets.', isAbstract: true }),
    complex('configurationManagerCollectionAssignmentTarget', [prop('collectionId', 'Edm.String', false, { description: 'The collection Id that is the target of the assignment.' })], {
      baseType: `${G}.deviceAndAppManagementAssignmentTarget`,
      description: 'Represents an assignment to a Configuration Manager Collection.',
    }),
    complex('groupAssignmentTarget', [prop('groupId', 'Edm.String', false, { description: 'The group Id that is the target of the assignment.' })], {
      baseType: `${G}.deviceAndAppManagementAssignmentTarget`,
      description: 'Represents an assignment to a group.',
    }),
    complex('exclusionGroupAssignmentTarget', [], { baseType: `${G}.groupAssignmentTarget`, description: 'Represents a group that should be excluded from an assignment.' }),
    enumType('deviceManagementPartnerTenantState', ['unknown', 'unavailable', 'enabled', 'terminated', 'rejected', 'unresponsive'], { description: 'Partner state of this tenant.' }),
    enumType('deviceManagementPartnerAppType', ['unknown', 'singleTenantApp', 'multiTenantApp'], { description: 'Partner App type.' }),
  ];
}
