/** The rule registry: every conformance rule by id. */
import type { Rule, RuleId } from '../types.js';
import { annotationInvalid } from './annotation-invalid.js';
import { docTypeMismatch } from './doc-type-mismatch.js';
import { enumValuesMismatch } from './enum-values-mismatch.js';
import { exampleAnnotationMissing } from './example-annotation-missing.js';
import { exampleEnumValue } from './example-enum-value.js';
import { exampleJsonInvalid } from './example-json-invalid.js';
import { exampleOdataType } from './example-odata-type.js';
import { exampleOdataTypeHash } from './example-odata-type-hash.js';
import { exampleRequiredMissing } from './example-required-missing.js';
import { exampleTypeMismatch } from './example-type-mismatch.js';
import { exampleUnknownProperty } from './example-unknown-property.js';
import { exampleUnpaired } from './example-unpaired.js';
import { httpRequestMismatch } from './http-request-mismatch.js';
import { linkBroken } from './link-broken.js';
import { permissionUnknown } from './permission-unknown.js';
import { requestBodyMismatch } from './request-body-mismatch.js';
import { responseStatusMismatch } from './response-status-mismatch.js';
import { sectionMissing } from './section-missing.js';
import { tableJsonMismatch } from './table-json-mismatch.js';
import { typeUnresolved } from './type-unresolved.js';

export const RULES: Record<RuleId, Rule> = {
  'annotation-invalid': annotationInvalid,
  'example-json-invalid': exampleJsonInvalid,
  'example-unpaired': exampleUnpaired,
  'example-unknown-property': exampleUnknownProperty,
  'example-type-mismatch': exampleTypeMismatch,
  'example-enum-value': exampleEnumValue,
  'example-odata-type': exampleOdataType,
  'example-odata-type-hash': exampleOdataTypeHash,
  'example-required-missing': exampleRequiredMissing,
  'response-status-mismatch': responseStatusMismatch,
  'http-request-mismatch': httpRequestMismatch,
  'table-json-mismatch': tableJsonMismatch,
  'request-body-mismatch': requestBodyMismatch,
  'permission-unknown': permissionUnknown,
  'enum-values-mismatch': enumValuesMismatch,
  'type-unresolved': typeUnresolved,
  'link-broken': linkBroken,
  'section-missing': sectionMissing,
  'doc-type-mismatch': docTypeMismatch,
  'example-annotation-missing': exampleAnnotationMissing,
};
