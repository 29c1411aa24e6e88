/**
 * Compares one API version of the docs model with the CSDL-generated package,
 * type by type: which types exist, their properties, property types and
 * collection-ness, base types and enum members. Pure: data in, figures and findings out.
 */
import type { ModelProperty, ModelType } from '../../generator/model/ir.js';
import type { Category, Mismatch } from './categories.js';
import type { PackageType, PackageTypes } from './package-types.js';
import { bareName, comparePropertyType, describeDocsType } from './property-types.js';

export interface Tally {
  agree: number;
  total: number;
}

export interface Figures {
  apiVersion: string;
  types: {
    docs: number;
    package: number;
    /** Paired by full name (ignoring case) or, failing that, by a bare name the package declares once. */
    both: number;
    nameCase: number;
    namespaceDiffers: number;
    kindDiffers: number;
    onlyDocs: number;
    onlyPackage: number;
    /** Model types of this version left out: synthesized from "Possible values" or only referenced. */
    notDocumented: number;
  };
  properties: {
    docs: number;
    /** Declared by the package on the same type. */
    onType: number;
    /** Declared by the package on an ancestor only (pages often repeat inherited properties). */
    onAncestor: number;
    nameCase: number;
    onlyDocs: number;
    /** Declared by the package on the shared structured types. */
    packageDeclared: number;
    onlyPackage: number;
  };
  /** Over properties found on both sides. */
  propertyTypes: Tally;
  collections: Tally;
  baseTypes: Tally;
  /** Entity vs complex type; the package's types are entities when they derive from `microsoft.graph.entity`. */
  entityKinds: Tally;
  enums: { shared: number; identical: number; docsMembers: number; docsMembersInPackage: number; packageMembers: number; packageOnlyMembers: number };
}

export interface Comparison {
  figures: Figures;
  mismatches: Mismatch[];
}

export function compareModel(modelTypes: readonly ModelType[], packageTypes: PackageTypes, apiVersion: string): Comparison {
  const versionTypes = modelTypes.filter((t) => t.apiVersion === apiVersion);
  const documented = versionTypes.filter((t) => t.origin === 'documented' && t.kind !== 'unresolved');
  const docsByName = new Map(versionTypes.map((t) => [t.fullName, t]));
  const figures = emptyFigures(apiVersion, documented.length, packageTypes.size, versionTypes.length - documented.length);
  const mismatches: Mismatch[] = [];
  const add = (category: Category, where: { file: string; line: number }, rest: Omit<Mismatch, 'category' | 'file' | 'line'>) =>
    mismatches.push({ category, file: where.file, line: where.line, ...rest });

  const byBareName = new Map<string, PackageType[]>();
  for (const type of packageTypes.values()) {
    const key = bareName(type.fullName).toLowerCase();
    byBareName.set(key, [...(byBareName.get(key) ?? []), type]);
  }
  const paired = new Set<PackageType>();
  const context: PairContext = { packageTypes, docsByName, figures, add };
  for (const docs of documented) {
    const exact = packageTypes.get(docs.fullName.toLowerCase());
    const candidates = byBareName.get(docs.name.toLowerCase()) ?? [];
    const pkg = exact ?? (candidates.length === 1 ? candidates[0] : undefined);
    const where = docs.source;
    if (!pkg) {
      figures.types.onlyDocs++;
      add('type-only-docs', where, { type: docs.fullName, docs: docs.kind, package: candidates.map((c) => c.tsName).join(', ') || '-' });
      continue;
    }
    paired.add(pkg);
    figures.types.both++;
    if (!exact) {
      figures.types.namespaceDiffers++;
      add('type-namespace-differs', where, { type: docs.fullName, docs: docs.fullName, package: pkg.fullName });
    } else if (pkg.fullName !== docs.fullName) {
      figures.types.nameCase++;
      add('type-name-case', where, { type: docs.fullName, docs: docs.fullName, package: pkg.fullName });
    }
    if ((docs.kind === 'enum') !== (pkg.kind === 'enum')) {
      figures.types.kindDiffers++;
      add('type-kind-differs', where, { type: docs.fullName, docs: docs.kind, package: pkg.kind });
    } else if (docs.kind === 'enum') compareEnum(docs, pkg, context);
    else {
      compareEntityKind(docs, pkg, context);
      compareBaseType(docs, pkg, context);
      compareProperties(docs, pkg, context);
    }
  }
  for (const pkg of packageTypes.values()) {
    if (paired.has(pkg)) continue;
    figures.types.onlyPackage++;
    add('type-only-package', { file: '', line: 0 }, { type: pkg.fullName, docs: '-', package: `${pkg.kind} ${pkg.tsName}` });
  }
  mismatches.sort(byPlace);
  return { figures, mismatches };
}

