import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../shared/contract/index';
import {
  DEFAULT_ROLE_KEYS,
  DEFAULT_ROLE_PERMISSIONS,
  type Access,
  type DefaultRoleKey,
} from '../../shared/domain/permissions';
import {
  channelExamples,
  passAnswer,
  prepareExamples,
  type ExampleContext,
} from './support/channel-examples';
import {
  cleanupTestCores,
  codeOf,
  copyDataDir,
  openTestCore,
  snapshotTables,
  unwrap,
  type Signed,
} from './support/core-fixture';
import { manualClock } from '../../electron/core/platform/clock';

type Caller = DefaultRoleKey | 'anonymous';
type Expected = 'pass' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/** What the access rule promises a caller, computed from the contract and the default role table only. */
function expectedFor(access: Access, caller: Caller): Expected {
  if (access === 'public') return 'pass';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (access === 'authenticated') return 'pass';
  return DEFAULT_ROLE_PERMISSIONS[caller].includes(access) ? 'pass' : 'FORBIDDEN';
}

let template: string;
let templateNow: number;
let ctx: ExampleContext;
let signed: Record<DefaultRoleKey, Signed>;

beforeAll(async () => {
  // Built once, then copied per channel: scrypt makes a fresh setup cost about half a second.
  const t = await openTestCore();
  ({ ctx, signed } = await prepareExamples(t));
  template = t.dataDir;
  templateNow = t.clock.now();
  await t.close();
});

afterAll(cleanupTestCores);

describe('contract × roles: every channel answers what its access rule says', () => {
  it.each(CHANNELS)('%s', async (channel) => {
    const spec = contract[channel];
    expect(
      spec.input.safeParse(channelExamples[channel](ctx)).success,
      'the example must be valid input',
    ).toBe(true);

    const t = await openTestCore({ dataDir: copyDataDir(template), clock: manualClock(templateNow) });
    const callers: Caller[] = ['anonymous', ...DEFAULT_ROLE_KEYS];
    const seen: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    let passed = 0;
    for (const caller of callers) {
      const token = caller === 'anonymous' ? null : signed[caller].token;
      const expected = expectedFor(spec.access, caller);
      const before = expected === 'pass' ? null : snapshotTables(t.core);
      // A fresh example per caller: new client ids, names and codes where the example makes them.
      const result = await t.raw(channel, channelExamples[channel](ctx), token);
      seen[caller] = codeOf(result);
      wanted[caller] = expected === 'pass' ? passAnswer(channel, passed++) : expected;
      // A refused call must not have changed anything (no row, no audit entry, no outbox entry).
      if (before)
        expect(snapshotTables(t.core), `${caller} was refused but the database changed`).toEqual(before);
    }
    expect(seen).toEqual(wanted);
  });
});

describe('the gate itself', () => {
  it('ignores a stale token on a public channel but refuses it on every other one', async () => {
    const t = await openTestCore({ dataDir: copyDataDir(template), clock: manualClock(templateNow) });
    const stale = 'not-a-token-anyone-was-given';
    expect(codeOf(await t.call('setup.status', {}, stale))).toBe('ok');
    expect(
      codeOf(
        await t.call('auth.session.login', { username: ctx.ownerUsername, password: ctx.password }, stale),
      ),
    ).toBe('ok');
    for (const channel of CHANNELS.filter((c) => contract[c].access !== 'public')) {
      expect(codeOf(await t.raw(channel, channelExamples[channel](ctx), stale)), channel).toBe(
        'UNAUTHENTICATED',
      );
    }
  });

  it('applies a role change to sessions that are already signed in, on their next call', async () => {
    const t = await openTestCore({ dataDir: copyDataDir(template), clock: manualClock(templateNow) });
    const managerRoleId = (await t.call('roles.list', {}, signed.owner.token).then(unwrap)).find(
      (r) => r.key === 'manager',
    )!.id;
    const manager = signed.manager.token;
    expect(codeOf(await t.call('backup.list', {}, manager))).toBe('FORBIDDEN');

    unwrap(
      await t.call(
        'roles.update',
        { id: managerRoleId, permissions: [...DEFAULT_ROLE_PERMISSIONS.manager, 'backup.manage'] },
        signed.owner.token,
      ),
    );
    expect(codeOf(await t.call('backup.list', {}, manager))).toBe('ok');

    unwrap(
      await t.call(
        'roles.update',
        { id: managerRoleId, permissions: ['dashboard.view'] },
        signed.owner.token,
      ),
    );
    expect(codeOf(await t.call('backup.list', {}, manager))).toBe('FORBIDDEN');
    expect(codeOf(await t.call('audit.log.list', {}, manager))).toBe('FORBIDDEN');
  });

  it('lets a custom role do exactly what its permissions name', async () => {
    const t = await openTestCore({ dataDir: copyDataDir(template), clock: manualClock(templateNow) });
    const auditor = unwrap(
      await t.call('roles.create', { name: 'Auditor', permissions: ['audit.view'] }, signed.owner.token),
    );
    unwrap(
      await t.call(
        'users.create',
        { username: 'auditor1', name: 'Pak Audit', password: ctx.password, roleId: auditor.id },
        signed.owner.token,
      ),
    );
    const { token } = await t.login('auditor1', ctx.password);
    expect(codeOf(await t.call('audit.log.verify', {}, token))).toBe('ok');
    expect(codeOf(await t.call('users.list', {}, token))).toBe('FORBIDDEN');
    expect(codeOf(await t.call('settings.update', { branchPhone: '1' }, token))).toBe('FORBIDDEN');
  });
});
