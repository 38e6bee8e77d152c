import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useT } from '../../app/i18n/use-t';
import { downloadReceipt, printPaymentReceipt } from './billing-files';

/**
 * Print (thermal printer), save the printer file, download the PDF. Once a copy has gone to the
 * printer, the next one is marked CETAK ULANG / REPRINT (from the start when `reprint`).
 */
export function PaymentReceiptButtons({
  paymentId,
  reprint = false,
}: {
  paymentId: string;
  reprint?: boolean;
}) {
  const t = useT();
  const [busy, setBusy] = useState<'print' | 'file' | 'pdf' | null>(null);
  const [printed, setPrinted] = useState(reprint);

  const print = async (toFile: boolean) => {
    setBusy(toFile ? 'file' : 'print');
    const ok = await printPaymentReceipt(paymentId, { reprint: printed, toFile }, (destination) =>
      t('receipt.printed', { destination }),
    );
    setBusy(null);
    if (ok && !toFile) setPrinted(true);
  };
  const pdf = async () => {
    setBusy('pdf');
    await downloadReceipt(paymentId);
    setBusy(null);
  };

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Button
        variant="outlined"
        startIcon={<PrintIcon />}
        onClick={() => void print(false)}
        loading={busy === 'print'}
        disabled={busy !== null}
        data-testid="pay-print"
      >
        {printed ? t('billing.receipt.reprint') : t('receipt.print')}
      </Button>
      <Button
        startIcon={<SaveAltIcon />}
        onClick={() => void print(true)}
        loading={busy === 'file'}
        disabled={busy !== null}
        data-testid="pay-print-file"
      >
        {t('receipt.toFile')}
      </Button>
      <Button
        startIcon={<PictureAsPdfIcon />}
        onClick={() => void pdf()}
        loading={busy === 'pdf'}
        disabled={busy !== null}
        data-testid="pay-receipt"
      >
        {t('billing.pay.receipt')}
      </Button>
    </Stack>
  );
}
