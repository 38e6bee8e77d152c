import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import type { BranchRow } from '../db/schema';
import { findBranch } from '../settings/settings.service';
import type { ReceiptData } from './receipt/receipt-data';
import { receiptEscPos } from './receipt/receipt-escpos';
import { receiptHtml } from './receipt/receipt-html';
import { deliverReceipt } from './receipt/receipt-delivery';
import { saleOut } from './sale-view';

async function receiptData(
  ctx: HandlerContext,
  branch: BranchRow,
  saleId: string,
  reprint: boolean,
  width?: 58 | 80,
): Promise<ReceiptData> {
  return {
    sale: await saleOut(ctx, saleId),
    branch: {
      name: branch.name,
      address: branch.address,
      phone: branch.phone,
      npwp: branch.npwp,
      pkp: branch.pkp === 1,
      footer: branch.receipt_footer,
      timeZone: branch.time_zone,
    },
    width: width ?? (branch.receipt_width === 80 ? 80 : 58),
    reprint,
    printedAt: ctx.clock.now(),
  };
}

export async function renderReceipt(ctx: HandlerContext, input: ParsedInput<'pos.receipts.render'>) {
  const data = await receiptData(ctx, (await findBranch(ctx.db))!, input.saleId, input.reprint, input.width);
  return {
    html: receiptHtml(data),
    escposBase64: Buffer.from(receiptEscPos(data)).toString('base64'),
    width: data.width,
  };
}

/** To the branch's network printer (ESC/POS over TCP 9100), or to a file in the data folder. */
export async function printReceipt(ctx: HandlerContext, input: ParsedInput<'pos.receipts.print'>) {
  const branch = (await findBranch(ctx.db))!;
  const data = await receiptData(ctx, branch, input.saleId, input.reprint);
  const bytes = receiptEscPos(data);
  const destination = await deliverReceipt({
    dataDir: ctx.paths.dataDir,
    printer: branch.receipt_printer,
    name: data.sale.number,
    bytes,
    toFile: input.toFile,
  });
  await ctx.audit({
    entity: 'receipt',
    entityId: input.saleId,
    before: null,
    after: { number: data.sale.number, destination, reprint: input.reprint },
  });
  return { destination, bytes: bytes.length };
}
