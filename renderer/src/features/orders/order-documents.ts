import { base64ToBlob, downloadBlob, PDF_TYPE } from '../../app/download';
import { call } from '../../app/errors/call';

export type OrderDocument = 'invoice' | 'packing_slip' | 'label';

/** Fetches an order's PDF from the core and hands it over as a download. */
export async function downloadOrderPdf(orderId: string, kind: OrderDocument): Promise<void> {
  const result = await call('orders.documents.pdf', { id: orderId, kind });
  if (result.ok) downloadBlob(result.data.fileName, base64ToBlob(result.data.pdfBase64, PDF_TYPE));
}
