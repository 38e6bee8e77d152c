import { base64ToBlob, downloadBlob, PDF_TYPE } from '../../app/download';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';

/** Downloads an invoice's PDF; false when the core refused (the error is already shown). */
export async function downloadInvoicePdf(id: string): Promise<boolean> {
  const result = await call('billing.invoices.pdf', { id });
  if (!result.ok) return false;
  downloadBlob(result.data.fileName, base64ToBlob(result.data.pdfBase64, PDF_TYPE));
  return true;
}

/** Downloads a payment's receipt PDF. */
export async function downloadReceipt(id: string): Promise<boolean> {
  const result = await call('billing.payments.receipt', { id });
  if (!result.ok) return false;
  downloadBlob(result.data.fileName, base64ToBlob(result.data.pdfBase64, PDF_TYPE));
  return true;
}

/**
 * Prints a payment's thermal receipt on the branch printer, or saves it to the receipts folder
 * when asked (or when the branch has no printer). Says where it went; false when it failed (the
 * error, e.g. a printer that cannot be reached, is already shown).
 */
export async function printPaymentReceipt(
  id: string,
  options: { reprint: boolean; toFile: boolean },
  done: (destination: string) => string,
): Promise<boolean> {
  const result = await call('billing.payments.print', { id, ...options });
  if (result.ok) notify(done(result.data.destination), 'success');
  return result.ok;
}

/** This month as 'YYYY-MM' in the branch's time zone. */
export function currentPeriod(timeZone: string, now = Date.now()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}
