import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import type { Permission } from '../../../../shared/domain/permissions';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { hasErrors, validate } from '../../app/validation';
import { PermissionChecklist } from './PermissionChecklist';
import { roleLabel } from './role-label';
import { useUsersStore } from './users-store';

const FORM = ['name', 'permissions'] as const;

type RoleDialogProps = { role: Role | null; canManage: boolean; onClose(): void };

/**
 * Creates a custom role (`role` null) or edits one. The owner role is read-only; default roles keep
 * their name but their permissions may change.
 */
export function RoleDialog({ role, canManage, onClose }: RoleDialogProps) {
  const t = useT();
  const createRole = useUsersStore((state) => state.createRole);
  const updateRole = useUsersStore((state) => state.updateRole);
  const [name, setName] = useState(role ? roleLabel(t, role) : '');
  const [permissions, setPermissions] = useState<Permission[]>(
    role ? [...role.permissions] : ['dashboard.view'],
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const isOwner = role?.key === 'owner';
  const editable = canManage && !isOwner;
  const nameEditable = editable && !role?.system;
  const title = !role
    ? t('roles.createTitle')
    : editable
      ? t('roles.editTitle', { name: roleLabel(t, role) })
      : t('roles.viewTitle', { name: roleLabel(t, role) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editable) return onClose();
    const found = validate(t, {
      name: [
        name,
        (value) =>
          !nameEditable || (value.trim().length >= 2 && value.trim().length <= 40)
            ? null
            : 'validation.roleName',
      ],
    });
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    const result = role
      ? await updateRole(
          { id: role.id, permissions, ...(nameEditable && name.trim() !== role.name ? { name } : {}) },
          FORM,
        )
      : await createRole({ name, permissions }, FORM);
    setBusy(false);
    if (result.ok) {
      notify(t('roles.saved', { name: roleLabel(t, result.data) }), 'success');
      onClose();
    } else {
      setErrors(result.fields);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth data-testid="role-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {isOwner ? <Alert severity="info">{t('roles.ownerReadOnly')}</Alert> : null}
            {!isOwner && role?.system && canManage ? (
              <Alert severity="info">{t('roles.defaultNoRename')}</Alert>
            ) : null}
            <TextField
              label={t('roles.field.name')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              disabled={!nameEditable}
              error={Boolean(errors.name)}
              helperText={errors.name}
              autoFocus={nameEditable}
              slotProps={{ htmlInput: { 'data-testid': 'role-name', maxLength: 40 } }}
            />
            <PermissionChecklist value={permissions} disabled={!editable} onChange={setPermissions} />
            {errors.permissions ? <Alert severity="error">{errors.permissions}</Alert> : null}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {editable ? t('common.cancel') : t('common.close')}
          </Button>
          {editable ? (
            <Button type="submit" variant="contained" disabled={busy} data-testid="role-submit">
              {t('common.save')}
            </Button>
          ) : null}
        </DialogActions>
      </form>
    </Dialog>
  );
}
