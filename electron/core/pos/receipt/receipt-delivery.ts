import { join } from 'node:path';
import { AppError } from '../../platform/errors';
import { saveReceiptFile, sendToPrinter } from './network-printer';

export type ReceiptDelivery = {
  /** The app's data folder: receipts without a printer go to `<dataDir>/receipts/<name>.bin`. */
  dataDir: string;
  /** The branch's printer (settings receiptPrinter, host:port); empty when it has none. */
  printer: string;
  /** The document number the file is named after ("/" becomes "-"). */
  name: string;
  bytes: Uint8Array;
  /** Save to the receipts folder even when the branch has a printer. */
  toFile: boolean;
};

/**
 * Prints ESC/POS bytes on the branch's network printer (TCP 9100), or saves them to the receipts
 * folder when asked or when there is no printer. Answers where they went: the printer's address
 * or the file's path. A printer that cannot be reached is an error the cashier can act on.
 */
export async function deliverReceipt({
  dataDir,
  printer,
  name,
  bytes,
  toFile,
}: ReceiptDelivery): Promise<string> {
  if (toFile || printer.trim() === '') return saveReceiptFile(join(dataDir, 'receipts'), name, bytes);
  try {
    await sendToPrinter(printer, bytes, { timeoutMs: 5000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('INTERNAL', {
      id: `Printer ${printer} tidak bisa dihubungi: ${reason}. Struk bisa disimpan ke berkas.`,
      en: `Printer ${printer} cannot be reached: ${reason}. The receipt can be saved to a file.`,
    });
  }
  return printer;
}
