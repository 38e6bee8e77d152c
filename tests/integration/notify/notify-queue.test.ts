import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordSim } from '../../sim/notify/discord-sim';
import { startFonnteSim } from '../../sim/notify/fonnte-sim';
import { startSmtpSim } from '../../sim/notify/smtp-sim';
import { auditText, codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { invoiceVars, notifyTest } from './notify-support';

useTestCores();
const sims: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
});
function track<T extends { close(): Promise<void> }>(sim: T): T {
  sims.push(sim);
  return sim;
}

describe('queueing', () => {
  it('one message per channel the customer has; the same dedupe key twice queues nothing more', async () => {
    const n = await notifyTest();
    const both = await n.customer({ phone: '081234567890', email: 'budi@example.com' });
    const phoneOnly = await n.customer({ phone: '081298765432' });
    const neither = await n.customer({});
    const messages = [both, phoneOnly, neither].map((customerId) => ({
      templateKey: 'invoice.issued' as const,
      customerId,
      dedupeKey: `invoice:${customerId}`,
      vars: invoiceVars(),
    }));

    expect(await n.queue(messages)).toBe(3);
    expect(await n.queue(messages)).toBe(0);
    expect(await n.queue([messages[0]!])).toBe(0);
    expect(
      n
        .rows()
        .map((row) => row.dedupe_key)
        .sort(),
    ).toEqual([`invoice:${both}:email`, `invoice:${both}:whatsapp`, `invoice:${phoneOnly}:whatsapp`].sort());
  });

  it('a disabled template or channel queues nothing for it', async () => {
    const n = await notifyTest();
    const customerId = await n.customer({ phone: '081234567890', email: 'budi@example.com' });
    unwrap(
      await n.t.call(
        'notify.templates.update',
        { key: 'invoice.issued', channel: 'email', enabled: false },
        n.owner.token,
      ),
    );
    await n.settings({ whatsapp: { enabled: false } });
    expect(
      await n.queue([{ templateKey: 'invoice.issued', customerId, dedupeKey: 'i:1', vars: invoiceVars() }]),
    ).toBe(0);
    expect(
      await n.queue([
        { templateKey: 'invoice.reminder.due', customerId, dedupeKey: 'r:1', vars: invoiceVars() },
      ]),
    ).toBe(1);
    expect(n.rows().map((row) => [row.template_key, row.channel])).toEqual([
      ['invoice.reminder.due', 'email'],
    ]);
  });

  it('queues thousands of messages in one transaction', async () => {
    const n = await notifyTest();
    const customers: string[] = [];
    for (let i = 0; i < 20; i++)
      customers.push(await n.customer({ phone: `08123456${String(7000 + i)}`, email: `c${i}@example.com` }));
    const messages = Array.from({ length: 5_000 }, (_, i) => ({
      templateKey: 'invoice.issued' as const,
      customerId: customers[i % customers.length]!,
      dedupeKey: `invoice:${i}`,
      vars: invoiceVars(`INV/${i}`),
    }));
    expect(await n.queue(messages)).toBe(10_000);
  });
});

describe('held messages', () => {
  it('without a gateway a message is held in the log, and saving the settings sends it', async () => {
    const fonnte = track(await startFonnteSim({ token: 'tok-1' }));
    const n = await notifyTest();
    const customerId = await n.customer({ phone: '081234567890' });
    expect(
      await n.queue([
        {
          templateKey: 'subscription.isolated',
          customerId,
          dedupeKey: 'isolir:1',
          vars: { paket: 'Rumah 10 Mbps', saldo: 166_500 },
        },
      ]),
    ).toBe(1);
    await n.runDue();

    const list = unwrap(await n.t.call('notify.outbox.list', {}, n.owner.token));
    expect(list.counts).toMatchObject({ pending: 1, held: 1, sent: 0 });
    expect(list.entries[0]).toMatchObject({
      state: 'pending',
      held: true,
      attempts: 0,
      nextAttemptAt: null,
      lastError: 'WhatsApp gateway not set up',
      adapter: 'none',
    });
    expect(list.entries[0]!.body).toContain('diisolir');
    // Retrying it by hand keeps it held: there is still nowhere to send it.
    expect(
      unwrap(await n.t.call('notify.outbox.retry', { id: list.entries[0]!.id }, n.owner.token)).held,
    ).toBe(true);
    await n.runDue();
    expect(fonnte.requests).toHaveLength(0);

    await n.settings({ whatsapp: { provider: 'fonnte', fonnteUrl: fonnte.sendUrl, token: 'tok-1' } });
    await n.runDue();
    expect(fonnte.messages).toHaveLength(1);
    expect(fonnte.messages[0]!.message).toContain('Rp 166.500');
    expect((await n.entries())[0]).toMatchObject({
      state: 'sent',
      held: false,
      adapter: 'fonnte',
      attempts: 1,
    });
  });

  it('a gateway removed after queueing holds the message at its attempt', async () => {
    const n = await notifyTest();
    await n.settings({
      whatsapp: { provider: 'fonnte', fonnteUrl: 'http://127.0.0.1:1/send', token: 'x-token' },
    });
    const customerId = await n.customer({ phone: '081234567890' });
    // Queued while the gateway is set up, then its token is removed before the sender runs.
    n.t.core.deps.notify.sender.stop();
    await n.queue([{ templateKey: 'invoice.issued', customerId, dedupeKey: 'i:1', vars: invoiceVars() }]);
    await n.settings({ whatsapp: { token: '' } });
    const [entry] = await n.entries();
    expect(entry).toMatchObject({ held: false, state: 'pending' });
    await n.t.reopen();
    await n.runDue();
    expect((await n.entries())[0]).toMatchObject({
      held: true,
      attempts: 0,
      lastError: 'WhatsApp gateway not set up',
    });
  });
});

