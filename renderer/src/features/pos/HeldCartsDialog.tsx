import PauseCircleOutlineIcon from '@mui/icons-material/PauseCircleOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { HeldCartPayload, useCartStore } from './cart-store';
import { memberPricesFor } from './customers';
import { usePosStore } from './pos-store';

type Held = ChannelOutput<'pos.carts.list'>[number];

/** The carts put aside at this till; taking one back needs an empty cart first. */
export function HeldCartsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const format = useFormat();
  const busyCart = useCartStore((state) => state.lines.length > 0);
  const [held, setHeld] = useState<Held[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call('pos.carts.list', {}).then((result) => {
      if (live) setHeld(result.ok ? result.data : []);
    });
    return () => {
      live = false;
    };
  }, []);

  const recall = async (cart: Held) => {
    setBusy(true);
    const result = await call('pos.carts.recall', { id: cart.id });
    setBusy(false);
    void usePosStore.getState().refreshHeldCount();
    if (!result.ok) return;
    const payload = HeldCartPayload.safeParse(result.data.cart);
    if (!payload.success) {
      notify(t('pos.held.unreadable', { label: result.data.label }), 'error');
      return;
    }
    useCartStore.getState().restore(payload.data);
    notify(t('pos.held.recalled', { label: result.data.label }), 'success');
    onClose();
    const customer = payload.data.customer;
    if (customer) {
      const prices = await memberPricesFor(customer.groupId);
      if (useCartStore.getState().customer?.id === customer.id)
        useCartStore.getState().setCustomer(customer, prices);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth disableRestoreFocus data-testid="pos-held-dialog">
      <DialogTitle>{t('pos.held.title')}</DialogTitle>
      <DialogContent>
        {held === null || busy ? <LinearProgress /> : null}
        {busyCart ? (
          <Alert severity="info" sx={{ mb: 1 }}>
            {t('pos.held.cartNotEmpty')}
          </Alert>
        ) : null}
        {held !== null && held.length === 0 ? (
          <EmptyState icon={<PauseCircleOutlineIcon />} title={t('pos.held.empty')} testId="pos-held-empty" />
        ) : null}
        <List dense>
          {(held ?? []).map((cart) => {
            const parsed = HeldCartPayload.safeParse(cart.cart);
            const lines = parsed.success ? parsed.data.lines : [];
            const total = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
            return (
              <ListItem
                key={cart.id}
                divider
                data-testid={`pos-held-${cart.label}`}
                secondaryAction={
                  <Button
                    variant="contained"
                    size="small"
                    disabled={busy || busyCart}
                    onClick={() => void recall(cart)}
                    data-testid={`pos-held-recall-${cart.label}`}
                  >
                    {t('pos.held.recall')}
                  </Button>
                }
              >
                <ListItemText
                  primary={cart.label}
                  secondary={`${format.dateTime(cart.createdAt)} · ${t('pos.cart.count', {
                    count: lines.reduce((sum, line) => sum + line.quantity, 0),
                  })} · ${format.rupiah(total)}`}
                  slotProps={{ primary: { sx: { fontWeight: 650 } } }}
                />
              </ListItem>
            );
          })}
        </List>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
