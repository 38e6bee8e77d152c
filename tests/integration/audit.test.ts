import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, type AuditEntry } from '../../shared/contract/index';
import { channelExamples, prepareExamples } from './support/channel-examples';
import {
  auditText,
  codeOf,
  OWNER_USERNAME,
  openTestCore,
  PASSWORD,
  unwrap,
  useTestCores,
  type TestCore,
} from './support/core-fixture';

useTestCores();

async function allEntries(t: TestCore, token: string): Promise<AuditEntry[]> {
  return unwrap(await t.call('audit.log.list', { limit: 500 }, token)).entries;
}

describe('audit entries', () => {
  it('records who, when, channel, entity, before and after for a write', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    t.clock.advance(60_000);
    const at = t.clock.now();
    const user = unwrap(
      await t.call(
        'users.create',
        { username: 'kasir.andi', name: 'Andi', password: PASSWORD, roleId: await t.roleId('cashier') },
        owner.token,
      ),
    );
    t.clock.advance(60_000);
    unwrap(await t.call('users.update', { id: user.id, name: 'Andi Saputra' }, owner.token));

    const [update, create] = (await allEntries(t, owner.token)).filter((e) => e.entityId === user.id);
    expect(create).toMatchObject({
      at,
      userId: owner.userId,
      username: OWNER_USERNAME,
      channel: 'users.create',
      entity: 'user',
      before: null,
      after: { username: 'kasir.andi', name: 'Andi', roleName: 'Kasir' },
    });
    expect(update).toMatchObject({
      at: at + 60_000,
      userId: owner.userId,
      channel: 'users.update',
      entity: 'user',
      before: { name: 'Andi' },
      after: { name: 'Andi Saputra' },
    });
  });

  it('leaves at least one entry naming the channel for every writing channel', async () => {
    const t = await openTestCore();
    const { ctx, signed } = await prepareExamples(t);
    // setup.owner.create is covered by its own first run (the fixture's setup), checked below.
    const first = await allEntries(t, signed.owner.token);
    expect(first.some((e) => e.channel === 'setup.owner.create' && e.entity === 'user')).toBe(true);

    // The prepared till has its shift open (the sale examples need it), so opening one comes after
    // closing it; everything else runs in contract order.
    const tillLast = ['pos.shifts.close', 'pos.shifts.open'] as const;
    const writing = [
      ...CHANNELS.filter(
        (c) =>
          contract[c].writes && c !== 'setup.owner.create' && !(tillLast as readonly string[]).includes(c),
      ),
      ...tillLast,
    ];
    expect(writing.length).toBeGreaterThan(0);
    for (const channel of writing) {
      // Logout would end the owner's session; use a fresh one for it.
      const token =
        channel === 'auth.session.logout' ? (await t.login(OWNER_USERNAME)).token : signed.owner.token;
      const lastSeq = (await allEntries(t, signed.owner.token))[0]!.seq;
      expect(codeOf(await t.raw(channel, channelExamples[channel](ctx), token)), channel).toBe('ok');
      const fresh = (await allEntries(t, signed.owner.token)).filter((e) => e.seq > lastSeq);
      expect(
        fresh.map((e) => e.channel),
        channel,
      ).toContain(channel);
      for (const entry of fresh) expect(entry.at).toBe(t.clock.now());
    }
  });

  it('never stores a password or a password hash, in the audit log or in the log file', async () => {
    const passwords = {
      owner: 'Pemilik-Rahasia-111',
      created: 'Kasir-Rahasia-222',
      wrong: 'Salah-Ketik-333',
      changed: 'Baru-Sekali-444',
      reset: 'Direset-Admin-555',
    };
    const t = await openTestCore();
    const owner = await t.setupOwner({ password: passwords.owner });
    const user = unwrap(
      await t.call(
        'users.create',
        {
          username: 'kasir.budi',
          name: 'Budi',
          password: passwords.created,
          roleId: await t.roleId('cashier'),
        },
        owner.token,
      ),
    );
    expect(
      codeOf(await t.call('auth.session.login', { username: 'kasir.budi', password: passwords.wrong })),
    ).toBe('UNAUTHENTICATED');
    // A password typed into the username field must not end up in the log either… as a password field.
    const budi = await t.login('kasir.budi', passwords.created);
    unwrap(
      await t.call(
        'auth.password.change',
        { currentPassword: passwords.created, newPassword: passwords.changed },
        budi.token,
      ),
    );
    unwrap(await t.call('users.update', { id: user.id, password: passwords.reset }, owner.token));
    // A failed password change (wrong current password) rolls back, but must not leak either.
    expect(
      codeOf(
        await t.call(
          'auth.password.change',
          { currentPassword: passwords.wrong, newPassword: passwords.changed },
          owner.token,
        ),
      ),
    ).toBe('VALIDATION');

    const text = auditText(t.core);
    expect(text.length).toBeGreaterThan(0);
    for (const password of Object.values(passwords)) expect(text).not.toContain(password);
    expect(text).not.toContain('scrypt$');
    const hashes = t.core.deps.store.sqlite
      .prepare('SELECT password_hash FROM users')
      .pluck()
      .all() as string[];
    for (const hash of hashes) expect(text).not.toContain(hash.split('$').at(-1));

    const logFile = join(t.dataDir, 'logs', 'gerai.log');
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    for (const password of Object.values(passwords)) expect(log).not.toContain(password);
    expect(log).not.toContain('scrypt$');
  });
});

