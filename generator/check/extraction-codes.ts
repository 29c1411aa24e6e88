/**
 * Every diagnostic code the stages before `check` report (parse, extract,
 * model, pipeline), so `--rule` and the config can set them and a misspelt
 * id is a usage error. `test/check/rule-ids.test.ts` reads the generator's
 * source and fails when a code reported there is missing here.
 */
export const EXTRACTION_CODES = [
  'annotation-invalid', 'api-version-unknown', 'base-type-cycle', 'base-type-mismatch', 'base-type-unresolved',
  'doc-type-mismatch', 'doc-type-unknown', 'emphasis-too-many', 'enum-duplicate', 'enum-member-duplicate',
  'enum-member-invalid', 'enum-members-empty', 'enum-name-invalid', 'enum-namespace-missing', 'enum-table-missing',
  'example-annotation-mismatch', 'example-empty', 'example-json-invalid', 'example-json-truncated',
  'example-name-duplicate', 'example-request-ignored', 'example-request-line-invalid', 'example-request-missing',
  'example-response-extra', 'example-response-missing', 'example-status-line-missing', 'front-matter-invalid',
  'http-request-method-missing', 'http-request-missing', 'http-request-path-invalid', 'include-cycle', 'include-missing',
  'include-too-deep', 'input-unreadable',
  'internal-error', 'json-invalid', 'json-too-deep', 'line-too-long', 'nesting-too-deep', 'page-encoding',
  'page-extension', 'page-too-complex', 'page-too-large', 'page-unreadable', 'parameter-name-mismatch', 'parameter-row-missing', 'property-annotation-row',
  'property-duplicate', 'property-name-invalid', 'property-name-missing', 'property-type-invalid',
  'property-type-missing', 'resource-name-missing', 'table-malformed', 'table-row-split', 'table-too-wide',
  'type-alternatives', 'type-conflict', 'type-link-mismatch', 'type-name-case', 'type-unresolved',
] as const;
