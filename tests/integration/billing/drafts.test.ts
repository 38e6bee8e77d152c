/**
 * Draft invoices: the run makes drafts in draft mode (still one per subscription per period), issuing
 * sets the dates and tells the customer, lines are edited on drafts only, and a draft is owed by
 * nobody: not payable, not credited, not aged, not reminded, not fined, not isolated.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runBilling } from '../../../electron/core/billing/invoice-run';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { countRows } from '../support/shop';
import { openIsp } from '../scheduler/isp-fixture';
import { billingTest, pdfText, type BillingTest } from './billing-fixture';

afterAll(cleanupTestCores);

/** A branch in draft mode whose WhatsApp channel is on (messages are queued, held: no gateway). */
async function draftBranch(): Promise<BillingTest> {
  const b = await billingTest();
  unwrap(await b.t.call('notify.settings.update', { whatsapp: { enabled: true } }, b.owner.token));
  unwrap(await b.t.call('billing.settings.update', { issueMode: 'draft' }, b.owner.token));
  return b;
}

function issuedNotices(b: BillingTest, customerId: string) {
  return b.sqlite
    .prepare(
      "SELECT dedupe_key, body FROM notify_outbox WHERE customer_id = ? AND template_key = 'invoice.issued' ORDER BY created_at",
    )
    .all(customerId) as { dedupe_key: string; body: string }[];
}

async function invoiceOf(b: BillingTest, subscriptionId: string, period: string) {
  const list = unwrap(await b.t.call('billing.invoices.list', { subscriptionId, period }, b.owner.token));
  expect(list.invoices).toHaveLength(1);
  return list.invoices[0]!;
}

