/**
 * The rule registry: the list of rule modules, and what is derived from it (the
 * ids, `RuleId`, the rules by id). A rule's id, docs and level are written only
 * in its own file; adding a rule is one import and one entry here.
 */
import type { Rule } from '../rule.js';
import { annotationInvalid } from './annotation-invalid.js';
import { docTypeMismatch } from './doc-type-mismatch.js';
import { enumValuesMismatch } from './enum-values-mismatch.js';
import { exampleAnnotationMissing } from './example-annotation-missing.js';
import { exampleEnumValue } from './example-enum-value.js';
import { exampleJsonInvalid } from './example-json-invalid.js';
import { exampleNameDuplicate } from './example-name-duplicate.js';
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
import { responseTypeMismatch } from './response-type-mismatch.js';
import { sectionMissing } from './section-missing.js';
import { tableJsonMismatch } from './table-json-mismatch.js';
import { typeUnresolved } from './type-unresolved.js';

/** Every rule, in the order they run and are listed (`--help`, docs). */
const RULE_LIST = [
  annotationInvalid,
  exampleJsonInvalid,
  exampleUnpaired,
  exampleNameDuplicate,
  exampleUnknownProperty,
  exampleTypeMismatch,
  exampleEnumValue,
  exampleOdataType,
  exampleOdataTypeHash,
  exampleRequiredMissing,
  responseStatusMismatch,
  responseTypeMismatch,
  httpRequestMismatch,
  tableJsonMismatch,
  requestBodyMismatch,
  permissionUnknown,
  enumValuesMismatch,
  typeUnresolved,
  linkBroken,
  sectionMissing,
  docTypeMismatch,
  exampleAnnotationMissing,
] as const;

export type RuleId = (typeof RULE_LIST)[number]['id'];

export const RULE_IDS: readonly RuleId[] = RULE_LIST.map((rule) => rule.id);

export const RULES = Object.fromEntries(RULE_LIST.map((rule) => [rule.id, rule])) as Record<RuleId, Rule>;
