import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import { useEffect, useState } from 'react';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';

/** Which receipt: a sale's (POS) or a bill payment's; both are rendered by the core's one receipt layout. */
type ReceiptFrameProps = { reprint?: boolean; height?: number } & (
  { saleId: string; paymentId?: never } | { paymentId: string; saleId?: never }
);

async function renderHtml(
  saleId: string | undefined,
  paymentId: string | undefined,
  reprint: boolean,
): Promise<string | null> {
  const result =
    paymentId !== undefined
      ? await call('billing.payments.receiptView', { id: paymentId, reprint })
      : saleId !== undefined
        ? await call('pos.receipts.render', { saleId, reprint })
        : null;
  return result?.ok ? result.data.html : null;
}

/**
 * The receipt exactly as the core renders it, in a frame with every permission taken away
 * (`sandbox=""`: no scripts, no forms, its own opaque origin): it is a document, not part of the app.
 */
export function ReceiptFrame({ saleId, paymentId, reprint = false, height = 520 }: ReceiptFrameProps) {
  const t = useT();
  const key = `${saleId ?? paymentId}:${reprint}`;
  const [html, setHtml] = useState<{ key: string; html: string } | null>(null);

  useEffect(() => {
    let live = true;
    void renderHtml(saleId, paymentId, reprint).then((rendered) => {
      if (live && rendered !== null) setHtml({ key: `${saleId ?? paymentId}:${reprint}`, html: rendered });
    });
    return () => {
      live = false;
    };
  }, [saleId, paymentId, reprint]);

  if (!html || html.key !== key) {
    return <Skeleton variant="rectangular" height={height} sx={{ borderRadius: 1 }} />;
  }
  return (
    <Box
      component="iframe"
      title={t('receipt.frameTitle')}
      sandbox=""
      srcDoc={html.html}
      data-testid="receipt-frame"
      sx={{ display: 'block', width: '100%', height, border: 0, borderRadius: 1, bgcolor: '#d9d9d6' }}
    />
  );
}