describe('draft mode', () => {
  it('makes one draft per subscription per period however often billing runs, and tells nobody', async () => {
    const b = await draftBranch();
    expect(unwrap(await b.t.call('billing.settings.get', {}, b.owner.token)).issueMode).toBe('draft');
    const planId = await b.plan('Rumah 10 Mbps', 150_000);
    const customerId = await b.customer('Pak Budi');
    const subId = await b.subscribe(customerId, planId);

    expect(unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token))).toEqual({
      created: 1,
      skipped: 0,
      totalAmount: 82_258,
    });
    expect(unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token))).toEqual({
      created: 0,
      skipped: 1,
      totalAmount: 0,
    });
    // The scheduler's run over the same days finds January's draft and makes only February's, once.
    expect((await b.inContext((ctx) => runBilling(ctx, '2030-02-01'))).created).toBe(1);
    expect((await b.inContext((ctx) => runBilling(ctx, '2030-02-01'))).created).toBe(0);
    expect(unwrap(await b.t.call('billing.run', { period: '2030-02' }, b.owner.token)).created).toBe(0);
    expect(countRows(b.sqlite, 'invoices', 'subscription_id = ?', subId)).toBe(2);

    const january = await invoiceOf(b, subId, '2030-01');
    expect(january).toMatchObject({
      status: 'draft',
      overdue: false,
      total: 82_258,
      balance: 0,
      issueDate: '2030-01-15',
      dueDate: '2030-01-25',
    });
    const drafts = unwrap(await b.t.call('billing.invoices.list', { status: 'draft' }, b.owner.token));
    expect(drafts.total).toBe(2);
    expect(drafts.sums).toEqual({ total: 232_258, balance: 0 });
    expect(unwrap(await b.t.call('billing.invoices.list', { status: 'issued' }, b.owner.token)).total).toBe(
      0,
    );
    expect(issuedNotices(b, customerId)).toEqual([]);
  });

  it('issues a draft on the day it is issued, due after due_days, number kept, the customer told then', async () => {
    const b = await draftBranch();
    const planId = await b.plan('Rumah 10 Mbps', 150_000);
    const customerId = await b.customer('Bu Sari');
    const subId = await b.subscribe(customerId, planId);
    unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token));
    const draft = await invoiceOf(b, subId, '2030-01');
    const pdfOf = async (id: string) =>
      pdfText(
        Buffer.from(
          unwrap(await b.t.call('billing.invoices.pdf', { id }, b.owner.token)).pdfBase64,
          'base64',
        ),
      );
    const draftPdf = await pdfOf(draft.id);
    expect(draftPdf).toContain('DRAF TAGIHAN (BELUM DITERBITKAN)');
    expect(draftPdf).toContain('Rencana terbit: 15 Januari 2030');
    expect(draftPdf).not.toContain('SISA TAGIHAN');

    await b.advanceDays(3); // 18 January
    expect(unwrap(await b.t.call('billing.invoices.issue', { ids: [draft.id] }, b.owner.token))).toEqual({
      issued: 1,
      totalAmount: 82_258,
    });
    const issued = unwrap(await b.t.call('billing.invoices.get', { id: draft.id }, b.owner.token));
    expect(issued).toMatchObject({
      number: draft.number,
      status: 'issued',
      issueDate: '2030-01-18',
      dueDate: '2030-01-28',
      balance: 82_258,
    });
    const notices = issuedNotices(b, customerId);
    expect(notices.map((n) => n.dedupe_key)).toEqual([`invoice.issued:${draft.id}:whatsapp`]);
    expect(notices[0]!.body).toContain('28 Januari 2030');
    const issuedPdf = await pdfOf(draft.id);
    expect(issuedPdf).toContain('TAGIHAN / INVOICE');
    expect(issuedPdf).toContain('Jatuh tempo: 28 Januari 2030');
    expect(issuedPdf).toContain('SISA TAGIHAN');

    // Issued once: again is a conflict, an unknown id is not found, and neither changes anything.
    expect(codeOf(await b.t.call('billing.invoices.issue', { ids: [draft.id] }, b.owner.token))).toBe(
      'CONFLICT',
    );
    expect(
      codeOf(
        await b.t.call(
          'billing.invoices.issue',
          { ids: ['01900000-0000-7000-8000-000000000000'] },
          b.owner.token,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(issuedNotices(b, customerId)).toHaveLength(1);

    // A whole period at once; a period billed ahead keeps its planned issue day.
    unwrap(await b.t.call('billing.run', { period: '2030-02' }, b.owner.token));
    expect(unwrap(await b.t.call('billing.invoices.issue', { period: '2030-02' }, b.owner.token))).toEqual({
      issued: 1,
      totalAmount: 150_000,
    });
    expect(await invoiceOf(b, subId, '2030-02')).toMatchObject({
      status: 'issued',
      issueDate: '2030-02-01',
      dueDate: '2030-02-11',
    });
    expect(unwrap(await b.t.call('billing.invoices.issue', { period: '2030-02' }, b.owner.token))).toEqual({
      issued: 0,
      totalAmount: 0,
    });
    expect(issuedNotices(b, customerId)).toHaveLength(2);

    // Either the ids or a period.
    expect(codeOf(await b.t.call('billing.invoices.issue', {}, b.owner.token))).toBe('VALIDATION');
    expect(
      codeOf(await b.t.call('billing.invoices.issue', { ids: [draft.id], period: '2030-02' }, b.owner.token)),
    ).toBe('VALIDATION');
  });

  it('edits lines on drafts only, recomputing the totals; a removed charge waits for the next invoice', async () => {
    const b = await draftBranch();
    const planId = await b.plan('Rumah 10 Mbps', 150_000);
    const customerId = await b.customer('Pak Anto');
    const subId = await b.subscribe(customerId, planId);
    const charge = unwrap(
      await b.t.call(
        'billing.charges.add',
        { customerId, kind: 'device', description: 'ONT', amount: 400_000, taxMode: 'exempt' },
        b.owner.token,
      ),
    );
    unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token));
    const draft = await invoiceOf(b, subId, '2030-01');
    expect(draft.total).toBe(482_258);

    const discounted = unwrap(
      await b.t.call(
        'billing.invoices.lines.add',
        { invoiceId: draft.id, kind: 'discount', description: 'Promo', amount: 10_000, taxMode: 'exempt' },
        b.owner.token,
      ),
    );
    expect(discounted).toMatchObject({
      status: 'draft',
      subtotal: 482_258,
      discount: 10_000,
      total: 472_258,
    });
    const device = discounted.lines.find((line) => line.kind === 'device')!;
    const withoutDevice = unwrap(
      await b.t.call(
        'billing.invoices.lines.remove',
        { invoiceId: draft.id, lineId: device.id },
        b.owner.token,
      ),
    );
    expect(withoutDevice.total).toBe(72_258);
    expect(withoutDevice.lines.map((line) => line.kind)).toEqual(['plan', 'discount']);
    const waiting = unwrap(await b.t.call('billing.charges.list', { customerId }, b.owner.token)).charges;
    expect(waiting.map((c) => c.id)).toEqual([charge.id]);
    expect(
      codeOf(
        await b.t.call(
          'billing.invoices.lines.remove',
          { invoiceId: draft.id, lineId: device.id },
          b.owner.token,
        ),
      ),
    ).toBe('NOT_FOUND');

    // Never below zero, and never without a line.
    expect(
      codeOf(
        await b.t.call(
          'billing.invoices.lines.add',
          { invoiceId: draft.id, kind: 'discount', description: 'Terlalu besar', amount: 100_000 },
          b.owner.token,
        ),
      ),
    ).toBe('VALIDATION');
    const discount = withoutDevice.lines.find((line) => line.kind === 'discount')!;
    const planOnly = unwrap(
      await b.t.call(
        'billing.invoices.lines.remove',
        { invoiceId: draft.id, lineId: discount.id },
        b.owner.token,
      ),
    );
    expect(planOnly).toMatchObject({ total: 82_258, discount: 0 });
    expect(
      codeOf(
        await b.t.call(
          'billing.invoices.lines.remove',
          { invoiceId: draft.id, lineId: planOnly.lines[0]!.id },
          b.owner.token,
        ),
      ),
    ).toBe('VALIDATION');

    // Issued, the invoice is fixed: no line added or removed.
    unwrap(await b.t.call('billing.invoices.issue', { ids: [draft.id] }, b.owner.token));
    expect(
      codeOf(
        await b.t.call(
          'billing.invoices.lines.add',
          { invoiceId: draft.id, description: 'Kabel', amount: 5_000 },
          b.owner.token,
        ),
      ),
    ).toBe('CONFLICT');
    expect(
      codeOf(
        await b.t.call(
          'billing.invoices.lines.remove',
          { invoiceId: draft.id, lineId: planOnly.lines[0]!.id },
          b.owner.token,
        ),
      ),
    ).toBe('CONFLICT');
    expect(unwrap(await b.t.call('billing.invoices.get', { id: draft.id }, b.owner.token)).total).toBe(
      82_258,
    );

    // The released ONT lands on February's invoice.
    expect(unwrap(await b.t.call('billing.run', { period: '2030-02' }, b.owner.token)).totalAmount).toBe(
      550_000,
    );
  });

  it('voids a draft, and a voided period draft is never billed again', async () => {
    const b = await draftBranch();
    const planId = await b.plan('Rumah 10 Mbps', 150_000);
    const customerId = await b.customer('Bu Dewi');
    const subId = await b.subscribe(customerId, planId);
    unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token));
    const draft = await invoiceOf(b, subId, '2030-01');
    expect(
      unwrap(await b.t.call('billing.invoices.void', { id: draft.id, reason: 'salah paket' }, b.owner.token)),
    ).toMatchObject({ status: 'void' });
    expect(unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token)).created).toBe(0);
    expect((await b.inContext((ctx) => runBilling(ctx, '2030-01-31'))).created).toBe(0);
    expect(codeOf(await b.t.call('billing.invoices.issue', { ids: [draft.id] }, b.owner.token))).toBe(
      'CONFLICT',
    );
    expect(countRows(b.sqlite, 'invoices', 'subscription_id = ?', subId)).toBe(1);
    expect(issuedNotices(b, customerId)).toEqual([]);
  });
});

