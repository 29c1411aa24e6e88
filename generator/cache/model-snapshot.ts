/**
 * One API version's linked model as the last `generate` left it, for runs that
 * relink a few changed pages only (`model/relink.ts`): every type and operation
 * as JSON text in a pack, and an index holding their shape fields (what the
 * emitters' layout, names and file lists read), the resolver's page map, each
 * output file's `dependsOn`, and a digest of the inputs the model was linked
 * from. A snapshot is used only when that digest matches the run manifest's
 * inputs for the version; anything unreadable or inconsistent is no snapshot.
 *
 * `lazyModel` gives the snapshot back as a `Model` whose types and operations
 * are proxies: shape fields come from the index, and the first read of any other
 * field parses that one type or operation from the pack. So code that reads
 * more than the shape still gets the right data, only slower.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ALL_MODEL, operationKey, typeKey } from '../model/keys.js';
import type { InputRecord, VersionSummary } from './run-manifest.js';
import type { Model, ModelOperation, ModelType } from '../model/ir.js';
import type { VersionLinkState } from '../model/link.js';
import type { Reference } from '../model/link-types.js';
import { SCHEMA_VERSION } from '../model/ir.js';
import { compareStrings } from '../model/diagnostic.js';
import { GENERATOR_VERSION } from '../model/version.js';
import type { Span } from './facts-index.js';
import { hashOf } from './hash.js';
import { decode, Pack } from './pack.js';
import { writeAtomic } from './write-atomic.js';
import { ShapeMemo, type SavedShapeMemo } from '../emit/shape-memo.js';

/** 3: the shape memo; 2: the pack beside the index under one name (`cache/pack.ts`); 1 named a new pack on every rewrite. */
const FORMAT = 3;

type TypeStub = [fullName: string, name: string, namespace: string, kind: ModelType['kind'], baseType: string | null, origin: ModelType['origin'], span: Span];
type OperationStub = [id: string, title: string, resource: string | null, method: string, paths: string[], kind: ModelOperation['kind'], span: Span];

interface SnapshotIndex {
  format: typeof FORMAT;
  key: string;
  apiVersion: string;
  /** `inputsDigest` of the pages the model was linked from. */
  inputs: string;
  summary: VersionSummary;
  types: TypeStub[];
  operations: OperationStub[];
  /** Page file → the one documented type the resolver maps it to. */
  byPage: Record<string, string>;
  /** Each type that is only referenced → its references in link order. */
  referenced: Record<string, readonly Reference[]>;
  /** Output path → `dependsOn`, as indexes: types first, then operations; -1 for `ALL_MODEL`. */
  dependsOn: Record<string, number[]>;
  /** Where the pack holds the emitters' shape memo (`emit/shape-memo.ts`), if it was saved. */
  memo: Span | null;
}

export interface SnapshotContent {
  apiVersion: string;
  inputs: readonly InputRecord[];
  summary: VersionSummary;
  types: readonly ModelType[];
  operations: readonly ModelOperation[];
  link: VersionLinkState;
  dependsOn: ReadonlyMap<string, readonly string[]>;
  memo?: SavedShapeMemo | undefined;
}

/** A digest of one version's input pages and their content hashes. */
export function inputsDigest(inputs: readonly Pick<InputRecord, 'file' | 'hash'>[]): string {
  // Records come sorted by file from a run; sorted again only when not. Fed to the digest one by one (what
  // `hashOf` of them joined by NULs would digest), not joined into one string of six thousand records first.
  const inOrder = inputs.every((record, i) => i === 0 || inputs[i - 1]!.file < record.file);
  const sorted = inOrder ? inputs : [...inputs].sort((a, b) => compareStrings(a.file, b.file));
  const digest = createHash('sha1');
  sorted.forEach((record, i) => digest.update(i === 0 ? `${record.file}\u0000${record.hash}` : `\u0000${record.file}\u0000${record.hash}`));
  return digest.update('\u0000').digest('hex');
}

