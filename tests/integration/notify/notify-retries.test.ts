import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordSim } from '../../sim/notify/discord-sim';
import { startFonnteSim } from '../../sim/notify/fonnte-sim';
import { startSmtpSim } from '../../sim/notify/smtp-sim';
import { startWaCloudSim } from '../../sim/notify/wa-cloud-sim';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { invoiceVars, notifyTest, RETRY_MS, type NotifyTest } from './notify-support';

useTestCores();
const sims: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
});
function track<T extends { close(): Promise<void> }>(sim: T): T {
  sims.push(sim);
  return sim;
}

async function withFonnte(options: Parameters<typeof notifyTest>[0] = {}) {
  const fonnte = track(await startFonnteSim({ token: 'tok-fonnte' }));
  const n = await notifyTest(options);
  await n.settings({ whatsapp: { provider: 'fonnte', fonnteUrl: fonnte.sendUrl, token: 'tok-fonnte' } });
  const customerId = await n.customer({ phone: '081234567890' });
  return { fonnte, n, customerId };
}

async function queueInvoice(n: NotifyTest, customerId: string, key = 'invoice:1') {
  return n.queue([{ templateKey: 'invoice.issued', customerId, dedupeKey: key, vars: invoiceVars() }]);
}

describe('retries', () => {
  it('HTTP 500 is retried with exponential backoff, then sent', async () => {
    const { fonnte, n, customerId } = await withFonnte();
    fonnte.failNext({ kind: 'status', status: 500, body: { error: 'upstream' } }, 2);
    await queueInvoice(n, customerId);
    const start = n.t.clock.now();

    await n.runDue();
    let [row] = n.rows();
    expect(row).toMatchObject({ state: 'pending', attempts: 1, next_attempt_at: start + RETRY_MS });
    expect(row!.last_error).toMatch(/^HTTP 500/);

    // Not due yet: nothing is sent early.
    n.t.clock.advance(RETRY_MS - 1);
    await n.runDue();
    expect(fonnte.requests).toHaveLength(1);

    n.t.clock.advance(1);
    await n.runDue();
    [row] = n.rows();
    // The second failure waits twice as long.
    expect(row).toMatchObject({
      state: 'pending',
      attempts: 2,
      next_attempt_at: n.t.clock.now() + 2 * RETRY_MS,
    });

    n.t.clock.advance(2 * RETRY_MS);
    await n.runDue();
    [row] = n.rows();
    expect(row).toMatchObject({ state: 'sent', attempts: 3, last_error: null, next_attempt_at: null });
    expect(fonnte.requests).toHaveLength(3);
    expect(fonnte.messages).toHaveLength(1);
  });

  it('a dropped connection is retried', async () => {
    const { fonnte, n, customerId } = await withFonnte();
    fonnte.failNext({ kind: 'drop' });
    await queueInvoice(n, customerId);
    await n.runDue();
    expect(n.rows()[0]).toMatchObject({ state: 'pending', attempts: 1 });
    n.t.clock.advance(RETRY_MS);
    await n.runDue();
    expect(n.rows()[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('gives up after maxAttempts retryable failures', async () => {
    const { fonnte, n, customerId } = await withFonnte({ maxAttempts: 3 });
    fonnte.failNext({ kind: 'status', status: 503 }, 10);
    await queueInvoice(n, customerId);
    for (let i = 0; i < 3; i++) {
      await n.runDue();
      n.t.clock.advance(10 * RETRY_MS);
    }
    await n.runDue();
    expect(fonnte.requests).toHaveLength(3);
    expect(n.rows()[0]).toMatchObject({ state: 'failed', attempts: 3, next_attempt_at: null });
  });

  it('Discord 429: the next attempt waits for retry_after, not the backoff', async () => {
    const discord = track(await startDiscordSim());
    const n = await notifyTest();
    await n.settings({ discord: { webhookUrl: discord.webhookUrl } });
    discord.rateLimitNext(7.25);
    await n.alert({ dedupeKey: 'jobs:1', title: 'Tugas router menunggu', text: '4 tugas' });
    const start = n.t.clock.now();
    await n.runDue();
    expect(n.rows()[0]).toMatchObject({ state: 'pending', attempts: 1, next_attempt_at: start + 7_250 });

    n.t.clock.advance(7_249);
    await n.runDue();
    expect(discord.requests).toHaveLength(1);

    n.t.clock.advance(1);
    await n.runDue();
    expect(discord.requests).toHaveLength(2);
    expect(n.rows()[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(discord.posts).toHaveLength(1);
  });

  it('SMTP 451 is retried, 550 fails', async () => {
    const smtp = track(await startSmtpSim({ user: 'u', password: 'p' }));
    const n = await notifyTest();
    await n.settings({
      email: {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        user: 'u',
        password: 'p',
        from: 'a@isp.example',
      },
    });
    const first = await n.customer({ email: 'satu@example.com' });
    const second = await n.customer({ email: 'dua@example.com' });
    smtp.failNext({ kind: 'reply', code: 451, message: 'Temporary local problem' });
    await n.queue([
      {
        templateKey: 'subscription.reactivated',
        customerId: first,
        dedupeKey: 'react:1',
        vars: { paket: 'Rumah 10 Mbps' },
      },
    ]);
    await n.runDue();
    expect(n.rows()[0]).toMatchObject({ state: 'pending', attempts: 1 });
    expect(n.rows()[0]!.last_error).toMatch(/451/);

    smtp.failNext({ kind: 'reply', code: 550, message: 'Mailbox unavailable' });
    await n.queue([
      {
        templateKey: 'subscription.reactivated',
        customerId: second,
        dedupeKey: 'react:2',
        vars: { paket: 'Rumah 10 Mbps' },
      },
    ]);
    await n.runDue();
    const failed = n.rows().find((row) => row.recipient === 'dua@example.com')!;
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.last_error).toMatch(/550/);

    n.t.clock.advance(RETRY_MS);
    await n.runDue();
    expect(smtp.messages.map((mail) => mail.envelopeTo[0])).toEqual(['satu@example.com']);
  });
});

describe('permanent failures', () => {
  it('Fonnte status:false (a wrong token) fails at once with the gateway’s reason', async () => {
    const fonnte = track(await startFonnteSim({ token: 'the-right-token' }));
    const n = await notifyTest();
    await n.settings({ whatsapp: { provider: 'fonnte', fonnteUrl: fonnte.sendUrl, token: 'a-wrong-token' } });
    const customerId = await n.customer({ phone: '081234567890' });
    await queueInvoice(n, customerId);
    await n.runDue();
    const [entry] = await n.entries();
    expect(entry).toMatchObject({
      state: 'failed',
      attempts: 1,
      nextAttemptAt: null,
      lastError: 'gateway refused: invalid token',
    });
    n.t.clock.advance(60 * 60_000);
    await n.runDue();
    expect(fonnte.requests).toHaveLength(1);
  });

  it('WhatsApp Cloud API: a template that is not approved fails (HTTP 404, code 132001)', async () => {
    const cloud = track(await startWaCloudSim({ token: 't', phoneNumberId: '123', templates: [] }));
    const n = await notifyTest();
    await n.settings({
      whatsapp: { provider: 'cloud', cloudBaseUrl: cloud.baseUrl, cloudPhoneNumberId: '123', token: 't' },
    });
    const customerId = await n.customer({ phone: '081234567890' });
    await queueInvoice(n, customerId);
    await n.runDue();
    const [entry] = await n.entries();
    expect(entry!.state).toBe('failed');
    expect(entry!.lastError).toContain('code 132001');
  });

  it('a failed message can be retried by hand, and a sent one cannot', async () => {
    const { fonnte, n, customerId } = await withFonnte();
    fonnte.failNext({ kind: 'status', status: 400, body: { status: false, reason: 'bad request' } });
    await queueInvoice(n, customerId);
    await n.runDue();
    const [failed] = await n.entries();
    expect(failed!.state).toBe('failed');

    const retried = unwrap(await n.t.call('notify.outbox.retry', { id: failed!.id }, n.owner.token));
    expect(retried).toMatchObject({ state: 'pending', held: false });
    await n.runDue();
    const [sent] = await n.entries();
    expect(sent).toMatchObject({ state: 'sent', attempts: 2 });
    expect(codeOf(await n.t.call('notify.outbox.retry', { id: sent!.id }, n.owner.token))).toBe('CONFLICT');
    expect(codeOf(await n.t.call('notify.outbox.cancel', { id: sent!.id }, n.owner.token))).toBe('CONFLICT');
  });

  it('a cancelled message is never sent', async () => {
    const { fonnte, n, customerId } = await withFonnte();
    fonnte.failNext({ kind: 'status', status: 500 });
    await queueInvoice(n, customerId);
    await n.runDue();
    const [waiting] = await n.entries();
    const cancelled = unwrap(await n.t.call('notify.outbox.cancel', { id: waiting!.id }, n.owner.token));
    expect(cancelled.state).toBe('cancelled');
    n.t.clock.advance(10 * RETRY_MS);
    await n.runDue();
    expect(fonnte.requests).toHaveLength(1);
    expect(unwrap(await n.t.call('notify.outbox.list', { state: 'cancelled' }, n.owner.token)).total).toBe(1);
  });
});
