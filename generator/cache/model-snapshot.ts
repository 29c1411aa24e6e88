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
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { ALL_MODEL, operationKey, typeKey } from '../emit/emitter.js';
import type { InputRecord, VersionSummary } from './run-manifest.js';
import type { Model, ModelOperation, ModelType } from '../model/ir.js';
import type { VersionLinkState } from '../model/link.js';
import type { Reference } from '../model/link-types.js';
import { SCHEMA_VERSION } from '../model/ir.js';
import { GENERATOR_VERSION } from '../model/link.js';
import { hashOf } from './hash.js';
import { writeAtomic } from './write-atomic.js';

const FORMAT = 1;

/** Where one text is in the pack. */
type Span = [offset: number, length: number, crc: number];

type TypeStub = [fullName: string, name: string, namespace: string, kind: ModelType['kind'], baseType: string | null, origin: ModelType['origin'], span: Span];
type OperationStub = [id: string, title: string, resource: string | null, method: string, paths: string[], kind: ModelOperation['kind'], span: Span];

interface SnapshotIndex {
  format: typeof FORMAT;
  key: string;
  apiVersion: string;
  /** `inputsDigest` of the pages the model was linked from. */
  inputs: string;
  /** The pack's file name (beside the index); a new one whenever the pack is rewritten, so the index never points into a half-written pack. */
  pack: string;
  summary: VersionSummary;
  types: TypeStub[];
  operations: OperationStub[];
  /** Page file → the one documented type the resolver maps it to. */
  byPage: Record<string, string>;
  /** Each type that is only referenced → its references in link order. */
  referenced: Record<string, readonly Reference[]>;
  /** Output path → `dependsOn`, as indexes: types first, then operations; -1 for `ALL_MODEL`. */
  dependsOn: Record<string, number[]>;
}

export interface SnapshotContent {
  apiVersion: string;
  inputs: readonly InputRecord[];
  summary: VersionSummary;
  types: readonly ModelType[];
  operations: readonly ModelOperation[];
  link: VersionLinkState;
  dependsOn: ReadonlyMap<string, readonly string[]>;
}

/** A digest of one version's input pages and their content hashes. */
export function inputsDigest(inputs: readonly Pick<InputRecord, 'file' | 'hash'>[]): string {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return hashOf(sorted.map((record) => `${record.file}\u0000${record.hash}`).join('\u0000'));
}

/** `<cache>/models/<manifest name>.<version hash>.json`, beside the `runs/` folder of the manifest. */
export function snapshotIndexPath(manifestFile: string, apiVersion: string): string {
  return path.join(path.dirname(manifestFile), '..', 'models', `${path.basename(manifestFile, '.json')}.${hashOf(apiVersion).slice(0, 8)}.json`);
}

/** A fresh pack file name for an index. */
function newPackName(indexFile: string): string {
  return `${path.basename(indexFile, '.json')}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.pack`;
}

/** Removes the packs of an index other than `keep` (left over by rewrites). */
async function removeOtherPacks(indexFile: string, keep: string): Promise<void> {
  const prefix = `${path.basename(indexFile, '.json')}.`;
  const names = await readdir(path.dirname(indexFile)).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.startsWith(prefix) && name.endsWith('.pack') && name !== keep).map((name) => rm(path.join(path.dirname(indexFile), name), { force: true })));
}

/** Writes a new pack, then the index pointing to it, then removes the old pack: a run killed anywhere leaves a consistent pair. */
export async function saveSnapshot(manifestFile: string, key: string, content: SnapshotContent): Promise<void> {
  const indexFile = snapshotIndexPath(manifestFile, content.apiVersion);
  const pack = newPackName(indexFile);
  const texts: Buffer[] = [];
  let offset = 0;
  const spanOf = (value: unknown): Span => {
    const text = Buffer.from(JSON.stringify(value));
    texts.push(text);
    const span: Span = [offset, text.length, crc32(text)];
    offset += text.length;
    return span;
  };
  const types = content.types.map((t): TypeStub => [t.fullName, t.name, t.namespace, t.kind, t.baseType, t.origin, spanOf(t)]);
  const operations = content.operations.map((o): OperationStub => [o.id, o.title, o.resource, o.method, o.paths, o.kind, spanOf(o)]);
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
    pack,
    summary: content.summary,
    types,
    operations,
    byPage: Object.fromEntries(content.link.pageMap),
    referenced: Object.fromEntries(content.link.referenced),
    dependsOn,
  };
  await writeAtomic(path.join(path.dirname(indexFile), pack), Buffer.concat(texts));
  await writeAtomic(indexFile, JSON.stringify(index));
  await removeOtherPacks(indexFile, pack);
}

