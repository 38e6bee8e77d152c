import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { blocksEscPos } from '../pos/receipt/receipt-escpos';
import { deliverReceipt } from '../pos/receipt/receipt-delivery';
import { blocksHtml } from '../pos/receipt/receipt-html';
import { receiptPlainText } from '../pos/receipt/receipt-text';
import { gatherPaymentReceipt } from './payment-receipt-data';
import { paymentReceiptLayout } from './payment-receipt-layout';

/** `billing.payments.receiptView`: the thermal receipt as the preview HTML and its plain text. */
export async function paymentReceiptView(
  ctx: HandlerContext,
  input: ParsedInput<'billing.payments.receiptView'>,
) {
  const { data } = await gatherPaymentReceipt(ctx, input.id, { reprint: input.reprint, width: input.width });
  const blocks = paymentReceiptLayout(data);
  return {
    html: blocksHtml(blocks, data.width, `Bukti bayar ${data.payment.number}`),
    text: receiptPlainText(blocks),
    width: data.width,
  };
}

/**
 * `billing.payments.print`: ESC/POS bytes to the branch's network printer (TCP 9100), or to
 * `<data>/receipts/<payment number>.bin` when asked or when the branch has no printer, as the POS
 * prints sales.
 */
export async function printPaymentReceipt(ctx: HandlerContext, input: ParsedInput<'billing.payments.print'>) {
  const { data, row } = await gatherPaymentReceipt(ctx, input.id, { reprint: input.reprint });
  const bytes = blocksEscPos(paymentReceiptLayout(data), data.width);
  const destination = await deliverReceipt({
    dataDir: ctx.paths.dataDir,
    printer: row.receipt_printer,
    name: data.payment.number,
    bytes,
    toFile: input.toFile,
  });
  await ctx.audit({
    entity: 'payment_receipt',
    entityId: input.id,
    before: null,
    after: { number: data.payment.number, destination, reprint: input.reprint },
  });
  return { destination, bytes: bytes.length };
}