/** `<cache>/models/<manifest name>.<version hash>.json` (and `.pack`), beside the `runs/` folder of the manifest. */
export function snapshotIndexPath(manifestFile: string, apiVersion: string): string {
  return path.join(path.dirname(manifestFile), '..', 'models', `${path.basename(manifestFile, '.json')}.${hashOf(apiVersion).slice(0, 8)}.json`);
}

function packOf(indexFile: string): Pack {
  return new Pack(indexFile.replace(/\.json$/, '.pack'));
}

function texts(values: readonly unknown[]): Buffer[] {
  return values.map((value) => Buffer.from(JSON.stringify(value)));
}

/**
 * Writes the pack, then the index. A run killed between the two leaves the last
 * index over the new pack: its entries then fail their checksums when read
 * (`SnapshotError`), which costs a whole link.
 */
export async function saveSnapshot(manifestFile: string, key: string, content: SnapshotContent): Promise<void> {
  const indexFile = snapshotIndexPath(manifestFile, content.apiVersion);
  await mkdir(path.dirname(indexFile), { recursive: true });
  const spans = packOf(indexFile).append(texts([...content.types, ...content.operations, ...(content.memo ? [content.memo] : [])]), true);
  const types = content.types.map((t, i): TypeStub => [t.fullName, t.name, t.namespace, t.kind, t.baseType, t.origin, spans[i]!]);
  const operations = content.operations.map((o, i): OperationStub => [o.id, o.title, o.resource, o.method, o.paths, o.kind, spans[types.length + i]!]);
  const position = new Map<string, number>();
  content.types.forEach((type, i) => position.set(typeKey(type.fullName), i));
  content.operations.forEach((operation, i) => position.set(operationKey(operation.id), types.length + i));
  const dependsOn: Record<string, number[]> = {};
  for (const [file, keys] of content.dependsOn) {
    dependsOn[file] = keys.map((k) => (k === ALL_MODEL ? -1 : position.get(k) ?? -1));
  }
  const index: SnapshotIndex = {
    format: FORMAT,
    key,
    apiVersion: content.apiVersion,
    inputs: inputsDigest(content.inputs),
    summary: content.summary,
    types,
    operations,
    byPage: Object.fromEntries(content.link.pageMap),
    referenced: Object.fromEntries(content.link.referenced),
    dependsOn,
    memo: content.memo ? spans[types.length + operations.length]! : null,
  };
  await writeAtomic(indexFile, JSON.stringify(index));
}

export class ModelSnapshot {
  private readonly pack: Pack;
  private readonly typeStubs: Map<string, TypeStub>;
  private readonly operationStubs: Map<string, OperationStub>;
  /** `dependsOnAny`'s key sets as positions in the index. */
  private readonly positions = new WeakMap<ReadonlySet<string>, Set<number>>();

  private constructor(
    private readonly index: SnapshotIndex,
    private readonly indexFile: string,
  ) {
    this.pack = packOf(indexFile);
    this.typeStubs = new Map(index.types.map((stub) => [stub[0], stub]));
    this.operationStubs = new Map(index.operations.map((stub) => [stub[0], stub]));
  }

  /** The snapshot of a version linked from exactly these inputs, or undefined. `text`: the index file's, when the caller read it. */
  static open(manifestFile: string, key: string, apiVersion: string, inputs: readonly InputRecord[], text?: string): ModelSnapshot | undefined {
    const indexFile = snapshotIndexPath(manifestFile, apiVersion);
    try {
      const index = JSON.parse(text ?? readFileSync(indexFile, 'utf8')) as SnapshotIndex;
      if (index?.format !== FORMAT || index.key !== key || index.apiVersion !== apiVersion || index.inputs !== inputsDigest(inputs)) return undefined;
      if (!Array.isArray(index.types) || !Array.isArray(index.operations) || [index.byPage, index.referenced, index.dependsOn].some((value) => typeof value !== 'object' || value === null)) return undefined;
      if (index.memo !== null && !(Array.isArray(index.memo) && index.memo.length === 3 && index.memo.every(Number.isInteger))) return undefined;
      return new ModelSnapshot(index, indexFile);
    } catch {
      return undefined;
    }
  }

