/**
 * Issue acceptance: our interfaces for the seed types side by side with
 * `@microsoft/microsoft-graph-types` (v1.0, generated from Graph's CSDL). Both
 * are read through the TypeScript checker, every property (inherited ones
 * included) reduced to a shape: its type and whether it may be null. Names and
 * shapes must match except for the differences listed below, each explained;
 * a listed difference that no longer occurs fails the test too.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EmitContext } from '../../generator/emit/emitter.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';
import { contextFor, contextOf } from './fixtures.js';
import { emitAll, formatFiles, STRICT_OPTIONS, writeFiles } from './harness.js';
import { seedTypes } from './seed-fixtures.js';

const GRAPH_TYPES = createRequire(import.meta.url).resolve('@microsoft/microsoft-graph-types/microsoft-graph.d.ts');

/** `{ type, nullable }` per property, by interface (or `{ enum }` per enum alias). */
type Shapes = Map<string, Map<string, string>>;

/**
 * Why we differ, once per kind of difference:
 * - odata-type: we declare the `@odata.type` discriminant (on root types, inherited by the rest) so
 *   payloads and unions can name their type; graph-types leaves it out.
 * - nullable-default: the docs do not say these are non-nullable, so they get the OData default
 *   `Nullable="true"` (`| null`); graph-types knows `Nullable="false"` from the CSDL, which the docs never show.
 * - collection-never-null: OData JSON sends an empty array, never null, for a collection; graph-types
 *   marks every collection `NullableOption<T[]>`.
 * - union: a property whose type has derived types is typed with its union (`XUnion`), so the
 *   value narrows on `@odata.type`; graph-types uses the base interface.
 * - undocumented: the seed pages do not document the type (no page for it), so it is `unknown`.
 * - beta-only: the complianceManagementPartner seed page is the beta one; its Windows properties
 *   are not in v1.0, which is what graph-types describes.
 */
type Reason = 'odata-type' | 'nullable-default' | 'collection-never-null' | 'union' | 'undocumented' | 'beta-only';

/** [interface, property, ours, theirs, reason]; `-` is "no such property". */
type Difference = [string, string, string, string, Reason];

const ODATA_TYPE_ONLY_OURS = (type: string): Difference => [type, '@odata.type', 'string', '-', 'odata-type'];
const NULLABLE = (type: string, property: string, shape: string): Difference => [type, property, `${shape} | null`, shape, 'nullable-default'];
const NEVER_NULL = (type: string, property: string, shape: string): Difference => [type, property, shape, `${shape} | null`, 'collection-never-null'];

const TARGET = 'DeviceAndAppManagementAssignmentTarget';
const STATE = '"enabled" | "rejected" | "terminated" | "unavailable" | "unknown" | "unresponsive"';
const APP_TYPE = '"multiTenantApp" | "singleTenantApp" | "unknown"';

/** The seed types as the docs (all pages of them) describe them. */
const FIXTURE_DIFFERENCES: Difference[] = [
  ODATA_TYPE_ONLY_OURS('DeviceManagementPartner'),
  NULLABLE('DeviceManagementPartner', 'isConfigured', 'boolean'),
  NULLABLE('DeviceManagementPartner', 'lastHeartbeatDateTime', 'string'),
  NULLABLE('DeviceManagementPartner', 'partnerAppType', APP_TYPE),
  NULLABLE('DeviceManagementPartner', 'partnerState', STATE),
  NEVER_NULL('DeviceManagementPartner', 'groupsRequiringPartnerEnrollment', 'DeviceManagementPartnerAssignment[]'),
  ODATA_TYPE_ONLY_OURS('ComplianceManagementPartner'),
  NULLABLE('ComplianceManagementPartner', 'androidOnboarded', 'boolean'),
  NULLABLE('ComplianceManagementPartner', 'iosOnboarded', 'boolean'),
  NULLABLE('ComplianceManagementPartner', 'macOsOnboarded', 'boolean'),
  NULLABLE('ComplianceManagementPartner', 'lastHeartbeatDateTime', 'string'),
  NULLABLE('ComplianceManagementPartner', 'partnerState', STATE),
  ...['android', 'ios', 'macOs'].map((os) => NEVER_NULL('ComplianceManagementPartner', `${os}EnrollmentAssignments`, 'ComplianceManagementPartnerAssignment[]')),
  ['ComplianceManagementPartner', 'windowsEnrollmentAssignments', 'ComplianceManagementPartnerAssignment[]', '-', 'beta-only'],
  ['ComplianceManagementPartner', 'windowsOnboarded', 'boolean | null', '-', 'beta-only'],
  ODATA_TYPE_ONLY_OURS('DeviceManagementPartnerAssignment'),
  ['DeviceManagementPartnerAssignment', 'target', `${TARGET}Union | null`, `${TARGET} | null`, 'union'],
  ODATA_TYPE_ONLY_OURS('ComplianceManagementPartnerAssignment'),
  ['ComplianceManagementPartnerAssignment', 'target', `${TARGET}Union | null`, `${TARGET} | null`, 'union'],
  ODATA_TYPE_ONLY_OURS(TARGET),
  ODATA_TYPE_ONLY_OURS('ConfigurationManagerCollectionAssignmentTarget'),
];

