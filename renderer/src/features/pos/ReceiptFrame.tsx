import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import { useEffect, useState } from 'react';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';

type ReceiptFrameProps = { saleId: string; reprint?: boolean; height?: number };

/**
 * The receipt exactly as the core renders it, in a frame with every permission taken away
 * (`sandbox=""`: no scripts, no forms, its own opaque origin): it is a document, not part of the app.
 */
export function ReceiptFrame({ saleId, reprint = false, height = 520 }: ReceiptFrameProps) {
  const t = useT();
  const [html, setHtml] = useState<{ saleId: string; reprint: boolean; html: string } | null>(null);

  useEffect(() => {
    let live = true;
    void call('pos.receipts.render', { saleId, reprint }).then((result) => {
      if (live && result.ok) setHtml({ saleId, reprint, html: result.data.html });
    });
    return () => {
      live = false;
    };
  }, [saleId, reprint]);

  if (!html || html.saleId !== saleId || html.reprint !== reprint) {
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
