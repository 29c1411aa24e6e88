/**
 * Progress on stderr for runs that take over a second: a redrawn bar on a
 * terminal, plain lines (every quarter of a long phase) when stderr is not a
 * terminal or under CI, nothing with --quiet. Phases: pages parsed, then files
 * emitted.
 */
import type { Phase } from '../pipeline/generate.js';

export interface Progress {
  update(phase: Phase, done: number, total: number): void;
  /** Clears the bar; call before printing the run's summary. */
  end(): void;
}

export interface ProgressOptions {
  quiet?: boolean | undefined;
  stream?: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean; columns?: number };
  env?: NodeJS.ProcessEnv;
  /** Nothing is shown before the run is this old (ms). */
  delay?: number;
}

const LABEL: Record<Phase, string> = { parse: 'pages parsed', emit: 'files emitted' };
const REDRAW_MS = 100;
/** Plain lines only for phases at least this long (a handful of files is not worth four lines). */
const PLAIN_MIN_TOTAL = 100;

export function createProgress(options: ProgressOptions = {}): Progress {
  if (options.quiet) return { update: () => {}, end: () => {} };
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const bar = stream.isTTY === true && !env['CI'];
  const started = performance.now();
  const delay = options.delay ?? 1000;
  let drawn = false;
  let lastDraw = 0;
  const quarters = new Map<Phase, number>();
  return {
    update(phase, done, total) {
      const now = performance.now();
      if (total === 0 || now - started < delay) return;
      if (bar) {
        if (now - lastDraw < REDRAW_MS && done < total) return;
        lastDraw = now;
        const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 45));
        const filled = Math.round((done / total) * width);
        stream.write(`\r\u001b[2K${'#'.repeat(filled)}${'-'.repeat(width - filled)} ${done}/${total} ${LABEL[phase]}`);
        drawn = true;
        return;
      }
      if (total < PLAIN_MIN_TOTAL) return;
      const quarter = Math.floor((done / total) * 4);
      if (quarter > (quarters.get(phase) ?? 0)) {
        quarters.set(phase, quarter);
        stream.write(`docs2ts: ${done}/${total} ${LABEL[phase]}\n`);
      }
    },
    end() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
