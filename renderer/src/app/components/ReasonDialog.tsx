import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/use-t';

type ReasonDialogProps = {
  title: string;
  body: string;
  label: string;
  confirmLabel: string;
  danger?: boolean;
  testId: string;
  /** Resolves true when done (the dialog closes), false to stay open. */
  onConfirm(reason: string): Promise<boolean>;
  onClose(): void;
};

/** Asks why before something that stays on the record (a void, a review): 3–300 characters. */
export function ReasonDialog({
  title,
  body,
  label,
  confirmLabel,
  danger,
  testId,
  onConfirm,
  onClose,
}: ReasonDialogProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setError(t('validation.reason'));
      return;
    }
    setBusy(true);
    const done = await onConfirm(reason.trim());
    setBusy(false);
    if (done) onClose();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth data-testid={testId}>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{body}</DialogContentText>
          <TextField
            label={label}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setError(undefined);
            }}
            error={Boolean(error)}
            helperText={error}
            autoFocus
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 300, 'data-testid': `${testId}-reason` } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            color={danger ? 'error' : 'primary'}
            disabled={busy}
            data-testid={`${testId}-confirm`}
          >
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