interface PairContext {
  packageTypes: PackageTypes;
  docsByName: Map<string, ModelType>;
  figures: Figures;
  add: (category: Category, where: { file: string; line: number }, rest: Omit<Mismatch, 'category' | 'file' | 'line'>) => void;
}

function compareBaseType(docs: ModelType, pkg: PackageType, { figures, add }: PairContext): void {
  figures.baseTypes.total++;
  const docsBase = docs.baseType;
  const pkgBase = pkg.baseType;
  const finding = { type: docs.fullName, docs: docsBase ?? '-', package: pkgBase ?? '-' };
  if (docsBase === pkgBase) figures.baseTypes.agree++;
  else if (!docsBase) add('base-docs-missing', docs.source, finding);
  else if (!pkgBase) add('base-package-missing', docs.source, finding);
  else if (docsBase.toLowerCase() === pkgBase.toLowerCase()) {
    figures.baseTypes.agree++;
    add('base-name-case', docs.source, finding);
  } else add('base-differs', docs.source, finding);
}

function compareEntityKind(docs: ModelType, pkg: PackageType, { packageTypes, figures, add }: PairContext): void {
  figures.entityKinds.total++;
  const ancestors = chain(pkg, (t) => (t.baseType ? packageTypes.get(t.baseType.toLowerCase()) : undefined));
  const packageEntity = ancestors.some((t) => t.fullName === ENTITY);
  if (packageEntity === (docs.kind === 'entity')) {
    figures.entityKinds.agree++;
    return;
  }
  const finding = { type: docs.fullName, docs: docs.kind, package: ancestors.map((t) => t.fullName).join(' < ') };
  add(packageEntity ? 'kind-complex-vs-entity' : 'kind-entity-vs-complex', docs.source, finding);
}

const ENTITY = 'microsoft.graph.entity';

function compareProperties(docs: ModelType, pkg: PackageType, context: PairContext): void {
  const { packageTypes, docsByName, figures, add } = context;
  const packageChain = chain(pkg, (t) => (t.baseType ? packageTypes.get(t.baseType.toLowerCase()) : undefined));
  const docsChain = chain(docs, (t) => (t.baseType ? docsByName.get(t.baseType) : undefined));
  const docsIsEnum = (fullName: string) => docsByName.get(fullName)?.kind === 'enum';
  for (const property of [...docs.properties, ...docs.navigationProperties]) {
    figures.properties.docs++;
    const found = findProperty(packageChain, property.name);
    if (!found) {
      figures.properties.onlyDocs++;
      add('property-only-docs', property.source, { type: docs.fullName, property: property.name, docs: describeDocsType(property), package: '-' });
      continue;
    }
    if (found.how === 'case') {
      figures.properties.nameCase++;
      add('property-name-case', property.source, { type: docs.fullName, property: property.name, docs: property.name, package: found.property.name });
    } else if (found.owner === pkg) figures.properties.onType++;
    else figures.properties.onAncestor++;
    comparePropertyTypes(docs, property, found.property, context, docsIsEnum);
  }
  const documentedNames = new Set(docsChain.flatMap((t) => [...t.properties, ...t.navigationProperties]).map((p) => p.name.toLowerCase()));
  for (const property of pkg.properties) {
    figures.properties.packageDeclared++;
    if (documentedNames.has(property.name.toLowerCase())) continue;
    figures.properties.onlyPackage++;
    add('property-only-package', docs.source, { type: docs.fullName, property: property.name, docs: '-', package: property.tsType });
  }
}

