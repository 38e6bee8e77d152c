import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useCartStore } from './cart-store';
import { usePosStore } from './pos-store';

/** F8: the cart goes aside under a label (a name, a table) and the till is free for the next customer. */
export function HoldCartDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const format = useFormat();
  const customer = useCartStore((state) => state.customer);
  const [label, setLabel] = useState(
    () => customer?.name ?? t('pos.held.defaultLabel', { time: format.time(Date.now()) }),
  );
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (label.trim() === '') {
      setError(t('validation.required'));
      return;
    }
    setBusy(true);
    const cart = useCartStore.getState().snapshot();
    const result = await call('pos.carts.hold', { label: label.trim(), cart }, { form: ['label'] });
    setBusy(false);
    if (!result.ok) {
      setError(result.fields.label);
      return;
    }
    useCartStore.getState().clear();
    void usePosStore.getState().refreshHeldCount();
    notify(t('pos.held.done', { label: result.data.label }), 'success');
    onClose();
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="xs"
      fullWidth
      disableRestoreFocus
      data-testid="pos-hold-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('pos.held.holdTitle')}</DialogTitle>
        <DialogContent>
          <TextField
            label={t('pos.held.label')}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            error={Boolean(error)}
            helperText={error ?? t('pos.held.labelHelp')}
            autoFocus
            onFocus={(event) => event.target.select()}
            sx={{ mt: 1 }}
            slotProps={{ htmlInput: { 'data-testid': 'pos-hold-label', maxLength: 60 } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="pos-hold-submit">
            {t('pos.cart.hold')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