  get summary(): VersionSummary {
    return this.index.summary;
  }

  /** The documented types, as the resolver takes them. */
  documentedTypes(): { fullName: string; name: string; namespace: string }[] {
    return this.index.types.filter((stub) => stub[5] === 'documented').map(([fullName, name, namespace]) => ({ fullName, name, namespace }));
  }

  /** The references of a type that is only referenced, in link order, or undefined. */
  references(fullName: string): readonly Reference[] | undefined {
    return Object.hasOwn(this.index.referenced, fullName) ? this.index.referenced[fullName] : undefined;
  }

  /** Base type of a type as linked (inferred ones included), or null. */
  baseOf(fullName: string): string | null {
    return this.typeStubs.get(fullName)?.[4] ?? null;
  }

  get byPage(): ReadonlyMap<string, string> {
    return new Map(Object.entries(this.index.byPage));
  }

  /**
   * The emitters' shape memo as saved with the snapshot; empty (values are then
   * computed) when none was saved or it does not read back.
   */
  shapeMemo(): ShapeMemo {
    try {
      const saved = this.index.memo && (this.read(this.index.memo) as SavedShapeMemo | null);
      if (saved && typeof saved.shape === 'string' && typeof saved.values === 'object' && saved.values !== null) return new ShapeMemo(saved);
    } catch {
      // The memo only saves time: without it, values are computed.
    }
    return new ShapeMemo();
  }

  /** True when a file may depend on one of `keys` (it lists one, or everything, or the snapshot does not know the file). */
  dependsOnAny(file: string, keys: ReadonlySet<string>): boolean {
    const indexes = this.index.dependsOn[file];
    if (!indexes) return true;
    let positions = this.positions.get(keys);
    if (!positions) {
      const count = this.index.types.length;
      positions = new Set<number>();
      this.index.types.forEach((stub, i) => keys.has(typeKey(stub[0])) && positions!.add(i));
      this.index.operations.forEach((stub, i) => keys.has(operationKey(stub[0])) && positions!.add(count + i));
      this.positions.set(keys, positions);
    }
    return indexes.some((i) => i < 0 || positions!.has(i));
  }

  /** The stored type, parsed from the pack (throws when the pack does not check out). */
  type(fullName: string): ModelType | undefined {
    const stub = this.typeStubs.get(fullName);
    return stub && (this.read(stub[6]) as ModelType);
  }

  operation(id: string): ModelOperation | undefined {
    const stub = this.operationStubs.get(id);
    return stub && (this.read(stub[6]) as ModelOperation);
  }

  /**
   * The model, lazily (see the file comment). `swap` then puts relinked types and
   * operations (by key) behind their proxies, so structures built from the model
   * before the relink see them; it returns false when some of them had had data
   * beyond the shape read before the swap (what was built from it is stale).
   */
  lazyModel(): LazyModel {
    const entries = new Map<string, LazyEntry>();
    const entry = (key: string, shape: Record<string, unknown>, span: Span): object => {
      const state: LazyEntry = { shape, span, proxy: undefined as unknown as object };
      state.proxy = this.lazy(state);
      entries.set(key, state);
      return state.proxy;
    };
    const apiVersion = this.index.apiVersion;
    const types = this.index.types.map((stub) => entry(typeKey(stub[0]), typeShape(apiVersion, stub), stub[6]) as ModelType);
    const operations = this.index.operations.map((stub) => entry(operationKey(stub[0]), operationShape(apiVersion, stub), stub[6]) as ModelOperation);
    const model: Model = {
      schemaVersion: SCHEMA_VERSION,
      generator: { name: 'docs2ts', version: GENERATOR_VERSION },
      apiVersions: [apiVersion],
      pages: { total: 0, byKind: { api: 0, resource: 0, enum: 0, conceptual: 0 }, empty: 0 },
      types,
      operations,
      diagnostics: [],
    };
    const swap = (replace: ReadonlyMap<string, object>, changed: ReadonlySet<string>): boolean => {
      let fresh = true;
      for (const [key, value] of replace) {
        const state = entries.get(key);
        if (!state) return false;
        if (state.full !== undefined && changed.has(key)) fresh = false;
        state.full = value;
      }
      return fresh;
    };
    return { model, swap };
  }