describe('restart', () => {
  it('a message left `sending` by a crash goes back to pending at start and is sent', async () => {
    const fonnte = track(await startFonnteSim({ token: 'tok-2' }));
    const n = await notifyTest();
    await n.settings({ whatsapp: { provider: 'fonnte', fonnteUrl: fonnte.sendUrl, token: 'tok-2' } });
    const customerId = await n.customer({ phone: '081234567890' });
    n.t.core.deps.notify.sender.stop();
    await n.queue([{ templateKey: 'invoice.issued', customerId, dedupeKey: 'i:1', vars: invoiceVars() }]);
    // What a crash mid-attempt leaves behind.
    n.t.core.deps.store.sqlite.prepare("UPDATE notify_outbox SET state = 'sending'").run();
    expect(fonnte.requests).toHaveLength(0);

    await n.t.reopen();
    expect(n.rows()[0]!.state).not.toBe('sending');
    await n.runDue();
    expect(n.rows()[0]).toMatchObject({ state: 'sent', attempts: 1 });
    expect(fonnte.messages).toHaveLength(1);
  });

  it('a retry planned before a restart is kept after it', async () => {
    const fonnte = track(await startFonnteSim({ token: 'tok-3' }));
    const n = await notifyTest();
    await n.settings({ whatsapp: { provider: 'fonnte', fonnteUrl: fonnte.sendUrl, token: 'tok-3' } });
    const customerId = await n.customer({ phone: '081234567890' });
    fonnte.failNext({ kind: 'status', status: 502 });
    await n.queue([{ templateKey: 'invoice.issued', customerId, dedupeKey: 'i:1', vars: invoiceVars() }]);
    await n.runDue();
    const planned = n.rows()[0]!.next_attempt_at;
    await n.t.reopen();
    expect(n.rows()[0]).toMatchObject({ state: 'pending', attempts: 1, next_attempt_at: planned });
    n.t.clock.set(planned!);
    await n.runDue();
    expect(n.rows()[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });
});

describe('templates', () => {
  it('lists the Bahasa Indonesia defaults for every key and channel, with variables and a preview', async () => {
    const n = await notifyTest();
    const templates = unwrap(await n.t.call('notify.templates.list', {}, n.owner.token));
    expect(templates).toHaveLength(16);
    const issued = templates.find((t) => t.key === 'invoice.issued' && t.channel === 'whatsapp')!;
    expect(issued).toMatchObject({
      customized: false,
      enabled: true,
      waTemplate: 'tagihan_terbit',
      waLanguage: 'id',
    });
    expect(issued.variables).toEqual(
      expect.arrayContaining(['nama', 'nomor', 'periode', 'jumlah', 'jatuh_tempo', 'paket', 'saldo']),
    );
    expect(issued.preview.body).toContain('Budi Santoso');
    expect(issued.preview.body).not.toMatch(/\{[a-z_]+\}/);
  });

  it('an edited template is used for new messages; unknown variables are refused; reset brings the default back', async () => {
    const n = await notifyTest();
    const customerId = await n.customer({ phone: '081234567890', name: 'Wati' });
    const refused = await n.t.call(
      'notify.templates.update',
      { key: 'invoice.issued', channel: 'whatsapp', body: 'Halo {nama}, bayar {total} ya {bulan}' },
      n.owner.token,
    );
    expect(codeOf(refused)).toBe('VALIDATION');
    expect(refused.ok ? null : refused.error.fields).toEqual({ body: 'unknown variable {total}, {bulan}' });

    const edited = unwrap(
      await n.t.call(
        'notify.templates.update',
        { key: 'invoice.issued', channel: 'whatsapp', body: 'Tagihan {nomor} untuk {nama}: {jumlah}' },
        n.owner.token,
      ),
    );
    expect(edited).toMatchObject({ customized: true, body: 'Tagihan {nomor} untuk {nama}: {jumlah}' });
    await n.queue([
      { templateKey: 'invoice.issued', customerId, dedupeKey: 'i:1', vars: invoiceVars('INV-9') },
    ]);
    expect(n.rows()[0]!.body).toBe('Tagihan INV-9 untuk Wati: Rp 166.500');
    expect(JSON.parse(n.rows()[0]!.payload)).toEqual({
      wa: { template: 'tagihan_terbit', language: 'id', parameters: ['INV-9', 'Wati', 'Rp 166.500'] },
    });

    const reset = unwrap(
      await n.t.call('notify.templates.reset', { key: 'invoice.issued', channel: 'whatsapp' }, n.owner.token),
    );
    expect(reset.customized).toBe(false);
    await n.queue([
      { templateKey: 'invoice.issued', customerId, dedupeKey: 'i:2', vars: invoiceVars('INV-10') },
    ]);
    expect(n.rows()[1]!.body).toMatch(/^Halo Wati, tagihan internet/);
  });
});

describe('secrets', () => {
  it('tokens, passwords and the webhook URL never appear in outputs, the audit log, the log file or the database in the clear', async () => {
    const fonnte = track(await startFonnteSim({ token: 'FONNTE-SECRET-TOKEN-42' }));
    const discord = track(await startDiscordSim());
    const smtp = track(await startSmtpSim({ user: 'kasir', password: 'SMTP-SECRET-PASSWORD-42' }));
    const n = await notifyTest();
    const saved = unwrap(
      await n.t.call(
        'notify.settings.update',
        {
          whatsapp: { provider: 'fonnte', fonnteUrl: fonnte.sendUrl, token: 'FONNTE-SECRET-TOKEN-42' },
          email: {
            host: '127.0.0.1',
            port: smtp.port,
            security: 'none',
            user: 'kasir',
            password: 'SMTP-SECRET-PASSWORD-42',
            from: 'a@isp.example',
          },
          discord: { webhookUrl: discord.webhookUrl },
        },
        n.owner.token,
      ),
    );
    expect(saved).toMatchObject({
      whatsapp: { tokenSet: true },
      email: { passwordSet: true },
      discord: { webhookSet: true },
      ready: { whatsapp: true, email: true, discord: true },
    });
    const customerId = await n.customer({ phone: '081234567890', email: 'b@example.com' });
    fonnte.failNext({ kind: 'drop' });
    await n.queue([{ templateKey: 'invoice.issued', customerId, dedupeKey: 'i:1', vars: invoiceVars() }]);
    await n.alert({ dedupeKey: 'a:1', title: 'Tes', text: 'Tes' });
    await n.runDue();
    unwrap(await n.t.call('notify.test', { channel: 'discord' }, n.owner.token));
    expect(discord.posts).toHaveLength(2);

    const webhookToken = new URL(discord.webhookUrl).pathname.split('/').pop()!;
    const outputs = JSON.stringify([
      unwrap(await n.t.call('notify.settings.get', {}, n.owner.token)),
      unwrap(await n.t.call('notify.outbox.list', {}, n.owner.token)),
    ]);
    const logDir = join(n.t.dataDir, 'logs');
    const logs = readdirSync(logDir)
      .map((file) => readFileSync(join(logDir, file), 'utf8'))
      .join('\n');
    const database = ['gerai.db', 'gerai.db-wal']
      .map((file) => join(n.t.dataDir, file))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file).toString('latin1'))
      .join('');
    for (const secret of ['FONNTE-SECRET-TOKEN-42', 'SMTP-SECRET-PASSWORD-42', webhookToken]) {
      expect(outputs).not.toContain(secret);
      expect(auditText(n.t.core)).not.toContain(secret);
      expect(logs).not.toContain(secret);
      expect(database).not.toContain(secret);
    }
    // Removing a secret is reported too.
    expect(
      unwrap(await n.t.call('notify.settings.update', { discord: { webhookUrl: '' } }, n.owner.token)).discord
        .webhookSet,
    ).toBe(false);
  });

  it('only holders of settings.manage see or change gateway settings', async () => {
    const n = await notifyTest();
    const cashier = await n.t.loginAs('cashier');
    expect(codeOf(await n.t.call('notify.settings.get', {}, cashier.token))).toBe('FORBIDDEN');
    expect(
      codeOf(await n.t.call('notify.settings.update', { whatsapp: { token: 'x' } }, cashier.token)),
    ).toBe('FORBIDDEN');
  });
});