function comparePropertyTypes(
  docs: ModelType,
  property: ModelProperty,
  pkgProperty: PackageType['properties'][number],
  { packageTypes, figures, add }: PairContext,
  docsIsEnum: (fullName: string) => boolean,
): void {
  const verdict = comparePropertyType(property, pkgProperty, packageTypes, docsIsEnum);
  figures.propertyTypes.total++;
  figures.collections.total++;
  if (verdict.typeAgrees) figures.propertyTypes.agree++;
  if (verdict.collectionAgrees) figures.collections.agree++;
  for (const category of verdict.findings) {
    add(category, property.source, { type: docs.fullName, property: property.name, docs: describeDocsType(property), package: pkgProperty.tsType });
  }
}

function findProperty(
  packageChain: PackageType[],
  name: string,
): { property: PackageType['properties'][number]; owner: PackageType; how: 'exact' | 'case' } | undefined {
  for (const owner of packageChain) {
    const property = owner.properties.find((p) => p.name === name);
    if (property) return { property, owner, how: 'exact' };
  }
  const lower = name.toLowerCase();
  for (const owner of packageChain) {
    const property = owner.properties.find((p) => p.name.toLowerCase() === lower);
    if (property) return { property, owner, how: 'case' };
  }
  return undefined;
}

function compareEnum(docs: ModelType, pkg: PackageType, { figures, add }: PairContext): void {
  const enums = figures.enums;
  enums.shared++;
  const docsMembers = docs.members.map((m) => m.name);
  const pkgMembers = new Set(pkg.members);
  const pkgLower = new Map(pkg.members.map((m) => [m.toLowerCase(), m]));
  const docsLower = new Set(docsMembers.map((m) => m.toLowerCase()));
  let identical = docsMembers.length === pkgMembers.size;
  for (const member of docsMembers) {
    enums.docsMembers++;
    if (pkgMembers.has(member)) {
      enums.docsMembersInPackage++;
      continue;
    }
    identical = false;
    const caseOnly = pkgLower.get(member.toLowerCase());
    add(caseOnly ? 'enum-member-case' : 'enum-member-only-docs', docs.source, { type: docs.fullName, member, docs: member, package: caseOnly ?? '-' });
  }
  for (const member of pkg.members) {
    enums.packageMembers++;
    if (docsLower.has(member.toLowerCase())) continue;
    identical = false;
    enums.packageOnlyMembers++;
    const category = member === 'unknownFutureValue' ? 'enum-member-only-package-sentinel' : 'enum-member-only-package';
    add(category, docs.source, { type: docs.fullName, member, docs: '-', package: member });
  }
  if (identical) enums.identical++;
}

function chain<T>(start: T, next: (t: T) => T | undefined): T[] {
  const out = [start];
  for (let t = next(start); t && !out.includes(t); t = next(t)) out.push(t);
  return out;
}

function byPlace(a: Mismatch, b: Mismatch): number {
  return (
    compare(a.category, b.category) ||
    compare(a.file, b.file) ||
    a.line - b.line ||
    compare(a.type, b.type) ||
    compare(a.property ?? a.member ?? '', b.property ?? b.member ?? '')
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function emptyFigures(apiVersion: string, docs: number, pkg: number, notDocumented: number): Figures {
  return {
    apiVersion,
    types: { docs, package: pkg, both: 0, nameCase: 0, namespaceDiffers: 0, kindDiffers: 0, onlyDocs: 0, onlyPackage: 0, notDocumented },
    properties: { docs: 0, onType: 0, onAncestor: 0, nameCase: 0, onlyDocs: 0, packageDeclared: 0, onlyPackage: 0 },
    propertyTypes: { agree: 0, total: 0 },
    collections: { agree: 0, total: 0 },
    baseTypes: { agree: 0, total: 0 },
    entityKinds: { agree: 0, total: 0 },
    enums: { shared: 0, identical: 0, docsMembers: 0, docsMembersInPackage: 0, packageMembers: 0, packageOnlyMembers: 0 },
  };
}
