/**
 * The generated validators, run: each case emits a fixture model, imports the
 * transpiled output and checks payloads, asserting every problem (path, kind).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES } from './cases.js';
import { fn, loadValidators, type LoadedValidators, type Problem } from './harness.js';

type Validate = (value: unknown) => Problem[];
type Expected = [path: string, kind: string][];

const summary = (problems: Problem[]): Expected => problems.map((p) => [p.path, p.kind]);

const load = (name: keyof typeof CASES & string) => {
  let module: LoadedValidators;
  beforeAll(async () => {
    module = await loadValidators(CASES[name]!.ctx(), CASES[name]!.options);
  });
  return (validator: string) => (value: unknown) => fn<Validate>(module, validator)(value);
};

const target = (odataType: string, extra: object = {}) => ({ groupsRequiringPartnerEnrollment: [{ target: { '@odata.type': odataType, ...extra } }] });
const TARGET = '$.groupsRequiringPartnerEnrollment[0].target';

describe('seed validators', () => {
  const validator = load('seed');

  it.each<[string, string, unknown, Expected]>([
    ['a full payload as the docs show it', 'validateDeviceManagementPartner', {
      '@odata.type': '#microsoft.graph.deviceManagementPartner',
      id: 'd6d46d0d-6d0d-d6d4-0d6d-d4d60d6dd4d6',
      lastHeartbeatDateTime: '2016-12-31T23:59:37.9174975-08:00',
      partnerState: 'unavailable',
      partnerAppType: 'singleTenantApp',
      singleTenantAppId: 'Single Tenant App Id value',
      displayName: 'Display Name value',
      isConfigured: true,
      whenPartnerDevicesWillBeRemovedDateTime: '2016-12-31T23:59:58.4105706-08:00',
      whenPartnerDevicesWillBeMarkedAsNonCompliantDateTime: '2016-12-31T23:58:07.3623063-08:00',
      groupsRequiringPartnerEnrollment: [{ '@odata.type': 'microsoft.graph.deviceManagementPartnerAssignment', target: { '@odata.type': 'microsoft.graph.configurationManagerCollectionAssignmentTarget', collectionId: 'Collection Id value' } }],
    }, []],
    ['OData annotations', 'validateDeviceManagementPartner', { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#x', '@odata.etag': 'W/"1"', '@odata.nextLink': 'https://x', 'displayName@odata.type': '#String', '@microsoft.graph.tips': 'tip' }, []],
    ['nullable single values set to null', 'validateDeviceManagementPartner', { displayName: null, partnerState: null, isConfigured: null, lastHeartbeatDateTime: null }, []],
    ['a wrong JSON kind', 'validateDeviceManagementPartner', { displayName: 1, isConfigured: 'true' }, [['$.displayName', 'type'], ['$.isConfigured', 'type']]],
    ['a value outside the enum', 'validateDeviceManagementPartner', { partnerState: 'paused' }, [['$.partnerState', 'enum']]],
    ['an enum value that is not a string', 'validateDeviceManagementPartner', { partnerAppType: 2 }, [['$.partnerAppType', 'type']]],
    ['timestamps that are not ISO 8601 with an offset', 'validateDeviceManagementPartner', { lastHeartbeatDateTime: 'yesterday', whenPartnerDevicesWillBeRemovedDateTime: '2016-02-30T00:00:00Z', whenPartnerDevicesWillBeMarkedAsNonCompliantDateTime: '2016-12-31T23:59:37' }, [['$.lastHeartbeatDateTime', 'format'], ['$.whenPartnerDevicesWillBeRemovedDateTime', 'format'], ['$.whenPartnerDevicesWillBeMarkedAsNonCompliantDateTime', 'format']]],
    ['null for the key property', 'validateDeviceManagementPartner', { id: null }, [['$.id', 'null']]],
    ['null for a collection', 'validateDeviceManagementPartner', { groupsRequiringPartnerEnrollment: null }, [['$.groupsRequiringPartnerEnrollment', 'null']]],
    ['a single value for a collection', 'validateDeviceManagementPartner', { groupsRequiringPartnerEnrollment: {} }, [['$.groupsRequiringPartnerEnrollment', 'type']]],
    ['null and non-objects inside a collection', 'validateDeviceManagementPartner', { groupsRequiringPartnerEnrollment: [null, 'x', []] }, [['$.groupsRequiringPartnerEnrollment[0]', 'null'], ['$.groupsRequiringPartnerEnrollment[1]', 'type'], ['$.groupsRequiringPartnerEnrollment[2]', 'type']]],
    ['a nested derived type chosen by @odata.type', 'validateDeviceManagementPartner', target('#microsoft.graph.configurationManagerCollectionAssignmentTarget', { collectionId: 5 }), [[`${TARGET}.collectionId`, 'type']]],
    ['@odata.type without the leading #', 'validateDeviceManagementPartner', target('microsoft.graph.configurationManagerCollectionAssignmentTarget', { collectionId: 'c' }), []],
    ['a type derived in two steps', 'validateDeviceManagementPartner', target('#microsoft.graph.exclusionGroupAssignmentTarget', { groupId: 'g' }), []],
    ['a property of a sibling derived type', 'validateDeviceManagementPartner', target('#microsoft.graph.groupAssignmentTarget', { collectionId: 'c' }), [[`${TARGET}.collectionId`, 'unknown-property']]],
    ['a derived property without @odata.type', 'validateDeviceManagementPartner', { groupsRequiringPartnerEnrollment: [{ target: { collectionId: 'c' } }] }, [[`${TARGET}.collectionId`, 'unknown-property']]],
    ['@odata.type naming a type that is not derived from the expected one', 'validateDeviceManagementPartner', target('#microsoft.graph.deviceManagementPartner', { collectionId: 'c' }), [[`${TARGET}["@odata.type"]`, 'odata-type'], [`${TARGET}.collectionId`, 'unknown-property']]],
    ['@odata.type naming an unknown type', 'validateDeviceManagementPartner', target('#microsoft.graph.newTarget'), [[`${TARGET}["@odata.type"]`, 'odata-type']]],
    ['@odata.type naming the base type', 'validateDeviceManagementPartner', { '@odata.type': '#microsoft.graph.entity' }, [['$["@odata.type"]', 'odata-type']]],
    ['@odata.type that is not a string', 'validateDeviceManagementPartner', { '@odata.type': 5 }, [['$["@odata.type"]', 'odata-type']]],
    ['a property the docs do not define', 'validateDeviceManagementPartner', { foo: 1, 'odd key': 2 }, [['$.foo', 'unknown-property'], ['$["odd key"]', 'unknown-property']]],
    ['an array at the top', 'validateDeviceManagementPartner', [], [['$', 'type']]],
    ['null at the top', 'validateDeviceManagementPartner', null, [['$', 'null']]],
    ['a base type validator following @odata.type to a derived type', 'validateEntity', { '@odata.type': '#microsoft.graph.deviceManagementPartner', displayName: 1 }, [['$.displayName', 'type']]],
    ['an enum member', 'validateDeviceManagementPartnerTenantState', 'enabled', []],
    ['an enum non-member', 'validateDeviceManagementPartnerTenantState', 'Enabled', [['$', 'enum']]],
    ['an enum of the wrong kind', 'validateDeviceManagementPartnerAppType', 1, [['$', 'type']]],
  ])('%s', (_name, name, payload, expected) => {
    expect(summary(validator(name)(payload))).toEqual(expected);
  });

  it('describes a problem with path, kind, expected, actual and message', () => {
    expect(validator('validateDeviceManagementPartner')(target('#microsoft.graph.configurationManagerCollectionAssignmentTarget', { collectionId: 5 }))).toEqual([
      {
        path: `${TARGET}.collectionId`,
        kind: 'type',
        expected: 'string (Edm.String)',
        actual: 'number',
        message: `Unexpected number at ${TARGET}.collectionId, expected string (Edm.String)`,
      },
    ]);
    expect(validator('validateDeviceManagementPartner')({ partnerState: 'paused' })[0]).toMatchObject({
      expected: 'one of "unknown", "unavailable", "enabled", "terminated", "rejected", "unresponsive"',
      actual: '"paused"',
    });
    expect(validator('validateDeviceManagementPartner')(target('#microsoft.graph.user'))[0]).toMatchObject({
      expected: 'microsoft.graph.deviceAndAppManagementAssignmentTarget or a type derived from it',
      actual: '"#microsoft.graph.user"',
    });
  });

  it('guards allow unknown properties and nothing else', () => {
    const guard = validator('isDeviceManagementPartner') as unknown as (value: unknown) => boolean;
    expect(guard({ displayName: 'x', somethingNew: true })).toBe(true);
    expect(guard({ displayName: 1 })).toBe(false);
    expect(guard('x')).toBe(false);
  });
});

describe('primitive validators', () => {
  const validator = load('primitives');
  const validate = (value: object) => validator('validateAllPrimitives')(value);

  it('accepts a value of every primitive', () => {
    expect(
      validate({
        pString: 'x', pGuid: '6F1D3C1E-0000-4d6d-8a3b-000000000abc', pDate: '2024-02-29', pTimeOfDay: '13:45:30.123', pDuration: 'P1DT2H30M',
        pDateTimeOffset: '2024-01-31T13:45:00.1234567+01:00', pBinary: 'SGVsbG8=', pDecimal: 1.5, pInt16: -5, pInt32: 7, pInt64: 9007199254740991,
        pByte: 255, pSByte: -128, pSingle: 1.5, pDouble: -0.25, pBoolean: false, pStream: 'abc', pUntyped: { any: [1] }, pGeographyPoint: { type: 'Point' },
        strings: ['a'], ints: [1, 2], nullableList: null, required: 'x',
      }),
    ).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['pGuid', 'not-a-guid', 'format'],
    ['pGuid', '6f1d3c1e00004d6d8a3b000000000abc', 'format'],
    ['pDate', '2023-02-29', 'format'],
    ['pDate', '2024-13-01', 'format'],
    ['pDate', '2024-1-01', 'format'],
    ['pTimeOfDay', '24:00', 'format'],
    ['pTimeOfDay', '12:60', 'format'],
    ['pDuration', 'P', 'format'],
    ['pDuration', 'PT', 'format'],
    ['pDuration', '1D', 'format'],
    ['pDuration', 'P1H', 'format'],
    ['pDateTimeOffset', '2024-01-31', 'format'],
    ['pDateTimeOffset', '2024-01-31T25:00:00Z', 'format'],
    ['pDateTimeOffset', 1706700000, 'type'],
    ['pBinary', 'a', 'format'],
    ['pBinary', '!!!!', 'format'],
    ['pInt32', 1.5, 'type'],
    ['pInt32', '1', 'type'],
    ['pInt32', 2147483648, 'range'],
    ['pInt16', 40000, 'range'],
    ['pByte', 256, 'range'],
    ['pByte', -1, 'range'],
    ['pSByte', 128, 'range'],
    ['pInt64', 1.5, 'type'],
    ['pInt64', '9007199254740993', 'type'],
    ['pDouble', 'NaN', 'type'],
    ['pDouble', Infinity, 'type'],
    ['pDecimal', '1.5', 'type'],
    ['pBoolean', 0, 'type'],
    ['pString', 1, 'type'],
    ['pStream', {}, 'type'],
    ['required', null, 'null'],
    ['strings', 'a', 'type'],
  ])('%s = %j is a %s problem', (property, value, kind) => {
    expect(summary(validate({ [property]: value }))).toEqual([[`$.${property}`, kind]]);
  });

  it.each<[string, unknown, string]>([
    ['strings', ['a', 1], '$.strings[1]'],
    ['ints', [1, 2.5], '$.ints[1]'],
  ])('checks every item of %s', (property, value, path) => {
    expect(summary(validate({ [property]: value }))).toEqual([[path, 'type']]);
  });

  it.each<[string, unknown]>([
    ['pDuration', '-P1Y2M3W4DT5H6M7.5S'],
    ['pDuration', 'PT0S'],
    ['pDateTimeOffset', '2024-01-31T13:45Z'],
    ['pDateTimeOffset', '2000-02-29T00:00:00-12:00'],
    ['pBinary', 'YWJj'],
    ['pBinary', 'a-_b'],
    ['pBinary', ''],
    ['pTimeOfDay', '00:00'],
    ['pInt64', -9007199254740991],
    ['pUntyped', null],
    ['nullableList', []],
    ['pString', undefined],
  ])('%s = %j is fine', (property, value) => {
    expect(validate({ [property]: value })).toEqual([]);
  });
});

describe('inheritance validators', () => {
  const validator = load('inheritance');

  it.each<[string, string, unknown, Expected]>([
    ['a derived entity with navigation properties', 'validateUser', {
      '@odata.type': '#microsoft.graph.user', id: '1', deletedDateTime: null, displayName: 'x', accountEnabled: true,
      manager: { '@odata.type': '#microsoft.graph.group', mail: 'g@x' },
      memberOf: [{ '@odata.type': '#microsoft.graph.group', mail: 1 }],
    }, [['$.memberOf[0].mail', 'type']]],
    ['null where the docs say not nullable', 'validateUser', { accountEnabled: null }, [['$.accountEnabled', 'null']]],
    ['null for a collection the docs call nullable', 'validateUser', { memberOf: null }, []],
    ['null for a collection the docs say nothing about', 'validateGroup', { members: null }, [['$.members', 'null']]],
    ['a property of another derived type', 'validateUser', { manager: { '@odata.type': '#microsoft.graph.user', mail: 'x' } }, [['$.manager.mail', 'unknown-property']]],
    ['an inherited property', 'validateGroup', { id: 5 }, [['$.id', 'type']]],
    ['an open type with extra properties', 'validateOpenThing', { name: 'x', extra: { deep: [1] } }, []],
    ['an open type still checks what it declares', 'validateOpenThing', { name: 1 }, [['$.name', 'type']]],
    ['a redeclared property', 'validateNarrowedCode', { code: 5, label: 'l' }, []],
    ['a redeclared property with the base type', 'validateNarrowedCode', { code: '5' }, [['$.code', 'type']]],
    ['a base type validator following @odata.type to the redeclaring type', 'validateBaseWithCode', { '@odata.type': '#microsoft.graph.narrowedCode', code: 5 }, []],
    ['a base type validator without @odata.type', 'validateBaseWithCode', { code: 5 }, [['$.code', 'type']]],
    ['a base-type cycle cut', 'validateCycleA', { a: 'x', b: 'y' }, [['$.b', 'unknown-property']]],
    ['a missing base type', 'validateOrphan', { x: 'x' }, []],
  ])('%s', (_name, name, payload, expected) => {
    expect(summary(validator(name)(payload))).toEqual(expected);
  });
});

describe('enum and unresolved validators', () => {
  const validator = load('enums');

  it.each<[string, unknown, Expected]>([
    ['members', { level: 'medium', levels: ['low', 'unknownFutureValue'] }, []],
    ['a non-member in a collection', { levels: ['low', 'bad'] }, [['$.levels[1]', 'enum']]],
    ['an enum with no documented members takes any string', { free: 'anything' }, []],
    ['an enum with no documented members still wants a string', { free: 1 }, [['$.free', 'type']]],
    ['unresolved types take anything', { mystery: { any: 1 }, mysteries: [1, 'a'], dangling: [] }, []],
    ['an unresolved collection is still a collection', { mysteries: 1 }, [['$.mysteries', 'type']]],
  ])('%s', (_name, payload, expected) => {
    expect(summary(validator('validateUsesEnums')(payload))).toEqual(expected);
  });
});
