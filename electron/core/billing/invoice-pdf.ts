import QRCode from 'qrcode';
import type { InvoiceDetail } from '../../../shared/contract/billing.contract';
import { formatRupiah } from '../../../shared/domain/money';
import { dynamicQris, QrisError } from '../../../shared/domain/qris';
import type { HandlerContext } from '../context';
import { renderPdf } from '../platform/pdf';
import { billingBranch } from './billing-branch';
import { readBillingSettings } from './billing-settings';
import { longDate, periodName } from './billing-words';
import { invoiceDetail } from './invoices.service';

const STATUS_WORDS: Record<InvoiceDetail['status'], string> = {
  draft: 'DRAF',
  issued: 'BELUM DIBAYAR',
  partial: 'DIBAYAR SEBAGIAN',
  paid: 'LUNAS',
  void: 'DIBATALKAN',
};

const TAX_WORDS = { included: 'termasuk PPN', excluded: '+ PPN', exempt: 'bebas PPN' } as const;

type PdfBranch = {
  name: string;
  address: string;
  phone: string;
  npwp: string;
  pkp: boolean;
  qrisStatic: string;
  ppnRatePercent: number;
};

/** The invoice's file name: the number with slashes made safe. */
export function invoiceFileName(number: string): string {
  return `${number.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;
}

function rows(
  doc: PDFKit.PDFDocument,
  columns: { title: string; width: number; align?: 'left' | 'right' }[],
  body: string[][],
) {
  const left = doc.page.margins.left;
  const line = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    const y = doc.y;
    let x = left;
    let height = 0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((cell, i) => {
      const column = columns[i]!;
      doc.text(cell, x, y, { width: column.width - 6, align: column.align ?? 'left' });
      height = Math.max(height, doc.y - y);
      x += column.width;
    });
    doc.x = left;
    doc.y = y + height + 3;
  };
  line(
    columns.map((c) => c.title),
    true,
  );
  for (const row of body) line(row, false);
}

function summary(doc: PDFKit.PDFDocument, items: [string, string, boolean?][]) {
  const x = doc.page.width - doc.page.margins.right - 240;
  for (const [label, value, bold] of items) {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').text(label, x, y, { width: 130 });
    doc.text(value, x + 130, y, { width: 110, align: 'right' });
  }
  doc.x = doc.page.margins.left;
}

/** Draws an invoice: branch (NPWP when PKP), customer, period, lines with PPN, summary, how to pay. */
export async function renderInvoicePdf(
  invoice: InvoiceDetail,
  branch: PdfBranch,
  paymentInstructions: string,
): Promise<Buffer> {
  let qris: { payload: string; png: Buffer } | null = null;
  if (branch.qrisStatic && invoice.balance > 0 && invoice.status !== 'void') {
    try {
      const payload = dynamicQris(branch.qrisStatic, invoice.balance);
      qris = {
        payload,
        png: await QRCode.toBuffer(payload, { type: 'png', margin: 1, scale: 4, errorCorrectionLevel: 'M' }),
      };
    } catch (error) {
      // A broken static QRIS leaves the QR out; the rest of the invoice is still worth printing.
      if (!(error instanceof QrisError)) throw error;
    }
  }
  return renderPdf({ size: 'A4', margin: 40, info: { Title: `Tagihan ${invoice.number}` } }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(14).text(branch.name);
    doc.font('Helvetica').fontSize(9);
    if (branch.address) doc.text(branch.address);
    if (branch.phone) doc.text(`Telp ${branch.phone}`);
    if (branch.pkp && branch.npwp) doc.text(`NPWP ${branch.npwp}`);
    const draft = invoice.status === 'draft';
    doc
      .moveDown(0.6)
      .font('Helvetica-Bold')
      .fontSize(13)
      .text(draft ? 'DRAF TAGIHAN (BELUM DITERBITKAN)' : 'TAGIHAN / INVOICE');
    doc.font('Helvetica').fontSize(9);
    doc.text(`No. ${invoice.number}`);
    doc.text(`Status: ${STATUS_WORDS[invoice.status]}${invoice.overdue ? ' (LEWAT JATUH TEMPO)' : ''}`);
    if (invoice.period) {
      doc.text(
        `Periode: ${periodName(invoice.period)}${invoice.periodStart && invoice.periodEnd ? ` (${longDate(invoice.periodStart)} s.d. ${longDate(invoice.periodEnd)})` : ''}`,
      );
    }
    if (draft) {
      doc.text(`Rencana terbit: ${longDate(invoice.issueDate)} (tanggal ditetapkan saat diterbitkan)`);
    } else {
      doc.text(`Tanggal terbit: ${longDate(invoice.issueDate)}    Jatuh tempo: ${longDate(invoice.dueDate)}`);
    }
    if (invoice.status === 'void') doc.text(`Dibatalkan: ${invoice.voidReason}`);
    doc.moveDown(0.6).font('Helvetica-Bold').text('Kepada:');
    doc.font('Helvetica').text(`${invoice.customerName} (${invoice.customerCode})`);
    if (invoice.customerAddress) doc.text(invoice.customerAddress);
    if (invoice.customerPhone) doc.text(`WhatsApp ${invoice.customerPhone}`);
    if (invoice.subscriptionCode) doc.text(`Langganan ${invoice.subscriptionCode}`);
    doc.moveDown(0.6);

    rows(
      doc,
      [
        { title: 'Uraian', width: 235 },
        { title: 'Pajak', width: 80 },
        { title: 'DPP', width: 70, align: 'right' },
        { title: 'PPN', width: 60, align: 'right' },
        { title: 'Jumlah', width: 70, align: 'right' },
      ],
      invoice.lines.map((line) => [
        line.description,
        TAX_WORDS[line.taxMode],
        formatRupiah(line.base),
        formatRupiah(line.ppn),
        formatRupiah(line.gross),
      ]),
    );
    doc.moveDown(0.6);
    const items: [string, string, boolean?][] = [['Subtotal', formatRupiah(invoice.subtotal)]];
    if (invoice.discount) items.push(['Potongan / kredit', formatRupiah(-invoice.discount)]);
    if (branch.pkp) {
      items.push(['DPP', formatRupiah(invoice.base)]);
      items.push([`DPP nilai lain (11/12)`, formatRupiah(Math.floor((invoice.base * 11) / 12))]);
      items.push([`PPN ${branch.ppnRatePercent}%`, formatRupiah(invoice.ppn)]);
    }
    items.push(['TOTAL', formatRupiah(invoice.total), true]);
    if (invoice.paid) items.push(['Dibayar', formatRupiah(invoice.paid)]);
    if (invoice.credited) items.push(['Nota kredit', formatRupiah(invoice.credited)]);
    // A draft is owed by nobody yet: no balance line to read as "nothing to pay".
    if (!draft) items.push(['SISA TAGIHAN', formatRupiah(invoice.balance), true]);
    summary(doc, items);

    if (invoice.payments.length > 0) {
      doc.moveDown(0.6).font('Helvetica-Bold').text('Pembayaran');
      doc.font('Helvetica');
      for (const p of invoice.payments)
        doc.text(`${longDate(p.receivedOn)}  ${p.number}  ${formatRupiah(p.amount)}`);
    }
    if (invoice.creditNotes.length > 0) {
      doc.moveDown(0.4).font('Helvetica-Bold').text('Nota kredit');
      doc.font('Helvetica');
      for (const n of invoice.creditNotes) doc.text(`${n.number}  ${formatRupiah(n.amount)}  ${n.reason}`);
    }

    if (invoice.balance > 0 && invoice.status !== 'void') {
      doc.moveDown(0.8).font('Helvetica-Bold').text('Cara pembayaran');
      doc.font('Helvetica');
      doc.text(paymentInstructions || 'Bayar di kantor kami (tunai, transfer atau QRIS).');
      if (qris) {
        doc.moveDown(0.4).text(`Pindai QRIS untuk membayar ${formatRupiah(invoice.balance)}:`);
        const size = 130;
        if (doc.y + size > doc.page.height - doc.page.margins.bottom) doc.addPage();
        doc.image(qris.png, doc.page.margins.left, doc.y, { width: size });
        doc.y += size + 4;
      }
    }
    doc.moveDown(0.8).font('Helvetica').fontSize(8).text(`Dicetak oleh Gerai · ${invoice.number}`);
  });
}

/** `billing.invoices.pdf`: the invoice as a base64 PDF. */
export async function invoicePdf(
  ctx: HandlerContext,
  id: string,
): Promise<{ fileName: string; pdfBase64: string }> {
  const invoice = await invoiceDetail(ctx, id);
  const { row } = await billingBranch(ctx);
  const settings = await readBillingSettings(ctx);
  const bytes = await renderInvoicePdf(
    invoice,
    {
      name: row.name,
      address: row.address,
      phone: row.phone,
      npwp: row.npwp,
      pkp: row.pkp === 1,
      qrisStatic: row.qris_static,
      ppnRatePercent: row.ppn_rate_percent,
    },
    settings.paymentInstructions,
  );
  return { fileName: invoiceFileName(invoice.number), pdfBase64: bytes.toString('base64') };
}
