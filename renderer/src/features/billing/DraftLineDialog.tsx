import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { InvoiceDetail } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { MoneyField } from '../../app/components/MoneyField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';

const KINDS = ['other', 'installation', 'device', 'discount'] as const;
type Kind = (typeof KINDS)[number];
const TAX_MODES = ['included', 'excluded', 'exempt'] as const;
type TaxMode = (typeof TAX_MODES)[number];

/** A line added to a draft invoice (a discount, typed positive, lowers it). */
export function DraftLineDialog({
  invoice,
  onClose,
  onDone,
}: {
  invoice: Pick<InvoiceDetail, 'id' | 'number'>;
  onClose(): void;
  onDone(): void;
}) {
  const t = useT();
  const [kind, setKind] = useState<Kind>('other');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [taxMode, setTaxMode] = useState<TaxMode>('included');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!description.trim()) problems.description = t('validation.required');
    if (!amount) problems.amount = t('validation.positive');
    if (!amount || Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    const result = await call(
      'billing.invoices.lines.add',
      { invoiceId: invoice.id, kind, description: description.trim(), amount, taxMode },
      { form: ['description', 'amount', 'kind', 'taxMode'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('billing.draft.lineAdded'), 'success');
    onDone();
    onClose();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="draft-line-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>
          {t('billing.draft.addLine')} · {invoice.number}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              select
              label={t('billing.col.kind')}
              value={kind}
              onChange={(event) => setKind(event.target.value as Kind)}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'draft-line-kind' },
              }}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`billing.kind.${k}`)}
                </option>
              ))}
            </TextField>
            <TextField
              autoFocus
              label={t('billing.col.description')}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              error={Boolean(errors.description)}
              helperText={errors.description}
              slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'draft-line-description' } }}
            />
            <MoneyField
              label={t('billing.amount')}
              value={amount}
              onChange={setAmount}
              error={Boolean(errors.amount)}
              helperText={
                errors.amount ?? (kind === 'discount' ? t('billing.charge.discountHint') : undefined)
              }
              testId="draft-line-amount"
            />
            <TextField
              select
              label={t('billing.col.tax')}
              value={taxMode}
              onChange={(event) => setTaxMode(event.target.value as TaxMode)}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'draft-line-tax' },
              }}
            >
              {TAX_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`billing.tax.${m}`)}
                </option>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="draft-line-submit">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
