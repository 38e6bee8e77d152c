import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { PppSecret } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { PasswordField } from '../../app/components/PasswordField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { ActiveSessions } from './ActiveSessions';
import { PppProfiles } from './PppProfiles';
import { RouterPicker } from './RouterPicker';

const SERVICES = ['pppoe', 'any', 'pptp', 'l2tp', 'ovpn', 'sstp'] as const;

function SecretDialog({
  routerId,
  secret,
  onClose,
  onSaved,
}: {
  routerId: string;
  secret: PppSecret | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const profiles = useLoader(`ppp-profiles/${routerId}`, async () => {
    const result = await call('network.ppp.profiles.list', { routerId }, { quiet: true });
    return result.ok ? result.data : null;
  });
  const [name, setName] = useState(secret?.name ?? '');
  const [password, setPassword] = useState('');
  const [profile, setProfile] = useState(secret?.profile ?? 'default');
  const [disabled, setDisabled] = useState(secret?.disabled ?? false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('validation.required');
    if (!secret && !password) found.password = t('validation.required');
    if (!profile) found.profile = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await call(
      'network.ppp.secrets.upsert',
      {
        routerId,
        name: name.trim(),
        ...(password ? { password } : {}),
        profile,
        service: SERVICES.find((entry) => entry === secret?.service) ?? 'pppoe',
        remoteAddress: secret?.remoteAddress ?? '',
        disabled,
        note: '',
      },
      { form: ['name', 'password', 'profile', 'disabled'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('ppp.saved', { name: result.data.secret.name }), 'success');
    onSaved();
    onClose();
  };

  const options = profiles.data?.map((entry) => entry.name) ?? [];
  if (profile && !options.includes(profile)) options.unshift(profile);

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth data-testid="ppp-secret-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{secret ? t('ppp.editTitle', { name: secret.name }) : t('ppp.createTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t('ppp.name')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              disabled={Boolean(secret)}
              error={Boolean(errors.name)}
              helperText={errors.name}
              autoFocus={!secret}
              slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'ppp-name' } }}
            />
            <PasswordField
              label={t('ppp.password')}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={Boolean(errors.password)}
              helperText={errors.password ?? (secret ? t('ppp.passwordKeep') : undefined)}
              autoComplete="new-password"
              testId="ppp-password"
            />
            <TextField
              select
              label={t('ppp.profile')}
              value={profile}
              onChange={(event) => setProfile(event.target.value)}
              error={Boolean(errors.profile)}
              helperText={errors.profile}
              slotProps={{ htmlInput: { 'data-testid': 'ppp-profile' } }}
            >
              {options.map((option) => (
                <MenuItem key={option} value={option}>
                  {option}
                </MenuItem>
              ))}
            </TextField>
            <FormControlLabel
              control={
                <Switch
                  checked={disabled}
                  onChange={(event) => setDisabled(event.target.checked)}
                  slotProps={{ input: testId('ppp-disabled') }}
                />
              }
              label={t('ppp.disabled')}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="ppp-submit">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function PppPanel({ routerId }: { routerId: string }) {
  const t = useT();
  const canManage = useCan('network.manage');
  const secrets = useLoader(`ppp-secrets/${routerId}`, async () => {
    const result = await call('network.ppp.secrets.list', { routerId }, { quiet: true });
    return result.ok ? result.data : null;
  });
  const active = useLoader(`ppp-active/${routerId}`, async () => {
    const result = await call('network.ppp.active.list', { routerId }, { quiet: true });
    return result.ok ? result.data : null;
  });
  const [editing, setEditing] = useState<PppSecret | 'new' | null>(null);
  const [removing, setRemoving] = useState<PppSecret | null>(null);

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 650 }}>
          {t('ppp.secrets')}
        </Typography>
        <Button onClick={secrets.reload}>{t('common.refresh')}</Button>
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setEditing('new')}
            data-testid="ppp-new"
          >
            {t('ppp.createTitle')}
          </Button>
        ) : null}
      </Box>
      <Table size="small" data-testid="ppp-secrets-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('ppp.name')}</TableCell>
            <TableCell>{t('ppp.profile')}</TableCell>
            <TableCell>{t('ppp.service')}</TableCell>
            <TableCell>{t('ppp.status')}</TableCell>
            <TableCell>{t('ppp.comment')}</TableCell>
            {canManage ? <TableCell /> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {(secrets.data ?? []).map((secret) => (
            <TableRow key={secret.name} data-testid={`ppp-secret-${secret.name}`}>
              <TableCell sx={{ fontWeight: 600 }}>{secret.name}</TableCell>
              <TableCell>{secret.profile}</TableCell>
              <TableCell>{secret.service}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {secret.disabled ? (
                  <Chip size="small" label={t('ppp.disabled')} />
                ) : (
                  <Chip size="small" color="success" variant="outlined" label={t('ppp.enabled')} />
                )}{' '}
                <Chip
                  size="small"
                  variant="outlined"
                  color={secret.managed ? 'primary' : 'default'}
                  label={secret.managed ? t('ppp.managed') : t('ppp.routerOnly')}
                />
              </TableCell>
              <TableCell>{secret.comment || '–'}</TableCell>
              {canManage ? (
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {secret.managed ? (
                    <>
                      <Tooltip title={t('common.edit')}>
                        <IconButton size="small" onClick={() => setEditing(secret)}>
                          <EditIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                      <Tooltip title={t('ppp.remove')}>
                        <IconButton size="small" color="error" onClick={() => setRemoving(secret)}>
                          <DeleteIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    </>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {secrets.data?.length === 0 ? <EmptyState title={t('ppp.empty')} /> : null}

      <ActiveSessions
        kind="ppp"
        sessions={
          active.data?.map((session) => ({
            key: session.routerItemId,
            name: session.name,
            address: session.address,
            detail: session.callerId,
            uptime: session.uptime,
          })) ?? null
        }
        labels={{
          title: 'ppp.active',
          name: 'ppp.name',
          detail: 'ppp.callerId',
          empty: 'ppp.activeEmpty',
          kickBody: 'ppp.kickBody',
        }}
        canManage={canManage}
        onReload={active.reload}
        kick={(name) => call('network.ppp.active.kick', { routerId, name })}
      />

      {editing ? (
        <SecretDialog
          routerId={routerId}
          secret={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={secrets.reload}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('ppp.removeTitle', { name: removing?.name ?? '' })}
        body={t('ppp.removeBody')}
        confirmLabel={t('ppp.remove')}
        danger
        testId="ppp-remove-dialog"
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          const result = await call('network.ppp.secrets.remove', { routerId, name: removing.name });
          if (result.ok) notify(t('network.queued', { label: result.data.label }), 'success');
          secrets.reload();
          setRemoving(null);
        }}
      />
    </Box>
  );
}

/** PPPoE secrets (Gerai's and the router's own), the sessions up now and the PPP profiles, of the selected router. */
export function PppTab() {
  return (
    <RouterPicker>
      {(routerId) => (
        <>
          <PppPanel key={routerId} routerId={routerId} />
          <Box sx={{ mt: 4 }}>
            <PppProfiles key={routerId} routerId={routerId} />
          </Box>
        </>
      )}
    </RouterPicker>
  );
}
