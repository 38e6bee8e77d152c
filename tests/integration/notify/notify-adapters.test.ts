import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordSim } from '../../sim/notify/discord-sim';
import { startFonnteSim } from '../../sim/notify/fonnte-sim';
import { startSmtpSim } from '../../sim/notify/smtp-sim';
import { startWaCloudSim } from '../../sim/notify/wa-cloud-sim';
import { unwrap, useTestCores } from '../support/core-fixture';
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

describe('adapters speak each provider’s API', () => {
  it('Fonnte: form-encoded target, message and countryCode with the token as Authorization', async () => {
    const fonnte = track(await startFonnteSim({ token: 'fonnte-device-token' }));
    const n = await notifyTest();
    await n.settings({
      whatsapp: { provider: 'fonnte', fonnteUrl: fonnte.sendUrl, token: 'fonnte-device-token' },
    });
    const customerId = await n.customer({ phone: '0812-3456-7890', name: 'Budi Santoso' });

    expect(
      await n.queue([
        { templateKey: 'invoice.issued', customerId, dedupeKey: 'invoice:1', vars: invoiceVars() },
      ]),
    ).toBe(1);
    await n.runDue();

    expect(fonnte.requests).toHaveLength(1);
    const request = fonnte.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/send');
    expect(request.headers.authorization).toBe('fonnte-device-token');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = Object.fromEntries(new URLSearchParams(request.body));
    expect(form).toEqual({
      target: '6281234567890',
      countryCode: '62',
      message:
        'Halo Budi Santoso, tagihan internet Rumah 10 Mbps periode Februari 2030 sudah terbit.\n' +
        'Nomor: INV/2030-02/000001\nJumlah: Rp 166.500\nJatuh tempo: 10 Februari 2030\nTerima kasih.\nCabang Depok',
    });
    const [entry] = await n.entries();
    expect(entry).toMatchObject({
      state: 'sent',
      adapter: 'fonnte',
      attempts: 1,
      providerId: fonnte.messages[0]!.id,
      recipient: '+6281234567890',
      customerName: 'Budi Santoso',
      templateKey: 'invoice.issued',
      lastError: null,
    });
  });

  it('WhatsApp Cloud API: a template message with the body variables as parameters, Bearer token', async () => {
    const cloud = track(
      await startWaCloudSim({
        token: 'EAAG-cloud-token',
        phoneNumberId: '109876543210',
        templates: [{ name: 'tagihan_terbit', language: 'id', parameters: 7 }],
      }),
    );
    const n = await notifyTest();
    await n.settings({
      whatsapp: {
        provider: 'cloud',
        cloudBaseUrl: cloud.baseUrl,
        cloudPhoneNumberId: '109876543210',
        token: 'EAAG-cloud-token',
      },
    });
    const customerId = await n.customer({ phone: '+62 811 222 333', name: 'Sari' });

    await n.queue([
      {
        templateKey: 'invoice.issued',
        customerId,
        dedupeKey: 'invoice:2',
        vars: invoiceVars('INV/2030-02/000002'),
      },
    ]);
    await n.runDue();

    expect(cloud.requests).toHaveLength(1);
    const request = cloud.requests[0]!;
    expect(request.path).toBe('/v21.0/109876543210/messages');
    expect(request.headers.authorization).toBe('Bearer EAAG-cloud-token');
    expect(JSON.parse(request.body)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '62811222333',
      type: 'template',
      template: {
        name: 'tagihan_terbit',
        language: { code: 'id' },
        components: [
          {
            type: 'body',
            parameters: [
              'Sari',
              'Rumah 10 Mbps',
              'Februari 2030',
              'INV/2030-02/000002',
              'Rp 166.500',
              '10 Februari 2030',
              'Cabang Depok',
            ].map((text) => ({ type: 'text', text })),
          },
        ],
      },
    });
    const [entry] = await n.entries();
    expect(entry).toMatchObject({ state: 'sent', adapter: 'wa-cloud', providerId: cloud.messages[0]!.id });
    expect(entry!.providerId).toMatch(/^wamid\./);
  });

  it('email over SMTP: logs in, and the server receives the rendered subject and text', async () => {
    const smtp = track(await startSmtpSim({ user: 'kasir@isp.example', password: 'smtp-secret-1' }));
    const n = await notifyTest();
    await n.settings({
      email: {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        user: 'kasir@isp.example',
        password: 'smtp-secret-1',
        from: 'tagihan@isp.example',
      },
    });
    const customerId = await n.customer({ email: 'budi@example.com', name: 'Budi Santoso' });

    await n.queue([
      {
        templateKey: 'invoice.issued',
        customerId,
        dedupeKey: 'invoice:3',
        vars: invoiceVars('INV/2030-02/000003'),
      },
    ]);
    await n.runDue();

    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.user).toBe('kasir@isp.example');
    expect(mail.envelopeFrom).toBe('tagihan@isp.example');
    expect(mail.envelopeTo).toEqual(['budi@example.com']);
    expect(mail.subject).toBe('Tagihan INV/2030-02/000003 periode Februari 2030');
    expect(mail.text).toContain('Yth. Budi Santoso');
    expect(mail.text).toContain('Jumlah: Rp 166.500');
    const [entry] = await n.entries();
    expect(entry).toMatchObject({
      state: 'sent',
      adapter: 'smtp',
      channel: 'email',
      recipient: 'budi@example.com',
    });
    expect(entry!.providerId).toBe(mail.headers.get('message-id'));
  });

  it('SMTP with a wrong password fails the message (no retry)', async () => {
    const smtp = track(await startSmtpSim({ user: 'kasir', password: 'right-password' }));
    const n = await notifyTest();
    await n.settings({
      email: {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        user: 'kasir',
        password: 'wrong-password',
        from: 'a@isp.example',
      },
    });
    const customerId = await n.customer({ email: 'budi@example.com' });
    await n.queue([
      {
        templateKey: 'payment.received',
        customerId,
        dedupeKey: 'pay:1',
        vars: { jumlah: 50_000, nomor: 'PAY-1', saldo: 0, tanggal: '2030-01-15', metode: 'Tunai' },
      },
    ]);
    await n.runDue();
    expect(smtp.authFailures).toBe(1);
    expect(smtp.messages).toHaveLength(0);
    const [entry] = await n.entries();
    expect(entry).toMatchObject({ state: 'failed', attempts: 1 });
    expect(entry!.lastError).toMatch(/EAUTH/);
    expect(entry!.lastError).not.toContain('wrong-password');
  });

  it('Discord webhook: admin alerts as JSON content and embed, provider id from ?wait=true', async () => {
    const discord = track(await startDiscordSim());
    const n = await notifyTest();
    await n.settings({ discord: { webhookUrl: discord.webhookUrl } });

    expect(
      await n.alert({
        dedupeKey: 'router-down:1',
        title: 'Router POP-1 tidak terjangkau',
        text: 'Sejak 09.00; 3 tugas menunggu.',
      }),
    ).toBe(1);
    await n.runDue();

    expect(discord.requests).toHaveLength(1);
    const request = discord.requests[0]!;
    expect(request.query.get('wait')).toBe('true');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({
      content: '**Router POP-1 tidak terjangkau**',
      embeds: [
        {
          title: 'Router POP-1 tidak terjangkau',
          description: 'Sejak 09.00; 3 tugas menunggu.',
          color: 0xd97706,
        },
      ],
    });
    const [entry] = await n.entries();
    expect(entry).toMatchObject({
      state: 'sent',
      adapter: 'discord',
      channel: 'discord',
      recipient: 'Discord',
      providerId: discord.posts[0]!.id,
    });
  });

  it('admin alerts also go by email to the admin address when one is set', async () => {
    const smtp = track(await startSmtpSim({ user: 'u', password: 'p' }));
    const discord = track(await startDiscordSim());
    const n = await notifyTest();
    await n.settings({
      discord: { webhookUrl: discord.webhookUrl },
      adminEmail: 'pemilik@isp.example',
      email: {
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        user: 'u',
        password: 'p',
        from: 'gerai@isp.example',
      },
    });
    expect(
      await n.alert({ dedupeKey: 'stock:1', title: 'Stok menipis', text: 'Kabel UTP tinggal 2 roll.' }),
    ).toBe(2);
    await n.runDue();
    expect(discord.posts).toHaveLength(1);
    expect(smtp.messages.map((mail) => [mail.envelopeTo, mail.subject, mail.text])).toEqual([
      [['pemilik@isp.example'], '[Gerai Cabang Depok] Stok menipis', 'Kabel UTP tinggal 2 roll.'],
    ]);
  });

  it('notify.test sends at once and answers the outcome', async () => {
    const fonnte = track(await startFonnteSim({ token: 'tkn-1234' }));
    const n = await notifyTest();
    await n.settings({ whatsapp: { provider: 'fonnte', fonnteUrl: fonnte.sendUrl, token: 'tkn-1234' } });
    const result = unwrap(
      await n.t.call('notify.test', { channel: 'whatsapp', to: '0857 1111 2222' }, n.owner.token),
    );
    expect(result.outcome).toBe('sent');
    expect(result.entry).toMatchObject({ state: 'sent', recipient: '+6285711112222', templateKey: 'test' });
    expect(fonnte.messages.map((m) => m.target)).toEqual(['6285711112222']);

    const refused = await n.t.call('notify.test', { channel: 'whatsapp', to: '12' }, n.owner.token);
    expect(refused.ok ? 'ok' : refused.error.fields).toEqual({ to: 'not an Indonesian phone number' });
  });
});
