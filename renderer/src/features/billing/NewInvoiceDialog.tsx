import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { AmountRow } from '../../app/components/AmountRow';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { testId } from '../../app/test-id';
import { useLoader } from '../../app/use-loader';
import { useSettingsStore } from '../settings/settings-store';
import { CustomerSearch, type PickedCustomer } from './CustomerSearch';
import { blankItem, previewTotals, type ItemDraft } from './new-invoice-lines';
import { NewInvoiceItemRow } from './NewInvoiceItemRow';

const MAX_LINES = 50;

/**
 * A one-off invoice (installation, a device, a visit): a customer, lines, a live total with PPN
 * priced as the core prices it, issued now or saved as a draft (by default as the branch's issue
 * mode says). Enter in the last line's amount adds a line; Ctrl+Enter saves.
 */
export function NewInvoiceDialog({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated(invoiceId: string): void;
}) {
  const t = useT();
  const format = useFormat();
  const settings = useSettingsStore((state) => state.settings);
  const { data: billingSettings } = useLoader('new-invoice-billing-settings', async () => {
    const answer = await call('billing.settings.get', {}, { quiet: true });
    return answer.ok ? answer.data : null;
  });
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [items, setItems] = useState<ItemDraft[]>(() => [blankItem()]);
  const [notes, setNotes] = useState('');
  const [draftChoice, setDraftChoice] = useState<boolean | null>(null);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const draft = draftChoice ?? billingSettings?.issueMode === 'draft';
  const pkp = settings?.pkp ?? false;
  const { totals, gross } = previewTotals(items, settings);

  const change = (key: number, patch: Partial<ItemDraft>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  };
  const addLine = () => {
    if (items.length >= MAX_LINES) return;
    const item = blankItem();
    setItems((current) => [...current, item]);
    setFocusKey(item.key);
  };
  const removeLine = (key: number) => {
    setItems((current) => (current.length > 1 ? current.filter((item) => item.key !== key) : current));
    // Errors are named by line index: they would point at the wrong line once one is gone.
    setErrors(({ customerId, notes: notesError }) => ({
      ...(customerId ? { customerId } : {}),
      ...(notesError ? { notes: notesError } : {}),
    }));
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const problems: FieldErrors = {};
    if (!customer) problems.customerId = t('billing.charge.pickCustomer');
    items.forEach((item, index) => {
      if (!item.description.trim()) problems[`items.${index}.description`] = t('validation.required');
      if (!item.amount) problems[`items.${index}.amount`] = t('validation.positive');
    });
    if (Object.keys(problems).length === 0 && totals.total <= 0) {
      problems.items = t('billing.new.totalPositive');
    }
    if (!customer || Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    const form = ['customerId', 'items', 'notes', 'draft'];
    items.forEach((_item, index) => {
      for (const name of ['description', 'amount', 'kind', 'taxMode']) form.push(`items.${index}.${name}`);
    });
    setBusy(true);
    const result = await call(
      'billing.invoices.create',
      {
        customerId: customer.id,
        items: items.map((item) => ({
          description: item.description.trim(),
          kind: item.kind,
          amount: item.amount ?? 0,
          taxMode: item.taxMode,
        })),
        notes: notes.trim(),
        draft,
      },
      { form },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(
      t(result.data.status === 'draft' ? 'billing.new.draftCreated' : 'billing.new.created', {
        number: result.data.number,
      }),
      'success',
    );
    onCreated(result.data.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void submit();
      return;
    }
    // A plain Enter in a field never saves the invoice by accident (only Ctrl+Enter or the button do).
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT') event.preventDefault();
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      data-testid="new-invoice-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
        <DialogTitle>{t('billing.new.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {customer ? (
              <Typography sx={{ fontWeight: 700 }} data-testid="new-invoice-customer">
                {customer.name} · {customer.code}{' '}
                <Button size="small" onClick={() => setCustomer(null)} disabled={busy}>
                  {t('billing.pay.changeCustomer')}
                </Button>
              </Typography>
            ) : (
              <Box>
                <CustomerSearch
                  onPick={(picked) => {
                    setCustomer(picked);
                    setErrors(({ customerId: _dropped, ...rest }) => rest);
                    setFocusKey(items[0]?.key ?? null);
                  }}
                  testId="new-invoice-customer-search"
                />
                {errors.customerId ? (
                  <Typography variant="caption" color="error" data-testid="new-invoice-customer-error">
                    {errors.customerId}
                  </Typography>
                ) : null}
              </Box>
            )}

            <Divider />
            <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
              {t('billing.new.lines')}
            </Typography>
            <Stack spacing={1.5}>
              {items.map((item, index) => (
                <NewInvoiceItemRow
                  key={item.key}
                  item={item}
                  index={index}
                  errors={errors}
                  pkp={pkp}
                  gross={gross[index] ?? null}
                  isLast={index === items.length - 1}
                  canRemove={items.length > 1 && !busy}
                  autoFocus={item.key === focusKey}
                  onChange={(patch) => change(item.key, patch)}
                  onRemove={() => removeLine(item.key)}
                  onAddLine={addLine}
                />
              ))}
            </Stack>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
              <Button
                size="small"
                startIcon={<AddIcon />}
                onClick={addLine}
                disabled={items.length >= MAX_LINES || busy}
                data-testid="new-invoice-add-line"
              >
                {t('billing.new.addLine')}
              </Button>
              <Typography variant="caption" color="text.secondary">
                {t('billing.new.keys')}
              </Typography>
            </Box>
            {errors.items ? (
              <Typography variant="body2" color="error" data-testid="new-invoice-items-error">
                {errors.items}
              </Typography>
            ) : null}

            <Box sx={{ display: 'flex', gap: 3, alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <TextField
                size="small"
                multiline
                minRows={2}
                label={t('billing.new.notes')}
                value={notes}
                onChange={(event) => setNotes(event.target.value)}
                error={Boolean(errors.notes)}
                helperText={errors.notes}
                sx={{ flex: 1, minWidth: 240 }}
                slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'new-invoice-notes' } }}
              />
              <Stack spacing={0.5} sx={{ width: 300, ml: 'auto' }} data-testid="new-invoice-totals">
                <AmountRow label={t('billing.subtotal')} value={format.rupiah(totals.subtotal)} />
                {totals.discount ? (
                  <AmountRow label={t('billing.discount')} value={`−${format.rupiah(totals.discount)}`} />
                ) : null}
                {pkp ? (
                  <AmountRow
                    label={t('billing.ppn')}
                    value={format.rupiah(totals.ppn)}
                    testId="new-invoice-ppn"
                  />
                ) : null}
                <AmountRow
                  label={t('billing.total')}
                  value={totals.total < 0 ? `−${format.rupiah(-totals.total)}` : format.rupiah(totals.total)}
                  strong
                  testId="new-invoice-total"
                />
                <Typography variant="caption" color="text.secondary">
                  {pkp
                    ? t('billing.new.ppnRate', {
                        rate: String(settings?.ppnRatePercent ?? 0).replace('.', ','),
                      })
                    : t('billing.new.noPpn')}
                </Typography>
              </Stack>
            </Box>

            <Box>
              <FormControlLabel
                control={
                  <Checkbox
                    checked={draft}
                    onChange={(event) => setDraftChoice(event.target.checked)}
                    slotProps={{ input: testId('new-invoice-draft') }}
                  />
                }
                label={t('billing.new.draft')}
              />
              <Typography variant="caption" color="text.secondary" component="div">
                {draft ? t('billing.new.draftHint') : t('billing.new.issueHint')}
              </Typography>
            </Box>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="new-invoice-submit">
            {draft ? t('billing.new.submitDraft') : t('billing.new.submitIssue')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