describe('audit.log.list', () => {
  /** Owner and manager each write at known times, one minute apart. */
  async function world() {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    const manager = await t.loginAs('manager');
    const marks: number[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.advance(60_000);
      marks.push(t.clock.now());
      unwrap(await t.call('settings.update', { branchPhone: `0251-00${i}` }, owner.token));
      t.clock.advance(60_000);
      unwrap(
        await t.call(
          'auth.password.change',
          { currentPassword: PASSWORD, newPassword: PASSWORD },
          manager.token,
        ),
      );
    }
    return { t, owner, manager, marks };
  }

  it('filters by user', async () => {
    const { t, owner, manager } = await world();
    const byManager = unwrap(await t.call('audit.log.list', { userId: manager.userId }, owner.token)).entries;
    expect(byManager.length).toBeGreaterThanOrEqual(3);
    expect(byManager.every((e) => e.userId === manager.userId)).toBe(true);
    expect(byManager.filter((e) => e.channel === 'auth.password.change')).toHaveLength(3);
  });

  it('filters by entity', async () => {
    const { t, owner } = await world();
    const settings = unwrap(await t.call('audit.log.list', { entity: 'settings' }, owner.token)).entries;
    expect(settings).toHaveLength(3);
    expect(settings.map((e) => (e.after as { branchPhone: string }).branchPhone)).toEqual([
      '0251-002',
      '0251-001',
      '0251-000',
    ]);
    expect(settings[2]!.before).toMatchObject({ branchPhone: '' });
  });

  it('filters by time range, both ends included', async () => {
    const { t, owner, marks } = await world();
    const range = unwrap(
      await t.call('audit.log.list', { from: marks[1]!, to: marks[2]!, entity: 'settings' }, owner.token),
    ).entries;
    expect(range.map((e) => e.at)).toEqual([marks[2], marks[1]]);
    const onlyFrom = unwrap(await t.call('audit.log.list', { from: marks[2]! }, owner.token)).entries;
    expect(onlyFrom.every((e) => e.at >= marks[2]!)).toBe(true);
    expect(onlyFrom.length).toBe(2);
  });

  it('pages newest first with beforeSeq until nextBeforeSeq is null, without gaps or repeats', async () => {
    const { t, owner } = await world();
    const everything = await allEntries(t, owner.token);
    expect(everything.length).toBeGreaterThan(5);
    const seen: AuditEntry[] = [];
    let beforeSeq: number | undefined;
    for (let page = 0; page < 100; page++) {
      const answer = unwrap(await t.call('audit.log.list', { limit: 2, beforeSeq }, owner.token));
      expect(answer.entries.length).toBeLessThanOrEqual(2);
      seen.push(...answer.entries);
      if (answer.nextBeforeSeq === null) break;
      beforeSeq = answer.nextBeforeSeq;
    }
    expect(seen).toEqual(everything);
    expect(seen.map((e) => e.seq)).toEqual([...seen.map((e) => e.seq)].sort((a, b) => b - a));
  });
});

describe('audit.log.verify (hash chain)', () => {
  async function chain() {
    const t = await openTestCore();
    const { signed } = await prepareExamples(t);
    const rows = t.core.deps.store.sqlite.prepare('SELECT id, seq FROM audit_log ORDER BY seq').all() as {
      id: string;
      seq: number;
    }[];
    expect(rows.length).toBeGreaterThan(6);
    return { t, token: signed.owner.token, rows };
  }

  it('reports ok for an untouched chain and counts every entry', async () => {
    const { t, token, rows } = await chain();
    expect(unwrap(await t.call('audit.log.verify', {}, token))).toEqual({
      ok: true,
      checked: rows.length,
      firstBroken: null,
    });
  });

  it('names the exact entry whose content was edited', async () => {
    const { t, token, rows } = await chain();
    const target = rows[Math.floor(rows.length / 2)]!;
    t.core.deps.store.sqlite
      .prepare(
        `UPDATE audit_log SET after_json = json_set(coalesce(after_json, '{}'), '$.name', 'Orang Lain') WHERE id = ?`,
      )
      .run(target.id);
    const verdict = unwrap(await t.call('audit.log.verify', {}, token));
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken).toMatchObject({ id: target.id, seq: target.seq });
  });

  it('names the entry after a gap when a middle entry was deleted', async () => {
    const { t, token, rows } = await chain();
    const sqlite = t.core.deps.store.sqlite;
    // The table refuses deletes; an attacker with the file drops the trigger first.
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(rows[3]!.seq)).toThrow(
      /append-only/,
    );
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(rows[3]!.seq);
    const verdict = unwrap(await t.call('audit.log.verify', {}, token));
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken).toMatchObject({ id: rows[4]!.id, seq: rows[4]!.seq });
  });

  it('notices entries removed from the end', async () => {
    const { t, token, rows } = await chain();
    const sqlite = t.core.deps.store.sqlite;
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.prepare('DELETE FROM audit_log WHERE seq >= ?').run(rows.at(-2)!.seq);
    const verdict = unwrap(await t.call('audit.log.verify', {}, token));
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken).toMatchObject({ id: rows.at(-3)!.id, seq: rows.at(-3)!.seq });
  });

  it('keeps the chain valid across a restart', async () => {
    const { t, token } = await chain();
    await t.reopen();
    unwrap(await t.call('settings.update', { branchAddress: 'Jl. Margonda 1' }, token));
    expect(unwrap(await t.call('audit.log.verify', {}, token)).ok).toBe(true);
  });
});
