import AddShoppingCartIcon from '@mui/icons-material/AddShoppingCart';
import PrintIcon from '@mui/icons-material/Print';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Sale } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { methodLabel } from './payment-methods';
import { ReceiptFrame } from './ReceiptFrame';

/** Sends a sale's receipt to the branch printer, or to a file when asked (or when there is no printer). */
export async function printReceipt(
  saleId: string,
  reprint: boolean,
  toFile: boolean,
  done: (destination: string) => string,
) {
  const result = await call('pos.receipts.print', { saleId, reprint, toFile });
  if (result.ok) notify(done(result.data.destination), 'success');
  return result.ok;
}

/** After payment: the change, big; the receipt; print; Enter starts the next sale. */
export function ReceiptDialog({ sale, onNewSale }: { sale: Sale; onNewSale(): void }) {
  const t = useT();
  const format = useFormat();
  const [printing, setPrinting] = useState(false);

  const print = async (toFile: boolean) => {
    setPrinting(true);
    await printReceipt(sale.id, false, toFile, (destination) => t('receipt.printed', { destination }));
    setPrinting(false);
  };

  return (
    <Dialog
      open
      onClose={onNewSale}
      maxWidth="md"
      fullWidth
      disableRestoreFocus
      data-testid="pos-receipt-dialog"
    >
      <DialogContent>
        <Box
          sx={{
            display: 'grid',
            gap: 3,
            gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
            alignItems: 'start',
          }}
        >
          <Stack spacing={2}>
            <Box>
              <Typography variant="overline" color="text.secondary">
                {t('receipt.done', { number: sale.number })}
              </Typography>
              <Typography variant="subtitle1" color="text.secondary" sx={{ mt: 1 }}>
                {t('receipt.change')}
              </Typography>
              <Typography
                sx={{
                  fontSize: 56,
                  fontWeight: 800,
                  lineHeight: 1.1,
                  color: 'success.main',
                  fontVariantNumeric: 'tabular-nums',
                }}
                data-testid="receipt-change"
              >
                {format.rupiah(sale.change)}
              </Typography>
            </Box>
            <Stack spacing={0.75}>
              <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
                <Typography color="text.secondary">{t('receipt.total')}</Typography>
                <Typography sx={{ fontWeight: 700 }} data-testid="receipt-total">
                  {format.rupiah(sale.amountDue)}
                </Typography>
              </Box>
              <Box sx={{ display: 'flex', justifyContent: 'space-between' }}>
                <Typography color="text.secondary">{t('receipt.paid')}</Typography>
                <Typography sx={{ fontWeight: 700 }}>{format.rupiah(sale.paid)}</Typography>
              </Box>
              <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', pt: 0.5 }}>
                {sale.payments.map((payment, index) => (
                  <Chip
                    key={`${payment.method}-${index}`}
                    size="small"
                    label={`${t(methodLabel(payment.method))} ${format.rupiah(payment.amount)}`}
                  />
                ))}
              </Box>
            </Stack>
            <Stack direction="row" spacing={1}>
              <Button
                variant="outlined"
                startIcon={<PrintIcon />}
                onClick={() => void print(false)}
                disabled={printing}
                data-testid="receipt-print"
              >
                {t('receipt.print')}
              </Button>
              <Button startIcon={<SaveAltIcon />} onClick={() => void print(true)} disabled={printing}>
                {t('receipt.toFile')}
              </Button>
            </Stack>
          </Stack>
          <ReceiptFrame saleId={sale.id} />
        </Box>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button
          variant="contained"
          size="large"
          startIcon={<AddShoppingCartIcon />}
          onClick={onNewSale}
          autoFocus
          data-testid="receipt-new-sale"
        >
          {t('receipt.newSale')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
