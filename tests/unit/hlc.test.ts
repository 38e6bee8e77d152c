import { describe, expect, it } from 'vitest';
import { manualClock } from '../../electron/core/platform/clock';
import { createHlc, parseHlc } from '../../electron/core/platform/hlc';

describe('hybrid logical clock', () => {
  it('issues strictly increasing timestamps even when the wall clock stands still or goes back', () => {
    const clock = manualClock(1_700_000_000_000);
    const hlc = createHlc(clock, '0123456789abcdef');
    const a = hlc.next();
    const b = hlc.next();
    clock.advance(-5000);
    const c = hlc.next();
    expect(a < b && b < c).toBe(true);
    expect(parseHlc(c).ms).toBe(1_700_000_000_000);
  });

  it('sorts after a received remote timestamp', () => {
    const clock = manualClock(1_700_000_000_000);
    const hlc = createHlc(clock, '0123456789abcdef');
    const remote = createHlc(manualClock(1_700_000_060_000), 'fedcba9876543210').next();
    hlc.receive(remote);
    expect(hlc.next() > remote).toBe(true);
  });

  it('refuses a remote clock more than a day ahead', () => {
    const clock = manualClock(1_700_000_000_000);
    const hlc = createHlc(clock, '0123456789abcdef');
    const farAhead = createHlc(manualClock(1_700_000_000_000 + 2 * 86_400_000), 'fedcba9876543210').next();
    expect(() => hlc.receive(farAhead)).toThrow(/too far ahead/);
  });
});
