/**
 * A bill payment's thermal receipt: the POS receipt layout (HTML preview, ESC/POS for 58/80 mm),
 * the invoices and amounts it lists, printing to a network printer on 127.0.0.1 (TCP, the 9100
 * protocol: raw bytes, the printer closes when done) or to the receipts folder, and reprints.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { billingTest, type BillingTest } from './billing-fixture';

afterAll(cleanupTestCores);

/** A network receipt printer on 127.0.0.1: keeps every byte of each job, closes when the job ends. */
type FakePrinter = { port: number; jobs: Buffer[]; nextJob(): Promise<Buffer> };
const servers: { server: Server; sockets: Socket[] }[] = [];

afterEach(async () => {
  for (const { server, sockets } of servers.splice(0)) {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function fakePrinter(): Promise<FakePrinter> {
  const jobs: Buffer[] = [];
  const waiting: ((job: Buffer) => void)[] = [];
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      const job = Buffer.concat(chunks);
      jobs.push(job);
      waiting.shift()?.(job);
      socket.end();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ server, sockets });
  let taken = 0;
  return {
    port: (server.address() as AddressInfo).port,
    jobs,
    nextJob: () => {
      const index = taken++;
      const done = jobs[index];
      return done ? Promise.resolve(done) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const LONG_NAME = 'Ibu Sri Wahyuningsih Kusumawardani';

/**
 * A PKP branch; a customer with January's prorated plan invoice (Rp 82.258) and a one-off
 * invoice of Rp 50.000, who pays Rp 140.000 in cash: both invoices paid, Rp 7.742 to credit.
 */
async function paidCustomer(b: BillingTest, name = LONG_NAME) {
  unwrap(
    await b.t.call(
      'settings.update',
      {
        branchAddress: 'Jl. Margonda Raya 1\nDepok',
        branchPhone: '021-7700123',
        pkp: true,
        npwp: '012345678901000',
        receiptFooter: 'Simpan struk ini sebagai bukti bayar.',
      },
      b.owner.token,
    ),
  );
  const planId = await b.plan('Rumah 10 Mbps', 150_000);
  const customerId = await b.customer(name);
  await b.subscribe(customerId, planId);
  unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token));
  const planInvoice = unwrap(
    await b.t.call('billing.invoices.list', { customerId, period: '2030-01' }, b.owner.token),
  ).invoices[0]!;
  expect(planInvoice.total).toBe(82_258);
  const oneOff = unwrap(
    await b.t.call(
      'billing.invoices.create',
      {
        customerId,
        items: [{ description: 'Router WiFi', amount: 50_000, taxMode: 'exempt', kind: 'device' }],
      },
      b.owner.token,
    ),
  );
  const payment = unwrap(await b.pay({ customerId, amount: 140_000, method: 'cash' }));
  return { customerId, planInvoice, oneOff, payment };
}

const view = async (b: BillingTest, id: string, width?: 58 | 80, reprint = false) =>
  unwrap(
    await b.t.call(
      'billing.payments.receiptView',
      width ? { id, width, reprint } : { id, reprint },
      b.owner.token,
    ),
  );

describe('billing.payments.receiptView', () => {
  it('lists each invoice paid with its period and amount, the credit part, method, balance and branch', async () => {
    const b = await billingTest();
    const { customerId, planInvoice, oneOff, payment } = await paidCustomer(b);
    const customer = unwrap(await b.t.call('customers.get', { id: customerId }, b.owner.token));
    const receipt = await view(b, payment.id, 80);
    expect(receipt.width).toBe(80);
    const lines = receipt.text.split('\n');
    const at = (prefix: string) => lines.findIndex((line) => line.trimStart().startsWith(prefix));

    expect(lines[0]!.trim()).toBe('Cabang Depok');
    expect(receipt.text).toContain('Telp. 021-7700123');
    expect(receipt.text).toContain('NPWP: 01.234.567.8-901.000');
    expect(receipt.text).toContain('BUKTI PEMBAYARAN TAGIHAN');
    expect(lines).toContain(`No.      : ${payment.number}`);
    // 02:00 UTC is 09:00 in Jakarta.
    expect(lines).toContain('Tanggal  : 15/01/2030 09:00 WIB');
    expect(lines).toContain('Kasir    : Bu Sari');
    expect(lines).toContain(`ID Pel.  : ${customer.code}`);
    expect(lines).toContain(`Nama     : ${LONG_NAME}`);

    // Each invoice: its number, then its period (or "Tagihan lain") with the amount put on it.
    const plan = at(planInvoice.number);
    expect(plan).toBeGreaterThan(0);
    expect(lines[plan + 1]).toMatch(/^ {2}Januari 2030 +Rp 82\.258$/);
    const device = at(oneOff.number);
    expect(device).toBeGreaterThan(0);
    expect(lines[device + 1]).toMatch(/^ {2}Tagihan lain +Rp 50\.000$/);
    expect(lines[at('Masuk ke saldo')]).toMatch(/Rp 7\.742$/);
    expect(lines[at('TOTAL BAYAR')]).toMatch(/Rp 140\.000$/);
    expect(lines).toContain('Metode   : Tunai');
    expect(lines[at('Sisa tagihan')]).toMatch(/ Rp 0$/);
    expect(lines[at('Saldo pelanggan')]).toMatch(/Rp 7\.742$/);
    expect(receipt.text).toContain('Simpan struk ini sebagai bukti bayar.');
    expect(receipt.text).not.toContain('CETAK ULANG');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(48);

    // The preview is the same lines, in a standalone document 80 mm wide, with the QR code.
    expect(receipt.html).toContain(`<title>Bukti bayar ${payment.number}</title>`);
    expect(receipt.html).toContain('data-width="80"');
    expect(receipt.html).toContain(`aria-label="QR ${payment.number}"`);
    for (const line of lines) expect(receipt.html).toContain(line.replace(/&/g, '&amp;'));
  });

  it('wraps at 32 columns on 58 mm paper and folds text to ASCII', async () => {
    const b = await billingTest();
    const { payment } = await paidCustomer(b, 'Bu Siti Nurhaliza “Café” — Blok Ç');
    const narrow = await view(b, payment.id, 58);
    expect(narrow.width).toBe(58);
    const lines = narrow.text.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(32);
    expect(Math.max(...lines.map((line) => line.length))).toBe(32); // the rules
    // The customer's name is too long for one line: it goes on under the field's value.
    const customer = lines.findIndex((line) => line.startsWith('Nama     : '));
    expect(lines[customer]).toBe('Nama     : Bu Siti Nurhaliza');
    expect(lines[customer + 1]).toMatch(/^ {11}"Cafe" - Blok C/);
    expect(narrow.text).toMatch(/^[\x20-\x7e\n]*$/);
    expect(narrow.html).toContain('data-width="58"');

    const wide = await view(b, payment.id, 80);
    expect(wide.text.split('\n').some((line) => line.length > 32)).toBe(true);
    // Without a width, the branch's paper (58 mm unless set).
    expect((await view(b, payment.id)).width).toBe(58);
  });

  it('folds the customer credit spent with a payment into its receipt', async () => {
    const b = await billingTest();
    const { customerId, payment: first } = await paidCustomer(b, 'Pak Dedi');
    expect(first.toCredit).toBe(7_742);
    const later = unwrap(
      await b.t.call(
        'billing.invoices.create',
        { customerId, items: [{ description: 'Kunjungan teknisi', amount: 60_000, taxMode: 'exempt' }] },
        b.owner.token,
      ),
    );
    const payment = unwrap(
      await b.pay({ customerId, amount: 52_258, method: 'transfer', reference: 'BCA 0042', useCredit: true }),
    );
    const lines = (await view(b, payment.id, 58)).text.split('\n');
    const invoice = lines.indexOf(later.number);
    expect(invoice).toBeGreaterThan(0);
    expect(lines[invoice + 1]).toMatch(/^ {2}Tagihan lain +Rp 60\.000$/);
    expect(lines.find((line) => line.startsWith('Dari saldo'))).toMatch(/Rp 7\.742$/);
    expect(lines.find((line) => line.startsWith('TOTAL BAYAR'))).toMatch(/Rp 52\.258$/);
    expect(lines).toContain('Metode   : Transfer bank');
    expect(lines).toContain('Ref.     : BCA 0042');
    expect(lines.find((line) => line.startsWith('Saldo pelanggan'))).toMatch(/ Rp 0$/);
  });

  it('answers NOT_FOUND for an unknown payment and FORBIDDEN for someone who cannot collect', async () => {
    const b = await billingTest();
    const { payment } = await paidCustomer(b, 'Pak Amir');
    expect(
      codeOf(
        await b.t.call(
          'billing.payments.receiptView',
          { id: '01900000-0000-7000-8000-000000000000' },
          b.owner.token,
        ),
      ),
    ).toBe('NOT_FOUND');
    const cashier = await b.t.loginAs('cashier');
    expect(codeOf(await b.t.call('billing.payments.receiptView', { id: payment.id }, cashier.token))).toBe(
      'ok',
    );
    const technician = await b.t.loginAs('technician');
    expect(codeOf(await b.t.call('billing.payments.print', { id: payment.id }, technician.token))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('billing.payments.print', () => {
  it('sends ESC/POS bytes with the payment to the branch printer, and marks a reprint', async () => {
    const b = await billingTest();
    const { payment, planInvoice } = await paidCustomer(b);
    const printer = await fakePrinter();
    unwrap(
      await b.t.call(
        'settings.update',
        { receiptPrinter: `127.0.0.1:${printer.port}`, receiptWidth: 58 },
        b.owner.token,
      ),
    );

    const first = unwrap(await b.t.call('billing.payments.print', { id: payment.id }, b.owner.token));
    expect(first.destination).toBe(`127.0.0.1:${printer.port}`);
    const bytes = await printer.nextJob();
    expect(bytes.length).toBe(first.bytes);
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]); // ESC @
    expect([...bytes.subarray(-3)]).toEqual([0x1d, 0x56, 0x01]); // GS V 1: partial cut
    const printed = bytes.toString('latin1');
    expect(printed).toContain(payment.number);
    expect(printed).toContain('BUKTI PEMBAYARAN TAGIHAN');
    expect(printed).toContain(planInvoice.number);
    expect(printed).not.toContain('CETAK ULANG');
    // The 58 mm layout, line for line: the long name wrapped at 32 columns reaches the paper so.
    const text = (await view(b, payment.id, 58)).text.split('\n');
    const customer = text.findIndex((line) => line.startsWith('Nama     : '));
    expect(text[customer + 1]).toMatch(/^ {11}\S/);
    expect(printed).toContain(`${text[customer]}\n${text[customer + 1]}\n`);
    for (const line of text) expect(line.length).toBeLessThanOrEqual(32);

    const again = unwrap(
      await b.t.call('billing.payments.print', { id: payment.id, reprint: true }, b.owner.token),
    );
    const copy = (await printer.nextJob()).toString('latin1');
    expect(again.bytes).toBeGreaterThan(first.bytes);
    expect(copy).toContain('*** CETAK ULANG / REPRINT ***');
    expect(copy).toContain('Dicetak  : 15/01/2030 09:00 WIB');
    expect(copy).toContain(payment.number);
    expect((await view(b, payment.id, 58, true)).text).toContain('CETAK ULANG / REPRINT');

    const audit = unwrap(await b.t.call('audit.log.list', { limit: 50 }, b.owner.token)).entries.filter(
      (e) => e.channel === 'billing.payments.print',
    );
    expect(audit.map((e) => e.after)).toEqual([
      { number: payment.number, destination: `127.0.0.1:${printer.port}`, reprint: true },
      { number: payment.number, destination: `127.0.0.1:${printer.port}`, reprint: false },
    ]);
  });

  it('says so when the printer cannot be reached, and saves the receipt to a file instead', async () => {
    const b = await billingTest();
    const { payment } = await paidCustomer(b, 'Pak Hadi');
    const port = await closedPort();
    unwrap(await b.t.call('settings.update', { receiptPrinter: `127.0.0.1:${port}` }, b.owner.token));
    const refused = await b.t.call('billing.payments.print', { id: payment.id }, b.owner.token);
    expect(codeOf(refused)).toBe('INTERNAL');
    expect(refused.ok ? '' : refused.error.message).toContain(`Printer 127.0.0.1:${port} cannot be reached`);

    const saved = unwrap(
      await b.t.call('billing.payments.print', { id: payment.id, toFile: true }, b.owner.token),
    );
    const file = join(b.t.dataDir, 'receipts', `${payment.number.replace(/\//g, '-')}.bin`);
    expect(saved.destination).toBe(file);
    expect(existsSync(file)).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(saved.bytes);
    expect(bytes.toString('latin1')).toContain(payment.number);
  });

  it('saves to the receipts folder when the branch has no printer', async () => {
    const b = await billingTest();
    const { payment } = await paidCustomer(b, 'Bu Rina');
    const saved = unwrap(await b.t.call('billing.payments.print', { id: payment.id }, b.owner.token));
    expect(saved.destination).toBe(
      join(b.t.dataDir, 'receipts', `${payment.number.replace(/\//g, '-')}.bin`),
    );
    expect(readFileSync(saved.destination).toString('latin1')).toContain('BUKTI PEMBAYARAN TAGIHAN');
  });
});
