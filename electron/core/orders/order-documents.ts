import QRCode from 'qrcode';
import type { Order } from '../../../shared/contract/orders.contract';
import { formatRupiah } from '../../../shared/domain/money';
import { renderPdf } from '../platform/pdf';

export type DocumentBranch = { name: string; address: string; phone: string; npwp: string; pkp: boolean; timeZone: string };
export type OrderDocumentKind = 'invoice' | 'packing_slip' | 'label';

const TITLES: Record<OrderDocumentKind, string> = { invoice: 'FAKTUR / INVOICE', packing_slip: 'DAFTAR KEMAS / PACKING SLIP', label: 'LABEL PENGIRIMAN' };

function when(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** The QR of the order number as a PNG data URL (pdfkit draws PNGs). */
function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', margin: 1, scale: 4, errorCorrectionLevel: 'M' });
}

function header(doc: PDFKit.PDFDocument, branch: DocumentBranch, title: string, order: Order) {
  doc.font('Helvetica-Bold').fontSize(14).text(branch.name);
  doc.font('Helvetica').fontSize(9);
  if (branch.address) doc.text(branch.address);
  if (branch.phone) doc.text(`Telp ${branch.phone}`);
  if (branch.pkp && branch.npwp) doc.text(`NPWP ${branch.npwp}`);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(title);
  doc.font('Helvetica').fontSize(9).text(`No. ${order.number}    Tanggal ${when(order.createdAt, branch.timeZone)}    Status ${order.status}`);
  doc.moveDown(0.5);
}

function customerBlock(doc: PDFKit.PDFDocument, order: Order) {
  doc.font('Helvetica-Bold').text('Kepada:');
  doc.font('Helvetica').text(order.customerName);
  if (order.customerPhone) doc.text(order.customerPhone);
  if (order.shippingAddress) doc.text(order.shippingAddress);
  doc.moveDown(0.5);
}

function table(doc: PDFKit.PDFDocument, columns: { title: string; width: number; align?: 'left' | 'right' }[], rows: string[][]) {
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
  line(columns.map((c) => c.title), true);
  for (const row of rows) line(row, false);
}

/** Invoice, packing slip or shipping label of an order, as PDF bytes. */
export async function orderPdf(order: Order, branch: DocumentBranch, kind: OrderDocumentKind): Promise<Buffer> {
  const qr = await qrPng(order.number);
  if (kind === 'label') {
    // 100 × 150 mm thermal label.
    const mm = 72 / 25.4;
    return renderPdf({ size: [100 * mm, 150 * mm], margin: 8 * mm, info: { Title: `Label ${order.number}` } }, (doc) => {
      doc.font('Helvetica-Bold').fontSize(11).text('PENERIMA');
      doc.font('Helvetica-Bold').fontSize(16).text(order.customerName);
      doc.font('Helvetica').fontSize(12);
      if (order.customerPhone) doc.text(order.customerPhone);
      doc.text(order.shippingAddress || '-');
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(9).text('PENGIRIM');
      doc.font('Helvetica').fontSize(9).text(`${branch.name}${branch.phone ? ` · ${branch.phone}` : ''}`);
      if (branch.address) doc.text(branch.address);
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(order.number);
      doc.font('Helvetica').fontSize(9).text(`${order.lines.reduce((n, l) => n + l.quantity, 0)} barang · ${when(order.createdAt, branch.timeZone)}`);
      doc.image(qr, doc.page.width - doc.page.margins.right - 30 * mm, doc.page.height - doc.page.margins.bottom - 30 * mm, { width: 30 * mm });
    });
  }
  return renderPdf({ size: 'A4', margin: 40, info: { Title: `${TITLES[kind]} ${order.number}` } }, (doc) => {
    header(doc, branch, TITLES[kind], order);
    doc.image(qr, doc.page.width - doc.page.margins.right - 70, 40, { width: 70 });
    customerBlock(doc, order);
    if (kind === 'packing_slip') {
      table(
        doc,
        [{ title: 'No', width: 30 }, { title: 'SKU', width: 110 }, { title: 'Barang', width: 300 }, { title: 'Jumlah', width: 70, align: 'right' }],
        order.lines.map((l) => [String(l.lineNo), l.sku, l.name, String(l.quantity)]),
      );
      doc.moveDown().text(`Total barang: ${order.lines.reduce((n, l) => n + l.quantity, 0)}`);
      if (order.note) doc.moveDown(0.5).text(`Catatan: ${order.note}`);
      return;
    }
    table(
      doc,
      [
        { title: 'Barang', width: 215 },
        { title: 'Jml', width: 40, align: 'right' },
        { title: 'Harga', width: 85, align: 'right' },
        { title: 'Diskon', width: 75, align: 'right' },
        { title: 'Jumlah', width: 100, align: 'right' },
      ],
      order.lines.map((l) => [l.name, String(l.quantity), formatRupiah(l.unitPrice), l.discount ? formatRupiah(-l.discount) : '', formatRupiah(l.total)]),
    );
    doc.moveDown(0.5);
    const totals: [string, string][] = [['Subtotal', formatRupiah(order.subtotal)]];
    if (order.discount) totals.push(['Diskon', formatRupiah(-order.discount)]);
    if (branch.pkp) totals.push(['PPN (termasuk)', formatRupiah(order.ppn)]);
    if (order.shippingFee) totals.push(['Ongkos kirim', formatRupiah(order.shippingFee)]);
    totals.push(['TOTAL', formatRupiah(order.total)], ['Dibayar', formatRupiah(order.paid)], ['Sisa tagihan', formatRupiah(Math.max(0, order.total - order.paid))]);
    const x = doc.page.width - doc.page.margins.right - 220;
    for (const [label, value] of totals) {
      const y = doc.y;
      doc.font(label === 'TOTAL' ? 'Helvetica-Bold' : 'Helvetica').text(label, x, y, { width: 110 });
      doc.text(value, x + 110, y, { width: 110, align: 'right' });
    }
    doc.x = doc.page.margins.left;
    if (order.note) doc.moveDown().text(`Catatan: ${order.note}`);
  });
}
