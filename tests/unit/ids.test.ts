import { describe, expect, it } from 'vitest';
import { randomCode, randomToken, uuidv7 } from '../../electron/core/platform/ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function timestampOf(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

describe('uuidv7', () => {
  it('makes RFC 9562 version-7 ids carrying the given millisecond', () => {
    const at = Date.UTC(2031, 4, 6, 7, 8, 9, 123);
    const id = uuidv7(at);
    expect(id).toMatch(UUID_V7);
    expect(timestampOf(id)).toBe(at);
  });

  it('makes unique ids that sort in creation order, within one millisecond too', () => {
    const at = Date.UTC(2032, 0, 1);
    const ids = Array.from({ length: 10_000 }, (_, i) => uuidv7(at + Math.floor(i / 1000)));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });

  it('never sorts before an earlier id when the clock steps back', () => {
    const first = uuidv7(Date.UTC(2033, 0, 1, 0, 0, 1));
    const afterStepBack = uuidv7(Date.UTC(2033, 0, 1, 0, 0, 0));
    expect(afterStepBack > first).toBe(true);
    expect(afterStepBack).toMatch(UUID_V7);
  });

  it('uses the real clock by default', () => {
    const before = Date.now();
    const id = uuidv7();
    // Earlier tests may have pushed the module's last timestamp into the future; never behind now.
    expect(timestampOf(id)).toBeGreaterThanOrEqual(before);
  });
});

describe('random tokens and codes', () => {
  it('makes URL-safe tokens of 32 random bytes', () => {
    const tokens = Array.from({ length: 200 }, () => randomToken());
    expect(new Set(tokens).size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('makes codes without look-alike characters', () => {
    const codes = Array.from({ length: 500 }, () => randomCode(6)).join('');
    expect(codes).toMatch(/^[A-HJ-NP-Z2-9]+$/);
    expect(codes).toHaveLength(3000);
  });
});
