import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { RATE_LIMIT, notifyJobQueued } from './job-notice';
import { JobFormDialog } from './JobFormDialog';

type PppProfile = ChannelOutput<'network.ppp.profiles.list'>[number];

function ProfileDialog({
  routerId,
  profile,
  onClose,
  onSaved,
}: {
  routerId: string;
  profile: PppProfile | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const [name, setName] = useState(profile?.name ?? '');
  const [rateLimit, setRateLimit] = useState(profile?.rateLimit ?? '');
  const [localAddress, setLocalAddress] = useState(profile?.localAddress ?? '');
  const [remoteAddress, setRemoteAddress] = useState(profile?.remoteAddress ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('validation.required');
    if (!RATE_LIMIT.test(rateLimit.trim())) found.rateLimit = t('validation.rateLimit');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await call(
      'network.ppp.profiles.upsert',
      {
        routerId,
        name: name.trim(),
        rateLimit: rateLimit.trim(),
        localAddress: localAddress.trim(),
        remoteAddress: remoteAddress.trim(),
      },
      { form: ['name', 'rateLimit', 'localAddress', 'remoteAddress'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notifyJobQueued(t, result.data);
    onSaved();
    onClose();
  };

  return (
    <JobFormDialog
      title={profile ? t('pppProfiles.editTitle', { name: profile.name }) : t('pppProfiles.createTitle')}
      testId="ppp-profile"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label={t('pppProfiles.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        disabled={Boolean(profile)}
        error={Boolean(errors.name)}
        helperText={errors.name}
        autoFocus={!profile}
        slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'ppp-profile-name' } }}
      />
      <TextField
        label={t('pppProfiles.rateLimit')}
        value={rateLimit}
        onChange={(event) => setRateLimit(event.target.value)}
        error={Boolean(errors.rateLimit)}
        helperText={errors.rateLimit ?? t('pppProfiles.rateLimitHint')}
        placeholder="5M/10M"
        slotProps={{ htmlInput: { maxLength: 40, 'data-testid': 'ppp-profile-rate-limit' } }}
      />
      <TextField
        label={t('pppProfiles.localAddress')}
        value={localAddress}
        onChange={(event) => setLocalAddress(event.target.value)}
        error={Boolean(errors.localAddress)}
        helperText={errors.localAddress}
        slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'ppp-profile-local-address' } }}
      />
      <TextField
        label={t('pppProfiles.remoteAddress')}
        value={remoteAddress}
        onChange={(event) => setRemoteAddress(event.target.value)}
        error={Boolean(errors.remoteAddress)}
        helperText={errors.remoteAddress ?? t('pppProfiles.remoteAddressHint')}
        slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'ppp-profile-remote-address' } }}
      />
    </JobFormDialog>
  );
}

/** The router's PPP profiles (rate limits, address pools) and, with `network.manage`, their editor. */
export function PppProfiles({ routerId }: { routerId: string }) {
  const t = useT();
  const canManage = useCan('network.manage');
  const profiles = useLoader(`ppp-profiles/${routerId}`, async () => {
    const result = await call('network.ppp.profiles.list', { routerId }, { quiet: true });
    return result.ok ? result.data : null;
  });
  const [editing, setEditing] = useState<PppProfile | 'new' | null>(null);

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 650 }}>
          {t('pppProfiles.title')}
        </Typography>
        <Button onClick={profiles.reload} data-testid="ppp-profiles-refresh">
          {t('common.refresh')}
        </Button>
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setEditing('new')}
            data-testid="ppp-profile-new"
          >
            {t('pppProfiles.createTitle')}
          </Button>
        ) : null}
      </Box>
      <Table size="small" data-testid="ppp-profiles-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('pppProfiles.name')}</TableCell>
            <TableCell>{t('pppProfiles.rateLimit')}</TableCell>
            <TableCell>{t('pppProfiles.localAddress')}</TableCell>
            <TableCell>{t('pppProfiles.remoteAddress')}</TableCell>
            {canManage ? <TableCell /> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {(profiles.data ?? []).map((profile) => (
            <TableRow key={profile.routerItemId} data-testid={`ppp-profile-${profile.name}`}>
              <TableCell sx={{ fontWeight: 600 }}>{profile.name}</TableCell>
              <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{profile.rateLimit || '–'}</TableCell>
              <TableCell>{profile.localAddress || '–'}</TableCell>
              <TableCell>{profile.remoteAddress || '–'}</TableCell>
              {canManage ? (
                <TableCell align="right">
                  <Tooltip title={t('common.edit')}>
                    <IconButton
                      size="small"
                      onClick={() => setEditing(profile)}
                      data-testid={`ppp-profile-edit-${profile.name}`}
                    >
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {profiles.data?.length === 0 ? <EmptyState title={t('pppProfiles.empty')} /> : null}
      {editing ? (
        <ProfileDialog
          routerId={routerId}
          profile={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={profiles.reload}
        />
      ) : null}
    </Box>
  );
}
