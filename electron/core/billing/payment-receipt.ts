import type { BillingPayment as Payment } from '../../../shared/contract/billing.contract';
import { formatRupiah } from '../../../shared/domain/money';
import type { HandlerContext } from '../context';
import { renderPdf } from '../platform/pdf';
import { customerCredit } from '../pos/customer-credit';
import { billingBranch } from './billing-branch';
import { longDate, METHOD_NAMES } from './billing-words';
import { customerDue } from './payment-receipt-data';
import { paymentOut } from './payments.service';

const MM = 72 / 25.4;

/** An 80 mm receipt of one payment: what was paid, which invoices it settled, what went to credit. */
export async function renderPaymentReceipt(
  payment: Payment,
  branch: { name: string; address: string; phone: string },
  after: { due: number; credit: number },
): Promise<Buffer> {
  const lines = 22 + payment.allocations.length * 2;
  const height = Math.max(110, 40 + lines * 4.2) * MM;
  return renderPdf(
    { size: [80 * MM, height], margin: 5 * MM, info: { Title: `Bukti bayar ${payment.number}` } },
    (doc) => {
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      const pair = (label: string, value: string, bold = false) => {
        const y = doc.y;
        doc
          .font(bold ? 'Helvetica-Bold' : 'Helvetica')
          .text(label, doc.page.margins.left, y, { width: width * 0.55 });
        const below = doc.y;
        doc.text(value, doc.page.margins.left + width * 0.45, y, { width: width * 0.55, align: 'right' });
        doc.x = doc.page.margins.left;
        doc.y = Math.max(below, doc.y);
      };
      doc.font('Helvetica-Bold').fontSize(11).text(branch.name, { align: 'center', width });
      doc.font('Helvetica').fontSize(8);
      if (branch.address) doc.text(branch.address, { align: 'center', width });
      if (branch.phone) doc.text(`Telp ${branch.phone}`, { align: 'center', width });
      doc
        .moveDown(0.5)
        .font('Helvetica-Bold')
        .fontSize(10)
        .text('BUKTI PEMBAYARAN', { align: 'center', width });
      doc.font('Helvetica').fontSize(8);
      doc.moveDown(0.3);
      pair('No.', payment.number);
      pair('Tanggal', longDate(payment.receivedOn));
      pair('Pelanggan', `${payment.customerName} (${payment.customerCode})`);
      pair('Metode', METHOD_NAMES[payment.method] ?? payment.method);
      if (payment.reference) pair('Referensi', payment.reference);
      if (payment.receivedBy) pair('Kasir', payment.receivedBy);
      doc.moveDown(0.4);
      for (const allocation of payment.allocations)
        pair(allocation.invoiceNumber, formatRupiah(allocation.amount));
      if (payment.toCredit) pair('Ke saldo pelanggan', formatRupiah(payment.toCredit));
      doc.moveDown(0.3);
      pair('DIBAYAR', formatRupiah(payment.amount), true);
      doc.moveDown(0.3);
      pair('Sisa tagihan', formatRupiah(after.due));
      pair('Saldo pelanggan', formatRupiah(after.credit));
      doc.moveDown(0.6).text('Terima kasih.', { align: 'center', width });
    },
  );
}

/** `billing.payments.receipt`: the receipt as a base64 PDF. */
export async function paymentReceipt(
  ctx: HandlerContext,
  id: string,
): Promise<{ fileName: string; pdfBase64: string }> {
  const payment = await paymentOut(ctx, id);
  const { row } = await billingBranch(ctx);
  const bytes = await renderPaymentReceipt(
    payment,
    { name: row.name, address: row.address, phone: row.phone },
    {
      due: await customerDue(ctx, payment.customerId),
      credit: await customerCredit(ctx.db, payment.customerId),
    },
  );
  return {
    fileName: `${payment.number.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`,
    pdfBase64: bytes.toString('base64'),
  };
}