describe('one-off drafts and payments', () => {
  it('makes a one-off draft when asked or by the issue mode, and takes no payment or credit note on it', async () => {
    const b = await billingTest();
    unwrap(await b.t.call('notify.settings.update', { whatsapp: { enabled: true } }, b.owner.token));
    const customerId = await b.customer('Pak Dedi');
    const item = (description: string, amount: number) => ({
      description,
      amount,
      taxMode: 'exempt' as const,
      kind: 'other' as const,
    });
    // The older invoice is a draft: oldest-first allocation must pass over it.
    const draft = unwrap(
      await b.t.call(
        'billing.invoices.create',
        { customerId, items: [item('Tarik kabel', 50_000)], draft: true },
        b.owner.token,
      ),
    );
    expect(draft).toMatchObject({ status: 'draft', balance: 0, total: 50_000 });
    await b.advanceDays(1);
    const issued = unwrap(
      await b.t.call(
        'billing.invoices.create',
        { customerId, items: [item('Pemasangan', 100_000)] },
        b.owner.token,
      ),
    );
    expect(issued.status).toBe('issued');

    const balance = unwrap(await b.t.call('billing.customers.balance', { customerId }, b.owner.token));
    expect(balance.openInvoices.map((i) => i.id)).toEqual([issued.id]);
    expect(balance.due).toBe(100_000);
    expect(codeOf(await b.pay({ customerId, amount: 50_000, method: 'cash', invoiceIds: [draft.id] }))).toBe(
      'VALIDATION',
    );
    const payment = unwrap(await b.pay({ customerId, amount: 200_000, method: 'transfer' }));
    expect(payment.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([[issued.id, 100_000]]);
    expect(payment.toCredit).toBe(100_000);
    expect(unwrap(await b.t.call('billing.invoices.get', { id: draft.id }, b.owner.token))).toMatchObject({
      status: 'draft',
      paid: 0,
    });
    expect(
      codeOf(
        await b.t.call(
          'billing.creditNotes.create',
          { invoiceId: draft.id, amount: 1_000, reason: 'gangguan' },
          b.owner.token,
        ),
      ),
    ).toBe('CONFLICT');

    // With the branch in draft mode, a one-off invoice is a draft unless said otherwise.
    unwrap(await b.t.call('billing.settings.update', { issueMode: 'draft' }, b.owner.token));
    const byMode = unwrap(
      await b.t.call(
        'billing.invoices.create',
        { customerId, items: [item('Kunjungan', 75_000)] },
        b.owner.token,
      ),
    );
    expect(byMode.status).toBe('draft');
    const forced = unwrap(
      await b.t.call(
        'billing.invoices.create',
        { customerId, items: [item('Kunjungan', 75_000)], draft: false },
        b.owner.token,
      ),
    );
    expect(forced.status).toBe('issued');
    // A one-off draft is dated when issued and sends no "invoice issued" notice (one-offs never do).
    await b.advanceDays(2);
    unwrap(await b.t.call('billing.invoices.issue', { ids: [draft.id, byMode.id] }, b.owner.token));
    expect(unwrap(await b.t.call('billing.invoices.get', { id: draft.id }, b.owner.token))).toMatchObject({
      status: 'issued',
      issueDate: '2030-01-18',
      dueDate: '2030-01-28',
      balance: 50_000,
    });
    expect(issuedNotices(b, customerId)).toEqual([]);
  });
});

describe('the scheduler and drafts', () => {
  it('reminds, fines, isolates and ages no draft; once issued, dunning counts from its new due date', async () => {
    const isp = await openIsp();
    unwrap(await isp.t.call('billing.settings.update', { issueMode: 'draft' }, isp.owner.token));
    const { customerId, subscriptionId } = await isp.subscriber('Pak Joko');
    const run = await isp.runDue('2030-02-19');
    expect(run.totals.billing).toBe(2); // January's and February's drafts

    const invoices = () =>
      isp.rows<{ id: string; period: string; status: string; due_date: string }>(
        'SELECT id, period, status, due_date FROM invoices WHERE subscription_id = ? ORDER BY period',
        subscriptionId,
      );
    expect(invoices().map((i) => [i.period, i.status])).toEqual([
      ['2030-01', 'draft'],
      ['2030-02', 'draft'],
    ]);
    // January's draft has been "due" since 25 January: still nothing happened to anyone.
    expect(isp.rows('SELECT * FROM dunning_steps')).toEqual([]);
    expect(isp.rows("SELECT * FROM invoice_lines WHERE kind = 'late_fee'")).toEqual([]);
    expect(isp.rows('SELECT * FROM notify_outbox WHERE customer_id = ?', customerId)).toEqual([]);
    const stateOf = () =>
      isp.rows<{ state: string }>('SELECT state FROM subscriptions WHERE id = ?', subscriptionId)[0]!.state;
    expect(stateOf()).toBe('active');
    const aging = unwrap(await isp.t.call('billing.reports.aging', { asOf: '2030-02-19' }, isp.owner.token));
    expect(aging.totals.total).toBe(0);
    expect(unwrap(await isp.t.call('billing.customers.balance', { customerId }, isp.owner.token)).due).toBe(
      0,
    );

    // Issued on 20 February: due 2 March; the steps follow that date, and January's draft has none.
    await isp.setDay('2030-02-20');
    const february = invoices()[1]!;
    unwrap(await isp.t.call('billing.invoices.issue', { ids: [february.id] }, isp.owner.token));
    expect(invoices()[1]).toMatchObject({ status: 'issued', due_date: '2030-03-02' });
    await isp.runDue('2030-03-08');
    expect(
      isp.rows<{ step: string; taken_on: string }>(
        'SELECT step, taken_on FROM dunning_steps WHERE invoice_id = ? ORDER BY taken_on, step',
        february.id,
      ),
    ).toEqual([
      { step: 'reminder:before:3', taken_on: '2030-02-27' },
      { step: 'reminder:due', taken_on: '2030-03-02' },
      { step: 'reminder:after:1', taken_on: '2030-03-03' },
      { step: 'late_fee', taken_on: '2030-03-05' },
      { step: 'reminder:after:3', taken_on: '2030-03-05' },
      { step: 'isolir', taken_on: '2030-03-07' },
    ]);
    expect(isp.rows('SELECT * FROM dunning_steps WHERE invoice_id = ?', invoices()[0]!.id)).toEqual([]);
    expect(stateOf()).toBe('isolated');
    const after = unwrap(await isp.t.call('billing.reports.aging', { asOf: '2030-03-08' }, isp.owner.token));
    expect(after.totals).toMatchObject({ invoices: 1, d1_30: 210_000, total: 210_000 });
  });
});
