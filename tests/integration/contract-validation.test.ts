import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../shared/contract/index';
import { channelExamples, prepareExamples, type ExampleContext } from './support/channel-examples';
import { cleanupTestCores, openTestCore, snapshotTables, type TestCore } from './support/core-fixture';

const RUNS_PER_CHANNEL = 50;

let t: TestCore;
let ctx: ExampleContext;
let ownerToken: string;

beforeAll(async () => {
  t = await openTestCore();
  const prepared = await prepareExamples(t);
  ctx = prepared.ctx;
  ownerToken = prepared.signed.owner.token;
});

afterAll(cleanupTestCores);

/** Values of every shape JavaScript has, not only what JSON can carry (Electron IPC passes more). */
const anyValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withObjectString: true,
  maxDepth: 3,
});

/** Values that are wrong for a field of nearly any type. */
const wrongValue = fc.oneof(
  anyValue,
  fc.string({ minLength: 201, maxLength: 3000 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'x'.repeat(10_000),
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
  ),
);

/** Inputs built around a channel's valid example: every way of getting one field, or the whole thing, wrong. */
function malformedInputs(channel: Channel): fc.Arbitrary<unknown> {
  const example = channelExamples[channel](ctx) as Record<string, unknown>;
  const keys = Object.keys(example);
  const candidates: fc.Arbitrary<unknown>[] = [
    anyValue,
    fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { minKeys: 1, maxKeys: 5 }),
    // The valid example plus one key the schema does not know.
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 12 }), anyValue)
      .map(([key, value]) => ({ ...example, [key]: value })),
    // The example as an array, a string, a number: the right content in the wrong container.
    fc.constant([example]),
    fc.constant(JSON.stringify(example)),
  ];
  if (keys.length > 0) {
    // One field replaced with a value of the wrong type or size.
    candidates.push(
      fc.tuple(fc.constantFrom(...keys), wrongValue).map(([key, value]) => ({ ...example, [key]: value })),
    );
  }
  const spec = contract[channel];
  // The dispatcher reads a missing input (undefined/null) as `{}`, so those are judged as `{}`.
  return fc.oneof(...candidates).filter((input) => !spec.input.safeParse(input ?? {}).success);
}

describe('malformed input is refused with VALIDATION and changes nothing', () => {
  it.each(CHANNELS)('%s', async (channel) => {
    const before = snapshotTables(t.core);
    await fc.assert(
      fc.asyncProperty(malformedInputs(channel), async (input) => {
        const result = await t.raw(channel, input, ownerToken);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('VALIDATION');
        expect(Object.keys(result.error.fields ?? {}).length).toBeGreaterThan(0);
        expect(snapshotTables(t.core)).toEqual(before);
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
  });

  it('reads a missing input as an empty object: fine where nothing is required, VALIDATION where it is', async () => {
    expect((await t.raw('system.info', undefined, ownerToken)).ok).toBe(true);
    expect((await t.raw('system.info', null, ownerToken)).ok).toBe(true);
    const result = await t.raw('users.create', null, ownerToken);
    expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION');
  });

  it('names the offending field', async () => {
    const result = await t.raw(
      'users.create',
      { ...channelExamples['users.create'](ctx), password: 'short' },
      ownerToken,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { password: expect.any(String) } },
    });
  });
});
