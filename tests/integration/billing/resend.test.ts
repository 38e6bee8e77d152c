/**
 * Sending an open invoice's "invoice issued" message again, and the one-off invoice form's answers
 * (field errors named as the form names its fields).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { invoiceTotals } from '../../../shared/domain/invoice-math';
import { cleanupTestCores, codeOf, unwrap, type TestCore } from '../support/core-fixture';
import { billingTest, type BillingTest } from './billing-fixture';

afterAll(cleanupTestCores);

/** A branch whose WhatsApp and email channels are on (messages are queued and held: no gateway). */
async function notifyingBranch(): Promise<BillingTest> {
  const b = await billingTest();
  unwrap(
    await b.t.call(
      'notify.settings.update',
      { whatsapp: { enabled: true }, email: { enabled: true } },
      b.owner.token,
    ),
  );
  return b;
}

type OutboxRow = { dedupe_key: string; channel: string; recipient: string; body: string };

function issuedMessages(b: BillingTest, customerId: string): OutboxRow[] {
  return b.sqlite
    .prepare(
      "SELECT dedupe_key, channel, recipient, body FROM notify_outbox WHERE customer_id = ? AND template_key = 'invoice.issued' ORDER BY created_at, rowid",
    )
    .all(customerId) as OutboxRow[];
}

function resendAudits(t: TestCore, invoiceId: string): { channel: string; after_json: string }[] {
  return t.core.deps.store.sqlite
    .prepare('SELECT channel, after_json FROM audit_log WHERE entity_id = ? AND channel = ? ORDER BY seq')
    .all(invoiceId, 'billing.invoices.resend') as { channel: string; after_json: string }[];
}

const item = (description: string, amount: number) => ({
  description,
  amount,
  taxMode: 'exempt' as const,
  kind: 'other' as const,
});

