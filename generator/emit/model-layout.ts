/**
 * Which file holds which type. One file per namespace; a namespace with more
 * than `chunkSize` types is split into a folder of files keyed by the first
 * letters of the type names (`microsoft.graph/de.ts`), so a type's file depends
 * on its own name and its namespace's size, not on its neighbours. The models
 * and validators folders use the same layout.
 */
import { compareStrings } from '../model/diagnostic.js';
import type { ModelType } from '../model/ir.js';

export const DEFAULT_CHUNK_SIZE = 300;
const MAX_PREFIX = 6;

export interface Chunk {
  /** Path of the file without extension, relative to its folder (`microsoft.graph`, `microsoft.graph/de`). */
  id: string;
  /** Sorted by full name. */
  types: ModelType[];
}

export class ModelLayout {
  readonly chunks: Chunk[];
  private readonly chunkOfType = new Map<string, Chunk>();

  /** `keep`: lay out `types`, then hold only those named in it (files left empty are dropped): a slice's layout. */
  constructor(types: readonly ModelType[], chunkSize = DEFAULT_CHUNK_SIZE, keep?: ReadonlySet<string>) {
    const byNamespace = new Map<string, ModelType[]>();
    for (const type of types) {
      const list = byNamespace.get(type.namespace);
      if (list) list.push(type);
      else byNamespace.set(type.namespace, [type]);
    }
    const files = new FileNames();
    const chunks: Chunk[] = [];
    for (const namespace of [...byNamespace.keys()].sort(compareStrings)) {
      const members = byNamespace.get(namespace)!.sort((a, b) => compareStrings(a.fullName, b.fullName));
      const file = files.claim(namespace);
      if (members.length <= chunkSize) chunks.push({ id: file, types: members });
      else for (const [prefix, group] of splitByPrefix(members, 1, chunkSize)) chunks.push({ id: `${file}/${prefix}`, types: group });
    }
    const held = keep ? chunks.map((chunk) => ({ ...chunk, types: chunk.types.filter((type) => keep.has(type.fullName)) })).filter((chunk) => chunk.types.length > 0) : chunks;
    this.chunks = held.sort((a, b) => compareStrings(a.id, b.id));
    for (const chunk of this.chunks) for (const type of chunk.types) this.chunkOfType.set(type.fullName, chunk);
  }

  chunkOf(fullName: string): Chunk | undefined {
    return this.chunkOfType.get(fullName);
  }
}

/** `./x.js`-style import specifier from one chunk file to another (both relative to the same folder). */
export function importSpecifier(fromId: string, toId: string): string {
  const from = fromId.split('/').slice(0, -1);
  const to = toId.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  return `${up === 0 ? './' : '../'.repeat(up)}${rest}.js`;
}

function splitByPrefix(types: ModelType[], length: number, chunkSize: number): [string, ModelType[]][] {
  const groups = new Map<string, ModelType[]>();
  for (const type of types) {
    const key = prefixKey(type.name, length);
    const list = groups.get(key);
    if (list) list.push(type);
    else groups.set(key, [type]);
  }
  const out: [string, ModelType[]][] = [];
  for (const key of [...groups.keys()].sort(compareStrings)) {
    const group = groups.get(key)!;
    const canSplit = length < MAX_PREFIX && group.some((t) => t.name.length > length);
    if (group.length > chunkSize && canSplit) out.push(...splitByPrefix(group, length + 1, chunkSize));
    else out.push([key, group]);
  }
  return out;
}

/** Lower-cased (case-insensitive file systems), `[a-z0-9]` kept, anything else `_`. */
function prefixKey(name: string, length: number): string {
  const key = name.slice(0, length).toLowerCase().replace(/[^a-z0-9]/g, '_');
  return key === '' ? '_' : key;
}

/** Names that other files of the output folders use, or that some file systems refuse. */
const RESERVED_FILES = new Set(['index', 'runtime', 'schema', 'con', 'prn', 'aux', 'nul', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`com${n}`, `lpt${n}`])]);

/** Namespace → file name: safe characters only, unique without regard to case. */
class FileNames {
  private readonly used = new Set<string>();

  claim(namespace: string): string {
    let base = namespace.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.-]/, '_');
    if (base === '') base = '_';
    // `x.d.ts` would be read as a declaration file; a trailing `.` is refused on Windows.
    if (/(\.d|\.)$/i.test(base)) base = `${base}_`;
    if (RESERVED_FILES.has(base.toLowerCase())) base = `_${base}`;
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}
