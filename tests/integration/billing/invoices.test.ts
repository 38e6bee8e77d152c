/** One-off invoices, voiding, credit notes, the invoice PDF and the list's filters. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { staticQris } from '../support/shop';
import { billingTest, pdfText } from './billing-fixture';

afterAll(cleanupTestCores);

describe('invoices', () => {
  it('voiding an invoice whose credits became store credit takes that credit back (once, and only if unused)', async () => {
    const b = await billingTest();
    const planId = await b.plan('Rumah 5 Mbps', 100_000);
    const customerId = await b.customer('Pak Joko');
    await b.subscribe(customerId, planId);
    unwrap(
      await b.t.call(
        'billing.charges.add',
        {
          customerId,
          kind: 'discount',
          description: 'Ganti rugi gangguan',
          amount: 300_000,
          taxMode: 'exempt',
        },
        b.owner.token,
      ),
    );
    unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token));
    const credit = () =>
      b.t.call('customers.get', { id: customerId }, b.owner.token).then((r) => unwrap(r).credit);
    const left = await credit();
    expect(left).toBeGreaterThan(0);
    const invoice = unwrap(await b.t.call('billing.invoices.list', { customerId }, b.owner.token))
      .invoices[0]!;
    expect(invoice.total).toBe(0);

    unwrap(
      await b.t.call('billing.invoices.void', { id: invoice.id, reason: 'ganti rugi salah' }, b.owner.token),
    );
    expect(await credit()).toBe(0);
    // The discount waits again: billed once more, it becomes credit once more, not twice.
    const waiting = unwrap(await b.t.call('billing.charges.list', { customerId }, b.owner.token));
    expect(JSON.stringify(waiting)).toContain('Ganti rugi gangguan');
  });

  it('voids an unpaid invoice (its charges wait again) and refuses one with payments', async () => {
    const b = await billingTest();
    const planId = await b.plan('Rumah 10 Mbps', 150_000);
    const customerId = await b.customer('Bu Dewi');
    await b.subscribe(customerId, planId);
    const charge = unwrap(
      await b.t.call(
        'billing.charges.add',
        { customerId, kind: 'device', description: 'ONT', amount: 400_000, taxMode: 'exempt' },
        b.owner.token,
      ),
    );
    unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token));
    const invoice = unwrap(await b.t.call('billing.invoices.list', { customerId }, b.owner.token))
      .invoices[0]!;
    expect(
      codeOf(await b.t.call('billing.invoices.void', { id: invoice.id, reason: 'x' }, b.owner.token)),
    ).toBe('VALIDATION');
    const voided = unwrap(
      await b.t.call('billing.invoices.void', { id: invoice.id, reason: 'salah paket' }, b.owner.token),
    );
    expect(voided).toMatchObject({ status: 'void', voidReason: 'salah paket', balance: 0 });
    expect(
      codeOf(await b.t.call('billing.invoices.void', { id: invoice.id, reason: 'lagi' }, b.owner.token)),
    ).toBe('CONFLICT');
    const waiting = unwrap(await b.t.call('billing.charges.list', { customerId }, b.owner.token)).charges;
    expect(waiting.map((c) => c.id)).toEqual([charge.id]);
    // The voided period is not billed again; the device lands on February's invoice.
    expect(unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token)).created).toBe(0);
    expect(unwrap(await b.t.call('billing.run', { period: '2030-02' }, b.owner.token)).totalAmount).toBe(
      550_000,
    );

    const feb = unwrap(
      await b.t.call('billing.invoices.list', { customerId, period: '2030-02' }, b.owner.token),
    ).invoices[0]!;
    unwrap(await b.pay({ customerId, amount: 1_000, method: 'cash' }));
    expect(
      codeOf(await b.t.call('billing.invoices.void', { id: feb.id, reason: 'batal saja' }, b.owner.token)),
    ).toBe('CONFLICT');
  });

  it('lowers the balance with credit notes, at most the balance', async () => {
    const b = await billingTest();
    const customerId = await b.customer('Pak Anto');
    const invoice = unwrap(
      await b.t.call(
        'billing.invoices.create',
        {
          customerId,
          items: [{ description: 'Tarik kabel', amount: 100_000, taxMode: 'exempt', kind: 'other' }],
        },
        b.owner.token,
      ),
    );
    const credited = unwrap(
      await b.t.call(
        'billing.creditNotes.create',
        { invoiceId: invoice.id, amount: 30_000, reason: 'gangguan 3 hari' },
        b.owner.token,
      ),
    );
    expect(credited).toMatchObject({ status: 'partial', credited: 30_000, balance: 70_000 });
    expect(credited.creditNotes[0]!.number).toMatch(/^KRD\/[A-Z0-9]{4}\/3001\/000001$/);
    expect(
      codeOf(
        await b.t.call(
          'billing.creditNotes.create',
          { invoiceId: invoice.id, amount: 70_001, reason: 'terlalu banyak' },
          b.owner.token,
        ),
      ),
    ).toBe('VALIDATION');
    const settled = unwrap(
      await b.t.call(
        'billing.creditNotes.create',
        { invoiceId: invoice.id, amount: 70_000, reason: 'dibebaskan' },
        b.owner.token,
      ),
    );
    expect(settled).toMatchObject({ status: 'paid', balance: 0 });
    expect(
      codeOf(
        await b.t.call(
          'billing.creditNotes.create',
          { invoiceId: invoice.id, amount: 1, reason: 'lagi lagi' },
          b.owner.token,
        ),
      ),
    ).toBe('VALIDATION');
  });

  it('makes one-off invoices with discounts and PPN, and refuses a total of zero', async () => {
    const b = await billingTest();
    unwrap(await b.t.call('settings.update', { pkp: true, npwp: '012345678901234' }, b.owner.token));
    const customerId = await b.customer('CV Sejahtera');
    const invoice = unwrap(
      await b.t.call(
        'billing.invoices.create',
        {
          customerId,
          items: [
            { description: 'Router', amount: 500_000, taxMode: 'excluded', kind: 'device' },
            { description: 'Potongan', amount: 100_000, taxMode: 'excluded', kind: 'discount' },
          ],
        },
        b.owner.token,
      ),
    );
    expect(invoice).toMatchObject({
      subtotal: 500_000,
      discount: 100_000,
      ppn: 44_000,
      total: 444_000,
      issueDate: '2030-01-15',
      dueDate: '2030-01-25',
    });
    expect(invoice.lines.map((l) => [l.amount, l.ppn, l.gross])).toEqual([
      [500_000, 55_000, 555_000],
      [-100_000, -11_000, -111_000],
    ]);
    const zero = await b.t.call(
      'billing.invoices.create',
      { customerId, items: [{ description: 'Gratis', amount: 0, taxMode: 'exempt', kind: 'other' }] },
      b.owner.token,
    );
    expect(codeOf(zero)).toBe('VALIDATION');
    expect(unwrap(await b.t.call('billing.invoices.list', { customerId }, b.owner.token)).total).toBe(1);
  });

  it('lists overdue invoices (derived from the due date) with sums, and finds by number or name', async () => {
    const b = await billingTest();
    const a = await b.customer('Bu Ratna');
    const c = await b.customer('Pak Guntur');
    const mk = async (customerId: string, amount: number) =>
      unwrap(
        await b.t.call(
          'billing.invoices.create',
          { customerId, items: [{ description: 'Jasa', amount, taxMode: 'exempt', kind: 'other' }] },
          b.owner.token,
        ),
      );
    const late = await mk(a, 10_000);
    await b.advanceDays(11);
    await mk(c, 20_000);
    const overdue = unwrap(await b.t.call('billing.invoices.list', { status: 'overdue' }, b.owner.token));
    expect(overdue.invoices.map((i) => i.id)).toEqual([late.id]);
    expect(overdue.invoices[0]!.overdue).toBe(true);
    const all = unwrap(await b.t.call('billing.invoices.list', {}, b.owner.token));
    expect(all).toMatchObject({ total: 2, sums: { total: 30_000, balance: 30_000 } });
    expect(unwrap(await b.t.call('billing.invoices.list', { query: 'guntur' }, b.owner.token)).total).toBe(1);
    expect(
      unwrap(await b.t.call('billing.invoices.list', { query: late.number }, b.owner.token)).invoices[0]!.id,
    ).toBe(late.id);
  });

  it('renders the invoice PDF with the branch NPWP, the number, PPN summary and a QRIS for the balance', async () => {
    const b = await billingTest();
    unwrap(
      await b.t.call(
        'settings.update',
        { pkp: true, npwp: '012345678901234', branchAddress: 'Jl. Kaliurang km 5', qrisStatic: staticQris() },
        b.owner.token,
      ),
    );
    unwrap(
      await b.t.call(
        'billing.settings.update',
        { paymentInstructions: 'Transfer ke BCA 1234567890 a.n. Gerai' },
        b.owner.token,
      ),
    );
    const planId = await b.plan('Rumah 10 Mbps', 166_500);
    const customerId = await b.customer('Pak Wahyu');
    await b.subscribe(customerId, planId);
    unwrap(await b.t.call('billing.run', { period: '2030-02' }, b.owner.token));
    const invoice = unwrap(await b.t.call('billing.invoices.list', { customerId }, b.owner.token))
      .invoices[0]!;
    const pdf = unwrap(await b.t.call('billing.invoices.pdf', { id: invoice.id }, b.owner.token));
    const bytes = Buffer.from(pdf.pdfBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.fileName).toBe(`${invoice.number.replace(/\//g, '-')}.pdf`);
    const text = pdfText(bytes);
    for (const expected of [
      invoice.number,
      'NPWP 012345678901234',
      'Pak Wahyu',
      'Februari 2030',
      'PPN 12%',
      'Rp 16.500',
      'Rp 166.500',
      'BCA 1234567890',
      'QRIS',
    ]) {
      expect(text).toContain(expected);
    }
    expect(bytes.toString('latin1')).toMatch(/\/Subtype \/Image/);
  });
});