describe('billing.invoices.resend', () => {
  it('queues the invoice-issued message again under a new dedupe key each time, with the balance left', async () => {
    const b = await notifyingBranch();
    const planId = await b.plan('Rumah 20 Mbps', 200_000, 'exempt');
    const customerId = await b.customer('Bu Sari');
    unwrap(await b.t.call('customers.update', { id: customerId, email: 'sari@example.test' }, b.owner.token));
    await b.subscribe(customerId, planId);
    unwrap(await b.t.call('billing.run', { period: '2030-02' }, b.owner.token));
    const invoice = unwrap(
      await b.t.call('billing.invoices.list', { customerId, period: '2030-02' }, b.owner.token),
    ).invoices[0]!;
    expect(invoice.status).toBe('issued');
    // The run told the customer once, on both channels.
    const first = issuedMessages(b, customerId);
    expect(first.map((m) => m.dedupe_key).sort()).toEqual([
      `invoice.issued:${invoice.id}:email`,
      `invoice.issued:${invoice.id}:whatsapp`,
    ]);

    unwrap(await b.pay({ customerId, amount: 50_000, method: 'cash', invoiceIds: [invoice.id] }));
    const once = unwrap(await b.t.call('billing.invoices.resend', { id: invoice.id }, b.owner.token));
    expect(once).toEqual({ queued: 2 });
    const twice = unwrap(await b.t.call('billing.invoices.resend', { id: invoice.id }, b.owner.token));
    expect(twice).toEqual({ queued: 2 });

    const all = issuedMessages(b, customerId);
    expect(all).toHaveLength(6);
    const keys = all.map((m) => m.dedupe_key);
    expect(new Set(keys).size).toBe(6);
    for (const key of keys) expect(key.startsWith(`invoice.issued:${invoice.id}`)).toBe(true);
    const resent = all.slice(2);
    expect(resent.map((m) => m.channel).sort()).toEqual(['email', 'email', 'whatsapp', 'whatsapp']);
    expect(resent.find((m) => m.channel === 'email')!.recipient).toBe('sari@example.test');
    for (const message of resent) {
      expect(message.body).toContain(invoice.number);
      expect(message.body).toContain('Rumah 20 Mbps');
    }

    const audits = resendAudits(b.t, invoice.id);
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[0]!.after_json)).toMatchObject({ queued: 2, balance: 150_000 });
  });

  it('answers 0 for a customer with neither a WhatsApp number nor an email, and a cashier may resend', async () => {
    const b = await notifyingBranch();
    const customerId = unwrap(
      await b.t.call('customers.create', { name: 'Pak Tanpa Kontak' }, b.owner.token),
    ).id;
    const invoice = unwrap(
      await b.t.call(
        'billing.invoices.create',
        { customerId, items: [item('Pemasangan', 250_000)], draft: false },
        b.owner.token,
      ),
    );
    expect(unwrap(await b.t.call('billing.invoices.resend', { id: invoice.id }, b.owner.token))).toEqual({
      queued: 0,
    });
    expect(issuedMessages(b, customerId)).toEqual([]);
    // Still recorded: someone asked for it, even though nothing could go out.
    expect(resendAudits(b.t, invoice.id)).toHaveLength(1);

    const withPhone = await b.customer('Bu Kasir');
    const oneOff = unwrap(
      await b.t.call(
        'billing.invoices.create',
        { customerId: withPhone, items: [item('Kunjungan teknisi', 75_000)], draft: false },
        b.owner.token,
      ),
    );
    const cashier = await b.t.loginAs('cashier');
    expect(unwrap(await b.t.call('billing.invoices.resend', { id: oneOff.id }, cashier.token))).toEqual({
      queued: 1,
    });
    const technician = await b.t.loginAs('technician');
    expect(codeOf(await b.t.call('billing.invoices.resend', { id: oneOff.id }, technician.token))).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses a draft, a void invoice, a paid one and an unknown id, queuing nothing', async () => {
    const b = await notifyingBranch();
    const customerId = await b.customer('Pak Rudi');
    const create = async (draft: boolean, amount = 100_000) =>
      unwrap(
        await b.t.call(
          'billing.invoices.create',
          { customerId, items: [item('Jasa', amount)], draft },
          b.owner.token,
        ),
      );
    const draft = await create(true);
    const voided = await create(false);
    unwrap(await b.t.call('billing.invoices.void', { id: voided.id, reason: 'salah input' }, b.owner.token));
    const paid = await create(false, 40_000);
    unwrap(await b.pay({ customerId, amount: 40_000, method: 'cash', invoiceIds: [paid.id] }));

    const resend = (id: string) => b.t.call('billing.invoices.resend', { id }, b.owner.token);
    expect(codeOf(await resend(draft.id))).toBe('CONFLICT');
    expect(codeOf(await resend(voided.id))).toBe('CONFLICT');
    expect(codeOf(await resend(paid.id))).toBe('CONFLICT');
    expect(codeOf(await resend('0190a0b0-0000-7000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(issuedMessages(b, customerId)).toEqual([]);

    // Once issued, the draft can be sent again.
    unwrap(await b.t.call('billing.invoices.issue', { ids: [draft.id] }, b.owner.token));
    expect(unwrap(await resend(draft.id)).queued).toBe(1);
  });
});

describe('billing.invoices.create, as the new-invoice form sends it', () => {
  it('names a bad line’s field by its index, and a total of zero on the items', async () => {
    const b = await billingTest();
    const customerId = await b.customer('Bu Nina');
    const bad = await b.t.call(
      'billing.invoices.create',
      { customerId, items: [item('Pemasangan', 100_000), item('  ', 5_000)] },
      b.owner.token,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(Object.keys(bad.error.fields ?? {})).toEqual(['items.1.description']);
    }
    const zero = await b.t.call(
      'billing.invoices.create',
      {
        customerId,
        items: [item('Pemasangan', 100_000), { ...item('Gratis pasang', 100_000), kind: 'discount' }],
      },
      b.owner.token,
    );
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.error.fields).toEqual({ items: 'total must be positive' });
    // Nothing of the refused invoices was kept.
    expect(unwrap(await b.t.call('billing.invoices.list', { customerId }, b.owner.token)).total).toBe(0);
  });

  it('prices lines as the shared invoice math does: PPN per line at the branch rate when PKP', async () => {
    const b = await billingTest();
    unwrap(
      await b.t.call(
        'settings.update',
        { pkp: true, npwp: '012345678901234', ppnRatePercent: 12 },
        b.owner.token,
      ),
    );
    const customerId = await b.customer('Pak Andi');
    const invoice = unwrap(
      await b.t.call(
        'billing.invoices.create',
        {
          customerId,
          items: [
            { description: 'Router', amount: 500_000, taxMode: 'included', kind: 'device' },
            { description: 'Pemasangan', amount: 200_000, taxMode: 'excluded', kind: 'installation' },
            { description: 'Potongan', amount: 50_000, taxMode: 'excluded', kind: 'discount' },
          ],
          draft: false,
        },
        b.owner.token,
      ),
    );
    const settings = unwrap(await b.t.call('settings.get', {}, b.owner.token));
    const expected = invoiceTotals(
      [
        { amount: 500_000, taxMode: 'included' },
        { amount: 200_000, taxMode: 'excluded' },
        { amount: -50_000, taxMode: 'excluded' },
      ],
      { ratePercent: settings.ppnRatePercent, dppNumerator: 11, dppDenominator: 12 },
      true,
    );
    expect(expected.ppn).toBeGreaterThan(0);
    expect(invoice).toMatchObject({
      status: 'issued',
      subtotal: expected.subtotal,
      discount: expected.discount,
      ppn: expected.ppn,
      total: expected.total,
      balance: expected.total,
    });
  });
});

describe('one-off invoice notices', () => {
  it('tells the customer what a one-off invoice is for when it is issued, at once or from a draft', async () => {
    const b = await notifyingBranch();
    const customerId = await b.customer('Pak Darto');
    const oneOff = () =>
      b.sqlite
        .prepare(
          "SELECT dedupe_key, channel, body FROM notify_outbox WHERE customer_id = ? AND template_key = 'invoice.oneoff' ORDER BY rowid",
        )
        .all(customerId) as { dedupe_key: string; channel: string; body: string }[];

    const issued = unwrap(
      await b.t.call(
        'billing.invoices.create',
        { customerId, items: [item('Router WiFi', 350_000), item('Tarik kabel', 100_000)], draft: false },
        b.owner.token,
      ),
    );
    const first = oneOff();
    expect(first.map((m) => m.channel)).toEqual(['whatsapp']);
    expect(first[0]!.body).toContain('Router WiFi, Tarik kabel');
    expect(first[0]!.body).toContain(issued.number);
    expect(issuedMessages(b, customerId)).toHaveLength(0);

    const draft = unwrap(
      await b.t.call(
        'billing.invoices.create',
        { customerId, items: [item('Pindah titik', 75_000)], draft: true },
        b.owner.token,
      ),
    );
    expect(oneOff()).toHaveLength(1);
    unwrap(await b.t.call('billing.invoices.issue', { ids: [draft.id] }, b.owner.token));
    expect(oneOff()).toHaveLength(2);
    expect(oneOff()[1]!.body).toContain('Pindah titik');
  });
});
