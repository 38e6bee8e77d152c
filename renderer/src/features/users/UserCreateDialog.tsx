import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { PasswordField } from '../../app/components/PasswordField';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { hasErrors, passwordRule, required, usernameRule, validate } from '../../app/validation';
import { roleLabel } from './role-label';
import { useUsersStore } from './users-store';

const FORM = ['username', 'name', 'password', 'roleId'] as const;

/** Rendered only while open: every opening starts empty. Escape or Cancel closes it. */
export function UserCreateDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const roles = useUsersStore((state) => state.roles);
  const createUser = useUsersStore((state) => state.createUser);
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [roleId, setRoleId] = useState(
    () => (roles.find((role) => role.key === 'cashier') ?? roles[0])?.id ?? '',
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(t, {
      username: [username, required, usernameRule],
      name: [name, required],
      password: [password, required, passwordRule],
      roleId: [roleId, required],
    });
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    const result = await createUser({ username, name, password, roleId }, FORM);
    setBusy(false);
    if (result.ok) {
      notify(t('users.created', { username: result.data.username }), 'success');
      onClose();
    } else {
      setErrors(result.fields);
    }
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="xs"
      fullWidth
      data-testid="user-create-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('users.createTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t('users.field.username')}
              value={username}
              onChange={(event) => setUsername(event.target.value.toLowerCase())}
              error={Boolean(errors.username)}
              helperText={errors.username ?? t('validation.username')}
              autoFocus
              autoComplete="off"
              slotProps={{
                htmlInput: {
                  'data-testid': 'user-create-username',
                  autoCapitalize: 'none',
                  spellCheck: false,
                  maxLength: 32,
                },
              }}
            />
            <TextField
              label={t('users.field.name')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={Boolean(errors.name)}
              helperText={errors.name}
              autoComplete="off"
              slotProps={{ htmlInput: { 'data-testid': 'user-create-name', maxLength: 80 } }}
            />
            <PasswordField
              label={t('users.field.password')}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={Boolean(errors.password)}
              helperText={errors.password ?? t('users.field.passwordHelp')}
              autoComplete="new-password"
              testId="user-create-password"
            />
            <TextField
              select
              label={t('users.field.role')}
              value={roleId}
              onChange={(event) => setRoleId(event.target.value)}
              error={Boolean(errors.roleId)}
              helperText={errors.roleId}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'user-create-role' } }}
            >
              {roles.map((role) => (
                <option key={role.id} value={role.id}>
                  {roleLabel(t, role)}
                </option>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="user-create-submit">
            {t('common.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