  /**
   * Records a relink: the changed types and operations appended to the pack, the
   * index rewritten with their spans, the new inputs and summary. A pack that is
   * mostly stale entries is rewritten with the live ones only.
   */
  async update(
    replace: ReadonlyMap<string, ModelType | ModelOperation>,
    changed: ReadonlySet<string>,
    referenced: ReadonlyMap<string, readonly Reference[]>,
    inputs: readonly InputRecord[],
    summary: VersionSummary,
  ): Promise<void> {
    for (const [fullName, references] of referenced) this.index.referenced[fullName] = [...references];
    const entries: [string, TypeStub | OperationStub][] = [
      ...this.index.types.map((stub): [string, TypeStub] => [typeKey(stub[0]), stub]),
      ...this.index.operations.map((stub): [string, OperationStub] => [operationKey(stub[0]), stub]),
    ];
    const appended = entries.filter(([key]) => changed.has(key));
    const spans = this.pack.append(texts(appended.map(([key]) => replace.get(key))), false);
    appended.forEach(([, stub], i) => (stub[6] = spans[i]!));
    const stubs = entries.map(([, stub]) => stub);
    this.index.inputs = inputsDigest(inputs);
    this.index.summary = summary;
    const kept = [...stubs.map((stub) => stub[6]), ...(this.index.memo ? [this.index.memo] : [])];
    const live = kept.reduce((n, span) => n + span[1], 0);
    if ((await this.pack.size()) > 2 * live + 1024 * 1024) {
      const rewritten = await this.pack.rewrite(kept);
      stubs.forEach((stub, i) => (stub[6] = rewritten[i]!));
      if (this.index.memo) this.index.memo = rewritten[stubs.length]!;
    }
    await writeAtomic(this.indexFile, JSON.stringify(this.index));
  }

  private lazy(state: LazyEntry): object {
    const load = (): object => (state.full ??= this.read(state.span) as object);
    const { shape } = state;
    return new Proxy(
      {},
      {
        get: (_, key) => (typeof key === 'string' && Object.hasOwn(shape, key) ? shape[key] : Reflect.get(load(), key)),
        has: (_, key) => Reflect.has(load(), key),
        ownKeys: () => Reflect.ownKeys(load()),
        getOwnPropertyDescriptor: (_, key) => {
          const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
          return descriptor && { ...descriptor, configurable: true };
        },
        set: () => false,
        deleteProperty: () => false,
        defineProperty: () => false,
      },
    );
  }

  private read(span: Span): unknown {
    const value = decode(this.pack.readMany([span])[0], span);
    if (value === undefined) throw new SnapshotError(`${path.basename(this.indexFile, '.json')}.pack does not hold the entry at ${span[0]}`);
    return value;
  }
}

export interface LazyModel {
  model: Model;
  swap: (replace: ReadonlyMap<string, object>, changed: ReadonlySet<string>) => boolean;
}

interface LazyEntry {
  /** Shape fields, served without reading the pack. */
  shape: Record<string, unknown>;
  span: Span;
  /** The whole type or operation once read (or swapped in). */
  full?: object;
  proxy: object;
}

/** A snapshot entry that did not check out, found while reading lazily. */
export class SnapshotError extends Error {}

function typeShape(apiVersion: string, [fullName, name, namespace, kind, baseType, origin]: TypeStub): Record<string, unknown> {
  return { apiVersion, fullName, name, namespace, kind, baseType, origin };
}

function operationShape(apiVersion: string, [id, title, resource, method, paths, kind]: OperationStub): Record<string, unknown> {
  return { apiVersion, id, title, resource, method, paths, kind };
}
