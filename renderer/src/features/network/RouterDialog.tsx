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
import type { Router } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { IntegerField } from '../../app/components/IntegerField';
import { PasswordField } from '../../app/components/PasswordField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useNetworkStore } from './network-store';

const HOST = /^[A-Za-z0-9.:-]+$/;
const FORM = [
  'name',
  'host',
  'port',
  'tls',
  'username',
  'password',
  'branch',
  'location',
  'notes',
  'hotspotDns',
];

/** Adds a router or changes one; an empty password on edit keeps the stored one. */
export function RouterDialog({ router, onClose }: { router: Router | null; onClose(): void }) {
  const t = useT();
  const [name, setName] = useState(router?.name ?? '');
  const [host, setHost] = useState(router?.host ?? '');
  const [port, setPort] = useState<number | null>(router?.port ?? null);
  const [tls, setTls] = useState(router?.tls ?? false);
  const [username, setUsername] = useState(router?.username ?? 'admin');
  const [password, setPassword] = useState('');
  const [branch, setBranch] = useState(router?.branch ?? '');
  const [location, setLocation] = useState(router?.location ?? '');
  const [notes, setNotes] = useState(router?.notes ?? '');
  const [hotspotDns, setHotspotDns] = useState(router?.hotspotDns ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('validation.required');
    if (!HOST.test(host.trim())) found.host = t('validation.host');
    if (port !== null && (port < 1 || port > 65535)) found.port = t('validation.port');
    if (!username.trim()) found.username = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const fields = {
      name: name.trim(),
      host: host.trim(),
      ...(port !== null ? { port } : {}),
      tls,
      username: username.trim(),
      branch: branch.trim(),
      location: location.trim(),
      notes: notes.trim(),
      hotspotDns: hotspotDns.trim(),
    };
    const result = router
      ? await call(
          'network.routers.update',
          { id: router.id, ...fields, ...(password ? { password } : {}) },
          { form: FORM },
        )
      : await call(
          'network.routers.create',
          { ...fields, password, latitude: null, longitude: null },
          { form: FORM },
        );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    await useNetworkStore.getState().loadRouters();
    useNetworkStore.getState().select(result.data.id);
    notify(t('routers.saved', { name: result.data.name }), 'success');
    onClose();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="router-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>
          {router ? t('routers.editTitle', { name: router.name }) : t('routers.createTitle')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t('routers.name')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={Boolean(errors.name)}
              helperText={errors.name}
              autoFocus
              slotProps={{ htmlInput: { maxLength: 60, 'data-testid': 'router-name' } }}
            />
            <Stack direction="row" spacing={2}>
              <TextField
                label={t('routers.host')}
                value={host}
                onChange={(event) => setHost(event.target.value)}
                error={Boolean(errors.host)}
                helperText={errors.host ?? t('routers.hostHelp')}
                sx={{ flex: 2 }}
                slotProps={{ htmlInput: { maxLength: 253, 'data-testid': 'router-host' } }}
              />
              <IntegerField
                label={t('routers.port')}
                value={port}
                onChange={setPort}
                max={65535}
                error={Boolean(errors.port)}
                helperText={errors.port ?? t('routers.portHelp')}
                sx={{ flex: 1 }}
                testId="router-port"
              />
            </Stack>
            <FormControlLabel
              control={
                <Switch
                  checked={tls}
                  onChange={(event) => setTls(event.target.checked)}
                  slotProps={{ input: testId('router-tls') }}
                />
              }
              label={t('routers.tls')}
            />
            <Stack direction="row" spacing={2}>
              <TextField
                label={t('routers.username')}
                value={username}
                onChange={(event) => setUsername(event.target.value)}
                error={Boolean(errors.username)}
                helperText={errors.username}
                sx={{ flex: 1 }}
                slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'router-username' } }}
              />
              <PasswordField
                label={t('routers.password')}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={Boolean(errors.password)}
                helperText={errors.password ?? (router ? t('routers.passwordKeep') : undefined)}
                sx={{ flex: 1 }}
                autoComplete="new-password"
                testId="router-password"
              />
            </Stack>
            <Stack direction="row" spacing={2}>
              <TextField
                label={t('routers.branch')}
                value={branch}
                onChange={(event) => setBranch(event.target.value)}
                sx={{ flex: 1 }}
                slotProps={{ htmlInput: { maxLength: 80, 'data-testid': 'router-branch' } }}
              />
              <TextField
                label={t('routers.location')}
                value={location}
                onChange={(event) => setLocation(event.target.value)}
                sx={{ flex: 1 }}
                slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'router-location' } }}
              />
            </Stack>
            <TextField
              label={t('routers.hotspotDns')}
              value={hotspotDns}
              onChange={(event) => setHotspotDns(event.target.value)}
              helperText={t('routers.hotspotDnsHelp')}
              slotProps={{ htmlInput: { maxLength: 120, 'data-testid': 'router-hotspot-dns' } }}
            />
            <TextField
              label={t('routers.notes')}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'router-notes' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="router-submit">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
