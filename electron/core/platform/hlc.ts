import type { Clock } from './clock';

/**
 * Hybrid logical clock (Kulkarni et al.; the shape Actual Budget uses). A timestamp is a string that
 * sorts in causal order: `<ms, 13 digits>-<counter, 4 hex>-<node, 16 hex>`. Used for last-writer-wins
 * merges of master data, so a device that was offline for days cannot overwrite newer edits.
 */
export type Hlc = {
  /** A new timestamp for a local event. */
  next(): string;
  /** Folds in a remote timestamp so the next local one sorts after it. */
  receive(remote: string): void;
  /** The latest timestamp issued or received. */
  last(): string;
};

const MAX_COUNTER = 0xffff;
/** A remote clock further ahead than this is refused rather than dragging ours along. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export type HlcParts = { ms: number; counter: number; node: string };

export function formatHlc({ ms, counter, node }: HlcParts): string {
  return `${String(ms).padStart(13, '0')}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(value: string): HlcParts {
  const match = /^(\d{13})-([0-9a-f]{4})-([0-9a-f]{16})$/.exec(value);
  if (!match) throw new Error(`not an HLC timestamp: ${value}`);
  return { ms: Number(match[1]), counter: parseInt(match[2]!, 16), node: match[3]! };
}

export function createHlc(clock: Clock, node: string, initial?: string): Hlc {
  if (!/^[0-9a-f]{16}$/.test(node)) throw new Error('HLC node must be 16 hex characters');
  let state: HlcParts = initial ? { ...parseHlc(initial), node } : { ms: 0, counter: 0, node };

  function advance(ms: number, counter: number): string {
    if (counter > MAX_COUNTER) throw new Error('HLC counter overflow');
    state = { ms, counter, node };
    return formatHlc(state);
  }

  return {
    next() {
      const wall = clock.now();
      if (wall > state.ms) return advance(wall, 0);
      return advance(state.ms, state.counter + 1);
    },
    receive(remote) {
      const r = parseHlc(remote);
      const wall = clock.now();
      if (r.ms - wall > MAX_DRIFT_MS) throw new Error('remote clock is too far ahead');
      const ms = Math.max(wall, state.ms, r.ms);
      let counter = 0;
      if (ms === state.ms && ms === r.ms) counter = Math.max(state.counter, r.counter) + 1;
      else if (ms === state.ms) counter = state.counter + 1;
      else if (ms === r.ms) counter = r.counter + 1;
      advance(ms, counter);
    },
    last: () => formatHlc(state),
  };
}
