import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { PasswordField } from '../../app/components/PasswordField';
import { useT } from '../../app/i18n/use-t';
import { hasErrors, passwordRule, required, validate } from '../../app/validation';
import { changeOwnPassword } from './session-actions';

type ChangePasswordFormProps = { onClose(): void };

/** The fields of the change-password dialog; Enter submits, the dialog closes on success. */
export function ChangePasswordForm({ onClose }: ChangePasswordFormProps) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(t, {
      currentPassword: [current, required],
      newPassword: [next, required, passwordRule],
      confirm: [confirm, (value) => (value === next ? null : 'validation.passwordMismatch')],
    });
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    const result = await changeOwnPassword(current, next);
    setBusy(false);
    if (result.ok) onClose();
    else setErrors(result.fields);
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <DialogTitle>{t('password.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <PasswordField
            label={t('password.current')}
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            error={Boolean(errors.currentPassword)}
            helperText={errors.currentPassword}
            autoComplete="current-password"
            autoFocus
            testId="password-current"
          />
          <PasswordField
            label={t('password.new')}
            value={next}
            onChange={(event) => setNext(event.target.value)}
            error={Boolean(errors.newPassword)}
            helperText={errors.newPassword ?? t('setup.passwordHelp')}
            autoComplete="new-password"
            testId="password-new"
          />
          <PasswordField
            label={t('password.confirm')}
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
            error={Boolean(errors.confirm)}
            helperText={errors.confirm}
            autoComplete="new-password"
            testId="password-confirm"
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="contained" disabled={busy} data-testid="password-submit">
          {t('common.save')}
        </Button>
      </DialogActions>
    </form>
  );
}
