/**
 * The slice and what is emitted, from the config's keys (`config.ts`) and the
 * flags of the same names, which win: `--include`, `--exclude`, `--versions`,
 * `--emit`, `--open-types`. A bad flag is a usage error naming it.
 */
import { UsageError } from '../parse/input.js';
import type { OpenTypes } from '../emit/emitter.js';
import { parsePathPattern, type PathPattern } from '../model/path-pattern.js';
import { EMIT_KINDS, type EmitKind, type OutputOptions } from '../pipeline/output-options.js';
import type { Docs2tsConfig } from './config.js';

export interface OutputFlags {
  include?: string[];
  exclude?: string[];
  versions?: string[];
  emit?: string[];
  openTypes?: string;
}

export function outputOptions(config: Docs2tsConfig, flags: OutputFlags): OutputOptions {
  const include = flags.include ? patterns('--include', flags.include) : config.include;
  const exclude = flags.exclude ? patterns('--exclude', flags.exclude) : config.exclude;
  const versions = flags.versions ?? config.versions;
  const emit = flags.emit ? emitKinds(flags.emit) : config.emit;
  const openTypes = (flags.openTypes as OpenTypes | undefined) ?? config.openTypes;
  return {
    ...(include || exclude || versions ? { selection: { include: include ?? [], exclude: exclude ?? [], ...(versions ? { versions } : {}) } } : {}),
    ...(emit ? { emit } : {}),
    ...(openTypes ? { openTypes } : {}),
  };
}

function patterns(flag: string, texts: string[]): PathPattern[] {
  return texts.map((text) => {
    const pattern = parsePathPattern(text);
    if ('problem' in pattern) throw new UsageError(`${flag} ${text}: ${pattern.problem}`);
    return pattern;
  });
}

function emitKinds(kinds: string[]): EmitKind[] {
  const bad = kinds.find((kind) => !(EMIT_KINDS as readonly string[]).includes(kind));
  if (bad !== undefined) throw new UsageError(`--emit ${bad}: Unexpected ${JSON.stringify(bad)}, expected ${EMIT_KINDS.join(', ')}`);
  if (!kinds.includes('models')) throw new UsageError('--emit leaves out models: add it (validators and client import the models)');
  return kinds as EmitKind[];
}
