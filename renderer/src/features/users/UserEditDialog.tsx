import LockOpenIcon from '@mui/icons-material/LockOpen';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { ChannelInput, User } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { PasswordField } from '../../app/components/PasswordField';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useFormat } from '../../app/use-format';
import { hasErrors, optionalPasswordRule, required, validate } from '../../app/validation';
import { useSessionStore } from '../session/session-store';
import { roleLabel } from './role-label';
import { isLocked } from './user-status';
import { useUsersStore } from './users-store';

const FORM = ['name', 'roleId', 'password', 'disabled'] as const;

type UserEditDialogProps = { user: User; onClose(): void };

/** Name, role, password reset, enable/disable and unlock, sent as one `users.update` with only what changed. */
export function UserEditDialog({ user, onClose }: UserEditDialogProps) {
  const t = useT();
  const format = useFormat();
  const roles = useUsersStore((state) => state.roles);
  const updateUser = useUsersStore((state) => state.updateUser);
  const isMe = useSessionStore((state) => state.user?.id === user.id);
  const [name, setName] = useState(user.name);
  const [roleId, setRoleId] = useState(user.roleId);
  const [password, setPassword] = useState('');
  const [enabled, setEnabled] = useState(!user.disabled);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const locked = isLocked(user);

  const save = async (unlock: boolean) => {
    const found = validate(t, { name: [name, required], password: [password, optionalPasswordRule] });
    setErrors(found);
    if (hasErrors(found)) return;
    const patch: ChannelInput<'users.update'> = { id: user.id };
    if (name.trim() !== user.name) patch.name = name;
    if (roleId !== user.roleId) patch.roleId = roleId;
    if (password !== '') patch.password = password;
    if (enabled === user.disabled) patch.disabled = !enabled;
    if (unlock) patch.unlock = true;
    if (Object.keys(patch).length === 1) return onClose();
    setBusy(true);
    const result = await updateUser(patch, FORM);
    setBusy(false);
    if (result.ok) {
      notify(t('users.updated', { username: user.username }), 'success');
      onClose();
    } else {
      setErrors(result.fields);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth data-testid="user-edit-dialog">
      <form noValidate onSubmit={submit}>
        <DialogTitle>{t('users.editTitle', { username: user.username })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {locked && user.lockedUntil !== null ? (
              <Alert
                severity="warning"
                action={
                  <Button
                    color="inherit"
                    size="small"
                    startIcon={<LockOpenIcon />}
                    onClick={() => void save(true)}
                    disabled={busy}
                    data-testid="user-unlock"
                  >
                    {t('users.unlock')}
                  </Button>
                }
              >
                {t('users.lockedUntil', { time: format.dateTime(user.lockedUntil) })}
              </Alert>
            ) : null}
            <TextField
              label={t('users.field.name')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={Boolean(errors.name)}
              helperText={errors.name}
              autoFocus
              slotProps={{ htmlInput: { 'data-testid': 'user-edit-name', maxLength: 80 } }}
            />
            <TextField
              select
              label={t('users.field.role')}
              value={roleId}
              onChange={(event) => setRoleId(event.target.value)}
              error={Boolean(errors.roleId)}
              helperText={errors.roleId}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'user-edit-role' } }}
            >
              {roles.map((role) => (
                <option key={role.id} value={role.id}>
                  {roleLabel(t, role)}
                </option>
              ))}
            </TextField>
            <PasswordField
              label={t('users.field.resetPassword')}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={Boolean(errors.password)}
              helperText={errors.password ?? t('users.field.resetPasswordHelp')}
              autoComplete="new-password"
              testId="user-edit-password"
            />
            <FormControlLabel
              control={
                <Switch
                  checked={enabled}
                  onChange={(event) => setEnabled(event.target.checked)}
                  disabled={isMe}
                  slotProps={{ input: testId('user-edit-enabled') }}
                />
              }
              label={t('users.field.enabled')}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="user-edit-submit">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
