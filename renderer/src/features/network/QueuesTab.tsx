import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
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
import type { ChannelOutput } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { RATE_LIMIT, notifyJobQueued } from './job-notice';
import { RouterPicker } from './RouterPicker';
import { JobFormDialog } from './JobFormDialog';

type Queue = ChannelOutput<'network.queues.list'>[number];

function QueueDialog({
  routerId,
  queue,
  onClose,
  onSaved,
}: {
  routerId: string;
  queue: Queue | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const [name, setName] = useState(queue?.name ?? '');
  const [target, setTarget] = useState(queue?.target ?? '');
  const [maxLimit, setMaxLimit] = useState(queue?.maxLimit ?? '');
  const [disabled, setDisabled] = useState(queue?.disabled ?? false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('validation.required');
    if (!target.trim()) found.target = t('validation.required');
    if (!RATE_LIMIT.test(maxLimit.trim())) found.maxLimit = t('validation.rateLimit');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await call(
      'network.queues.upsert',
      { routerId, name: name.trim(), target: target.trim(), maxLimit: maxLimit.trim(), disabled },
      { form: ['name', 'target', 'maxLimit', 'disabled'] },
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
      title={queue ? t('queues.editTitle', { name: queue.name }) : t('queues.createTitle')}
      testId="queue"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label={t('queues.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        disabled={Boolean(queue)}
        error={Boolean(errors.name)}
        helperText={errors.name}
        autoFocus={!queue}
        slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'queue-name' } }}
      />
      <TextField
        label={t('queues.target')}
        value={target}
        onChange={(event) => setTarget(event.target.value)}
        error={Boolean(errors.target)}
        helperText={errors.target ?? t('queues.targetHint')}
        placeholder="192.168.88.10/32"
        slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'queue-target' } }}
      />
      <TextField
        label={t('queues.maxLimit')}
        value={maxLimit}
        onChange={(event) => setMaxLimit(event.target.value)}
        error={Boolean(errors.maxLimit)}
        helperText={errors.maxLimit ?? t('pppProfiles.rateLimitHint')}
        placeholder="5M/10M"
        slotProps={{ htmlInput: { maxLength: 40, 'data-testid': 'queue-max-limit' } }}
      />
      <FormControlLabel
        control={
          <Switch
            checked={disabled}
            onChange={(event) => setDisabled(event.target.checked)}
            slotProps={{ input: testId('queue-disabled') }}
          />
        }
        label={t('ppp.disabled')}
      />
    </JobFormDialog>
  );
}

function QueuesPanel({ routerId }: { routerId: string }) {
  const t = useT();
  const canManage = useCan('network.manage');
  const queues = useLoader(`queues/${routerId}`, async () => {
    const result = await call('network.queues.list', { routerId }, { quiet: true });
    return result.ok ? result.data : null;
  });
  const [editing, setEditing] = useState<Queue | 'new' | null>(null);

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1, gap: 1 }}>
        <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 650 }}>
          {t('queues.title')}
        </Typography>
        <Button onClick={queues.reload} data-testid="queues-refresh">
          {t('common.refresh')}
        </Button>
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setEditing('new')}
            data-testid="queue-new"
          >
            {t('queues.createTitle')}
          </Button>
        ) : null}
      </Box>
      {queues.loading ? <LinearProgress sx={{ mb: 1 }} /> : null}
      <Table size="small" data-testid="queues-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('queues.name')}</TableCell>
            <TableCell>{t('queues.target')}</TableCell>
            <TableCell>{t('queues.maxLimit')}</TableCell>
            <TableCell>{t('ppp.status')}</TableCell>
            <TableCell>{t('ppp.comment')}</TableCell>
            {canManage ? <TableCell /> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {(queues.data ?? []).map((queue) => (
            <TableRow key={queue.routerItemId} data-testid={`queue-${queue.name}`}>
              <TableCell sx={{ fontWeight: 600 }}>{queue.name}</TableCell>
              <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{queue.target}</TableCell>
              <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{queue.maxLimit || '–'}</TableCell>
              <TableCell>
                {queue.disabled ? (
                  <Chip size="small" label={t('ppp.disabled')} />
                ) : (
                  <Chip size="small" color="success" variant="outlined" label={t('ppp.enabled')} />
                )}
              </TableCell>
              <TableCell>{queue.comment || '–'}</TableCell>
              {canManage ? (
                <TableCell align="right">
                  <Tooltip title={t('common.edit')}>
                    <IconButton
                      size="small"
                      onClick={() => setEditing(queue)}
                      data-testid={`queue-edit-${queue.name}`}
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
      {queues.data?.length === 0 ? <EmptyState title={t('queues.empty')} /> : null}
      {editing ? (
        <QueueDialog
          routerId={routerId}
          queue={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={queues.reload}
        />
      ) : null}
    </Box>
  );
}

/** Simple queues (bandwidth per target) of the selected router; changes go through router jobs. */
export function QueuesTab() {
  return <RouterPicker>{(routerId) => <QueuesPanel key={routerId} routerId={routerId} />}</RouterPicker>;
}
