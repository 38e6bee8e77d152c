import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useInventoryStore } from './inventory-store';

type Category = ChannelOutput<'catalog.categories.create'>;

/** A new product category; the caller may select it right away. */
export function CategoryDialog({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated?(category: Category): void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!name.trim()) {
      setError(t('validation.required'));
      return;
    }
    setBusy(true);
    const result = await call('catalog.categories.create', { name: name.trim() }, { form: ['name'] });
    setBusy(false);
    if (!result.ok) {
      setError(result.fields.name);
      return;
    }
    await useInventoryStore.getState().loadCategories();
    notify(t('categories.created', { name: result.data.name }), 'success');
    onCreated?.(result.data);
    onClose();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth data-testid="category-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('products.addCategory')}</DialogTitle>
        <DialogContent>
          <TextField
            label={t('categories.name')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={Boolean(error)}
            helperText={error}
            autoFocus
            sx={{ mt: 1 }}
            slotProps={{ htmlInput: { maxLength: 60, 'data-testid': 'category-name' } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="category-submit">
            {t('common.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
