/**
 * A V8 code cache for the CommonJS packages a run loads (TypeScript, through
 * ts-morph: about half a second of compiling on every `generate`, whatever
 * changed). Node 20 has no compile cache of its own, so CommonJS compiles are
 * hooked (`Module.prototype._compile`, as `v8-compile-cache` does) to hand V8
 * the code it cached for the same file last time.
 *
 * The cache is one file, written whole (temporary file, then rename) and only
 * when something was compiled without it. Nothing in it is trusted: an entry is
 * used only when the file's stamp (size, times, inode) and length match and its
 * bytes pass their checksum (V8 checks only its own version, flags and the
 * source length, not the bytes); V8 may still reject it, and then the module is
 * simply compiled. Any error reading or writing the cache costs only the time
 * it was meant to save.
 */
import { isAscii } from 'node:buffer';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { writeAtomic } from './write-atomic.js';

type Stamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

interface Entry {
  file: string;
  stamp: Stamp;
  /** Length of the module text (what V8 checks). */
  length: number;
  offset: number;
  bytes: number;
  crc: number;
}

interface Compiled {
  file: string;
  stamp: Stamp;
  length: number;
  script: vm.Script;
}

export interface CodeCache {
  /** Writes the cache when some module was compiled without a usable entry. */
  save(): Promise<void>;
  /** Modules compiled with cached code / without. */
  readonly hits: number;
  readonly misses: number;
}

const FORMAT = 1;
const { Module } = createRequire(import.meta.url)('node:module') as { Module: ModuleClass };

interface ModuleInstance {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}

interface ModuleClass {
  prototype: { _compile(this: ModuleInstance, content: string, filename: string): unknown };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: ModuleInstance, isMain: boolean, options?: unknown): string;
  _extensions: { '.js': (this: unknown, module: ModuleInstance, filename: string) => void };
  _cache: unknown;
}

let installed: CodeCache | undefined;

/**
 * Hooks CommonJS compiles under `node_modules` from now on, with the cache in `dir`
 * (one file per Node version and architecture). Once per process.
 */
export function installCodeCache(dir: string): CodeCache {
  if (installed) return installed;
  const file = path.join(dir, `${process.version}-${process.arch}.bin`);
  // Read on the first compile: a run that loads no package (nothing changed) never reads the 9 MB.
  let cache: { entries: Map<string, Entry>; blob: Buffer } | undefined;
  const compiled: Compiled[] = [];
  let hits = 0;
  let misses = 0;
  const inPackages = (filename: string) => filename.includes(`${path.sep}node_modules${path.sep}`);
  const cachedEntry = (filename: string, stamp: Stamp) => {
    cache ??= readCache(file);
    const entry = cache.entries.get(filename);
    return entry && sameStamp(entry.stamp, stamp) ? entry : undefined;
  };
  const extensions = Module._extensions;
  const load = extensions['.js'];
  extensions['.js'] = function loadJs(this: unknown, module: ModuleInstance, filename: string): void {
    // A file compiled as CommonJS last time, unchanged since: read here, where text that is all ASCII (TypeScript's
    // 9 MB is) is decoded as latin1, the same string five times faster than UTF-8. Any other goes to Node's loader.
    const stamp = inPackages(filename) ? stampOf(filename) : undefined;
    if (!stamp || !cachedEntry(filename, stamp)) return load.call(this, module, filename);
    const bytes = readFileSync(filename);
    module._compile(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'), filename);
  };
  const original = Module.prototype._compile;
  Module.prototype._compile = function compile(this: ModuleInstance, content: string, filename: string): unknown {
    const stamp = inPackages(filename) ? stampOf(filename) : undefined;
    if (!stamp) return original.call(this, content, filename);
    const entry = cachedEntry(filename, stamp);
    const cachedData = entry && entry.length === content.length ? checkedBytes(cache!.blob, entry) : undefined;
    let script: vm.Script;
    try {
      // Dynamic import() in the module works as in a module Node compiled.
      script = new vm.Script(Module.wrap(content), { filename, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER, ...(cachedData ? { cachedData } : {}) });
    } catch {
      // A syntax error (or anything else): Node's own compile reports it as it would have.
      return original.call(this, content, filename);
    }
    if (cachedData && !script.cachedDataRejected) hits++;
    else misses++;
    compiled.push({ file: filename, stamp, length: content.length, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  installed = {
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
    async save() {
      if (misses === 0) return;
      misses = 0;
      const pieces: Buffer[] = [];
      const saved: Entry[] = [];
      let offset = 0;
      for (const { file: source, stamp, length, script } of compiled) {
        const data = script.createCachedData();
        saved.push({ file: source, stamp, length, offset, bytes: data.length, crc: crc32(data) });
        pieces.push(data);
        offset += data.length;
      }
      const header = Buffer.from(JSON.stringify({ format: FORMAT, entries: saved }));
      const size = Buffer.alloc(4);
      size.writeUInt32LE(header.length);
      try {
        mkdirSync(dir, { recursive: true });
        await writeAtomic(file, Buffer.concat([size, header, ...pieces]));
      } catch {
        // An unwritable cache folder: the next run compiles again.
      }
    },
  };
  return installed;
}

/** The `require` a module's code gets, as Node makes it. */
function requireFor(module: ModuleInstance): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = ((request: string, options?: unknown) => Module._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  require.main = process.mainModule;
  require.extensions = Module._extensions as unknown as NodeJS.Require['extensions'];
  require.cache = Module._cache as NodeJS.Require['cache'];
  return require;
}

function readCache(file: string): { entries: Map<string, Entry>; blob: Buffer } {
  const none = { entries: new Map<string, Entry>(), blob: Buffer.alloc(0) };
  try {
    const data = readFileSync(file);
    const length = data.readUInt32LE(0);
    const header = JSON.parse(data.subarray(4, 4 + length).toString('utf8')) as { format?: unknown; entries?: unknown };
    if (header.format !== FORMAT || !Array.isArray(header.entries)) return none;
    const entries = new Map<string, Entry>();
    for (const entry of header.entries as Entry[]) if (isEntry(entry)) entries.set(entry.file, entry);
    return { entries, blob: data.subarray(4 + length) };
  } catch {
    return none;
  }
}

function isEntry(entry: Entry): boolean {
  const numbers = [entry?.length, entry?.offset, entry?.bytes, entry?.crc];
  return (
    typeof entry?.file === 'string' &&
    Array.isArray(entry.stamp) &&
    entry.stamp.length === 4 &&
    entry.stamp.every((n) => typeof n === 'number') &&
    numbers.every((n) => Number.isInteger(n) && n! >= 0)
  );
}

/** The entry's bytes when they are all there and pass their checksum. */
function checkedBytes(blob: Buffer, entry: Entry): Buffer | undefined {
  if (entry.offset + entry.bytes > blob.length) return undefined;
  const bytes = blob.subarray(entry.offset, entry.offset + entry.bytes);
  return crc32(bytes) === entry.crc ? bytes : undefined;
}

function stampOf(file: string): Stamp | undefined {
  try {
    const info = statSync(file);
    return [info.size, info.mtimeMs, info.ctimeMs, info.ino];
  } catch {
    return undefined;
  }
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.every((n, i) => n === b[i]);
}