/** The seed pages of docs-input/ only: deviceManagementPartnerAssignment has no page there. */
const SEED_MODEL_DIFFERENCES: Difference[] = [
  ...FIXTURE_DIFFERENCES.filter(([type, property]) => type === 'DeviceManagementPartner' && property !== 'groupsRequiringPartnerEnrollment'),
  ['DeviceManagementPartner', 'groupsRequiringPartnerEnrollment', 'unknown[]', 'DeviceManagementPartnerAssignment[] | null', 'undocumented'],
];

const SEED_INTERFACES = ['DeviceManagementPartner', 'ComplianceManagementPartner', 'DeviceManagementPartnerAssignment', 'ComplianceManagementPartnerAssignment', TARGET, 'ConfigurationManagerCollectionAssignmentTarget'];
const SEED_ENUMS = ['DeviceManagementPartnerTenantState', 'DeviceManagementPartnerAppType'];

describe.each<[string, () => Promise<EmitContext>, string[], Difference[]]>([
  ['the seed types as the docs describe them', async () => contextFor(seedTypes()), SEED_INTERFACES, FIXTURE_DIFFERENCES],
  ['the model of docs-input/', async () => contextOf((await buildModel(join(repoRoot, 'docs-input'), { workers: 1 })).model, 'v1.0'), ['DeviceManagementPartner'], SEED_MODEL_DIFFERENCES],
])('%s against @microsoft/microsoft-graph-types', (_name, context, interfaces, listed) => {
  let ours: Shapes;
  let theirs: Shapes;

  beforeAll(async () => {
    const files = await formatFiles(emitAll(await context()));
    const dir = writeFiles(files);
    const modelsIndex = join(dir, 'v1.0/models/index.ts');
    const program = ts.createProgram([modelsIndex, GRAPH_TYPES], { ...STRICT_OPTIONS, skipLibCheck: true });
    ours = shapesOf(program, modelsIndex, [...interfaces, ...SEED_ENUMS]);
    theirs = shapesOf(program, GRAPH_TYPES, [...interfaces, ...SEED_ENUMS]);
  }, 120_000);

  it('has the same enums', () => {
    for (const name of SEED_ENUMS) expect(ours.get(name), name).toEqual(theirs.get(name));
  });

  it('differs from graph-types only as listed', () => {
    const found: Difference[] = [];
    for (const name of interfaces) {
      const a = ours.get(name) ?? new Map<string, string>();
      const b = theirs.get(name) ?? new Map<string, string>();
      for (const property of [...new Set([...a.keys(), ...b.keys()])].sort()) {
        const [x, y] = [a.get(property) ?? '-', b.get(property) ?? '-'];
        if (x !== y) found.push([name, property, x, y, listed.find(([t, p]) => t === name && p === property)?.[4] ?? ('unexplained' as Reason)]);
      }
    }
    const key = (d: Difference) => `${d[0]}.${d[1]}`;
    expect(found.sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...listed].sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('compares real interfaces (a sanity check on the shapes)', () => {
    expect(ours.get('DeviceManagementPartner')?.get('displayName')).toBe('string | null');
    expect(theirs.get('DeviceManagementPartner')?.get('displayName')).toBe('string | null');
    expect(ours.get('DeviceManagementPartner')?.get('id')).toBe('string');
    expect(theirs.get('DeviceManagementPartner')?.get('id')).toBe('string');
  });
});

/** Property shapes of the named interfaces (inherited properties included), and `enum` shapes of aliases. */
function shapesOf(program: ts.Program, file: string, names: readonly string[]): Shapes {
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  const exports = new Map(checker.getExportsOfModule(module).map((s) => [s.getName(), s]));
  const shapes: Shapes = new Map();
  for (const name of names) {
    const symbol = exports.get(name);
    if (!symbol) continue;
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    if (symbol.flags & ts.SymbolFlags.TypeAlias) {
      shapes.set(name, new Map([['enum', shapeOf(checker, type)]]));
      continue;
    }
    shapes.set(name, new Map(checker.getPropertiesOfType(type).map((p) => [p.getName(), shapeOf(checker, checker.getTypeOfSymbol(p))])));
  }
  return shapes;
}

/** `string | null`, `X[]`, `"a" | "b"` (sorted), `XUnion | null`: aliases and optional `undefined` looked through. */
function shapeOf(checker: ts.TypeChecker, type: ts.Type): string {
  const parts = type.isUnion() ? type.types : [type];
  const nullable = parts.some((t) => t.flags & ts.TypeFlags.Null);
  const rest = parts.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  let text: string;
  if (rest.length > 0 && rest.every((t) => t.isStringLiteral())) {
    text = rest.map((t) => JSON.stringify((t as ts.StringLiteralType).value)).sort().join(' | ');
  } else if (rest.length > 1 && rest.every((t) => t.isIntersection())) {
    // Our XUnion: the members' first parts are X and its derived types; X is the first member.
    const first = (rest[0] as ts.IntersectionType).types[0]!;
    text = `${checker.typeToString(first)}Union`;
  } else if (rest.length === 2 && rest.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) {
    text = 'boolean';
  } else if (rest.length === 1 && checker.isArrayType(rest[0]!)) {
    text = `${shapeOf(checker, checker.getTypeArguments(rest[0] as ts.TypeReference)[0]!)}[]`;
  } else {
    text = rest.map((t) => checker.typeToString(t)).join(' | ');
  }
  return nullable ? `${text} | null` : text;
}