export class ModelSnapshot {
  private fd: number | undefined;
  private readonly typeStubs: Map<string, TypeStub>;
  private readonly operationStubs: Map<string, OperationStub>;
  /** `dependsOnAny`'s key sets as positions in the index. */
  private readonly positions = new WeakMap<ReadonlySet<string>, Set<number>>();

  private constructor(
    private readonly index: SnapshotIndex,
    private readonly indexFile: string,
  ) {
    this.typeStubs = new Map(index.types.map((stub) => [stub[0], stub]));
    this.operationStubs = new Map(index.operations.map((stub) => [stub[0], stub]));
  }

  /** The snapshot of a version linked from exactly these inputs, or undefined. */
  static open(manifestFile: string, key: string, apiVersion: string, inputs: readonly InputRecord[]): ModelSnapshot | undefined {
    const indexFile = snapshotIndexPath(manifestFile, apiVersion);
    try {
      const index = JSON.parse(readFileSync(indexFile, 'utf8')) as SnapshotIndex;
      if (index?.format !== FORMAT || index.key !== key || index.apiVersion !== apiVersion || index.inputs !== inputsDigest(inputs)) return undefined;
      if (!Array.isArray(index.types) || !Array.isArray(index.operations) || [index.byPage, index.referenced, index.dependsOn].some((value) => typeof value !== 'object' || value === null)) return undefined;
      if (typeof index.pack !== 'string' || path.basename(index.pack) !== index.pack) return undefined;
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

  /** Output paths the snapshot knows the `dependsOn` of. */
  get files(): string[] {
    return Object.keys(this.index.dependsOn);
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

  /** A file's `dependsOn` keys, or undefined when the snapshot has none for it. */
  dependsOn(file: string): string[] | undefined {
    const indexes = this.index.dependsOn[file];
    if (!indexes) return undefined;
    const count = this.index.types.length;
    return indexes.map((i) => (i < 0 ? ALL_MODEL : i < count ? typeKey(this.index.types[i]![0]) : operationKey(this.index.operations[i - count]?.[0] ?? '')));
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
    this.close();
    for (const [fullName, references] of referenced) this.index.referenced[fullName] = [...references];
    const fd = openSync(this.packFile, 'a');
    let size = 0;
    try {
      let offset = fstatSync(fd).size;
      const append = (value: unknown): Span => {
        const text = Buffer.from(JSON.stringify(value));
        writeSync(fd, text);
        const span: Span = [offset, text.length, crc32(text)];
        offset += text.length;
        return span;
      };
      for (const stub of this.index.types) if (changed.has(typeKey(stub[0]))) stub[6] = append(replace.get(typeKey(stub[0])));
      for (const stub of this.index.operations) if (changed.has(operationKey(stub[0]))) stub[6] = append(replace.get(operationKey(stub[0])));
      size = offset;
    } finally {
      closeSync(fd);
    }
    this.index.inputs = inputsDigest(inputs);
    this.index.summary = summary;
    const spans = [...this.index.types.map((stub) => stub[6]), ...this.index.operations.map((stub) => stub[6])];
    const live = spans.reduce((n, [, length]) => n + length, 0);
    if (size > 2 * live + 1024 * 1024) {
      const pack = readFileSync(this.packFile);
      let offset = 0;
      const kept = spans.map(([start, length, crc]) => {
        const bytes = pack.subarray(start, start + length);
        const span: Span = [offset, length, crc];
        offset += length;
        return { bytes, span };
      });
      kept.forEach(({ span }, i) => (i < this.index.types.length ? (this.index.types[i]![6] = span) : (this.index.operations[i - this.index.types.length]![6] = span)));
      this.index.pack = newPackName(this.indexFile);
      await writeAtomic(this.packFile, Buffer.concat(kept.map(({ bytes }) => bytes)));
    }
    await writeAtomic(this.indexFile, JSON.stringify(this.index));
    await removeOtherPacks(this.indexFile, this.index.pack);
  }

  private get packFile(): string {
    return path.join(path.dirname(this.indexFile), this.index.pack);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
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

  private read([offset, length, crc]: Span): unknown {
    try {
      this.fd ??= openSync(this.packFile, 'r');
      const bytes = Buffer.allocUnsafe(length);
      if (readSync(this.fd, bytes, 0, length, offset) === length && crc32(bytes) === crc) return JSON.parse(bytes.toString('utf8')) as unknown;
    } catch (error) {
      throw new SnapshotError(`${this.index.pack}: ${(error as Error).message}`);
    }
    throw new SnapshotError(`${this.index.pack} does not hold the entry at ${offset}`);
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
