import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useState, type FormEvent } from 'react';
import type { InvoiceDetail } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { LineFields, type LineDraft, type LineKind } from './LineFields';

const KINDS: readonly LineKind[] = ['other', 'installation', 'device', 'discount'];

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
  const [line, setLine] = useState<LineDraft>({
    kind: 'other',
    description: '',
    amount: null,
    taxMode: 'included',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { kind, description, amount, taxMode } = line;
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
            <LineFields
              value={line}
              onChange={setLine}
              errors={errors}
              kinds={KINDS}
              testId="draft-line"
              autoFocusDescription
            />
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
