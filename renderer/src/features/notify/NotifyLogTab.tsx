import CancelIcon from '@mui/icons-material/Cancel';
import MarkEmailReadIcon from '@mui/icons-material/MarkEmailRead';
import ReplayIcon from '@mui/icons-material/Replay';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type {
  NotifyChannelName,
  NotifyEntry,
  NotifyState,
} from '../../../../shared/contract/notify.contract';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { TablePager } from '../../app/components/TablePager';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { CHANNEL_LABEL, STATE_LABEL, stateChip, templateLabel } from './notify-labels';
import { transport } from '../../ipc/transport';
import { useNotifyStore } from './notify-store';

const STATES: readonly NotifyState[] = ['pending', 'sending', 'sent', 'failed', 'cancelled'];
const CHANNELS: readonly NotifyChannelName[] = ['whatsapp', 'email', 'discord'];

/** The outbox as a log: filters, paging, the message itself, retry and cancel. */
export function NotifyLogTab() {
  const t = useT();
  const format = useFormat();
  const canManage = useCan('billing.manage');
  const canSettings = useCan('settings.manage');
  const setTab = useNotifyStore((state) => state.setTab);
  const [state, setState] = useState<NotifyState | ''>('');
  const [channel, setChannel] = useState<NotifyChannelName | ''>('');
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const [rowsPerPage, setRowsPerPage] = useState(50);
  const [open, setOpen] = useState<NotifyEntry | null>(null);
  const [cancelling, setCancelling] = useState<NotifyEntry | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(typed.trim());
      setPage(0);
    }, 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const log = useLoader(`notify/${state}/${channel}/${query}/${page}/${rowsPerPage}`, async () => {
    const result = await call(
      'notify.outbox.list',
      {
        ...(state ? { state } : {}),
        ...(channel ? { channel } : {}),
        ...(query ? { query } : {}),
        offset: page * rowsPerPage,
        limit: rowsPerPage,
      },
      { quiet: true },
    );
    return result.ok ? result.data : null;
  });
  const { reload } = log;

  // The core says when the outbox changes (queued, sent, retrying, failed): one reload per burst.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = transport.on('notify.outbox', () => {
      clearTimeout(timer);
      timer = setTimeout(reload, 300);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [reload]);

  const retry = async (entry: NotifyEntry) => {
    const result = await call('notify.outbox.retry', { id: entry.id });
    if (result.ok) {
      notify(t('notify.log.retried'), 'success');
      reload();
    }
  };
  const cancel = async () => {
    if (!cancelling) return;
    const result = await call('notify.outbox.cancel', { id: cancelling.id });
    if (result.ok) {
      notify(t('notify.log.cancelled'), 'success');
      setCancelling(null);
      setOpen(null);
      reload();
    }
  };

  const entries = log.data?.entries ?? [];
  const held = log.data?.counts.held ?? 0;
  return (
    <Box>
      {held > 0 ? (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          data-testid="notify-held-banner"
          action={
            canSettings ? (
              <Button color="inherit" size="small" onClick={() => setTab('settings')}>
                {t('notify.log.openSettings')}
              </Button>
            ) : null
          }
        >
          {t('notify.log.heldHint', { count: held })}
        </Alert>
      ) : null}
      <Box sx={{ display: 'flex', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label={t('notify.log.search')}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          sx={{ minWidth: 280, flex: 1, width: 'auto' }}
          slotProps={{ htmlInput: { 'data-testid': 'notify-search', maxLength: 80 } }}
        />
        <TextField
          select
          size="small"
          label={t('notify.state')}
          value={state}
          onChange={(event) => {
            setState(event.target.value as NotifyState | '');
            setPage(0);
          }}
          sx={{ width: 200 }}
          slotProps={{ htmlInput: { 'data-testid': 'notify-state' } }}
        >
          <MenuItem value="">{t('common.all')}</MenuItem>
          {STATES.map((entry) => (
            <MenuItem key={entry} value={entry}>
              {t(STATE_LABEL[entry])} ({log.data?.counts[entry] ?? 0})
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('notify.channel')}
          value={channel}
          onChange={(event) => {
            setChannel(event.target.value as NotifyChannelName | '');
            setPage(0);
          }}
          sx={{ width: 180 }}
          slotProps={{ htmlInput: { 'data-testid': 'notify-channel' } }}
        >
          <MenuItem value="">{t('common.all')}</MenuItem>
          {CHANNELS.map((entry) => (
            <MenuItem key={entry} value={entry}>
              {t(CHANNEL_LABEL[entry])}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" onClick={reload} data-testid="notify-refresh">
          {t('common.refresh')}
        </Button>
      </Box>
      {log.loading ? <LinearProgress sx={{ mb: 1 }} /> : null}
      <Table size="small" data-testid="notify-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('notify.log.when')}</TableCell>
            <TableCell>{t('notify.channel')}</TableCell>
            <TableCell>{t('notify.log.to')}</TableCell>
            <TableCell>{t('notify.log.template')}</TableCell>
            <TableCell>{t('notify.state')}</TableCell>
            <TableCell align="right">{t('notify.log.attempts')}</TableCell>
            <TableCell>{t('notify.log.lastError')}</TableCell>
            {canManage ? <TableCell /> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => {
            const chip = stateChip(entry);
            const label = templateLabel(entry.templateKey);
            const unsent = entry.state === 'pending' || entry.state === 'failed' || entry.state === 'sending';
            return (
              <TableRow
                key={entry.id}
                hover
                tabIndex={0}
                sx={{ cursor: 'pointer' }}
                data-testid="notify-row"
                data-state={entry.held ? 'held' : entry.state}
                onClick={() => setOpen(entry)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') setOpen(entry);
                }}
              >
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.createdAt)}</TableCell>
                <TableCell>{t(CHANNEL_LABEL[entry.channel])}</TableCell>
                <TableCell>
                  <Typography variant="body2">{entry.customerName ?? entry.recipient}</Typography>
                  {entry.customerName ? (
                    <Typography variant="caption" color="text.secondary">
                      {entry.recipient}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell>{label ? t(label) : entry.templateKey}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={chip.color}
                    label={t(chip.label)}
                    data-testid="notify-row-state"
                  />
                </TableCell>
                <TableCell align="right">{entry.attempts}</TableCell>
                <TableCell
                  sx={{
                    color: entry.held ? 'text.secondary' : 'error.main',
                    maxWidth: 280,
                    overflowWrap: 'anywhere',
                  }}
                >
                  {entry.held ? t(`notify.log.heldReason.${entry.channel}`) : (entry.lastError ?? '–')}
                  {entry.state === 'pending' && !entry.held && entry.nextAttemptAt ? (
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {t('notify.log.nextAttempt')}: {format.dateTime(entry.nextAttemptAt)}
                    </Typography>
                  ) : null}
                </TableCell>
                {canManage ? (
                  <TableCell
                    align="right"
                    sx={{ whiteSpace: 'nowrap' }}
                    onClick={(event) => event.stopPropagation()}
                  >
                    {entry.state === 'pending' || entry.state === 'failed' ? (
                      <Tooltip title={t('notify.log.retry')}>
                        <IconButton
                          size="small"
                          aria-label={t('notify.log.retry')}
                          data-testid="notify-retry"
                          onClick={() => void retry(entry)}
                        >
                          <ReplayIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    ) : null}
                    {unsent ? (
                      <Tooltip title={t('notify.log.cancel')}>
                        <IconButton
                          size="small"
                          color="error"
                          aria-label={t('notify.log.cancel')}
                          data-testid="notify-cancel"
                          onClick={() => setCancelling(entry)}
                        >
                          <CancelIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {log.data && entries.length === 0 ? (
        <EmptyState
          icon={<MarkEmailReadIcon />}
          title={t('notify.log.empty')}
          description={t('notify.log.emptyHint')}
          testId="notify-empty"
        />
      ) : null}
      {log.data && log.data.total > 0 ? (
        <TablePager
          count={log.data.total}
          page={page}
          rowsPerPage={rowsPerPage}
          onPageChange={setPage}
          onRowsPerPageChange={(rows) => {
            setRowsPerPage(rows);
            setPage(0);
          }}
        />
      ) : null}

      <Dialog open={open !== null} onClose={() => setOpen(null)} fullWidth maxWidth="sm">
        {open ? (
          <>
            <DialogTitle>
              {open.subject || t(templateLabel(open.templateKey) ?? 'notify.log.body')}
            </DialogTitle>
            <DialogContent data-testid="notify-detail">
              <Typography variant="body2" color="text.secondary" gutterBottom>
                {t(CHANNEL_LABEL[open.channel])} → {open.recipient} · {format.dateTime(open.createdAt)}
              </Typography>
              <Box
                component="pre"
                sx={{
                  whiteSpace: 'pre-wrap',
                  fontFamily: 'inherit',
                  bgcolor: 'action.hover',
                  p: 2,
                  borderRadius: 1,
                }}
              >
                {open.body}
              </Box>
              <Typography variant="body2">
                {t('notify.state')}: {t(stateChip(open).label)} · {t('notify.log.attempts')}: {open.attempts}
              </Typography>
              {open.providerId ? (
                <Typography variant="body2">
                  {t('notify.log.providerId')}: {open.providerId}
                </Typography>
              ) : null}
              {open.lastError ? (
                <Typography variant="body2" color="error.main">
                  {t('notify.log.lastError')}:{' '}
                  {open.held ? t(`notify.log.heldReason.${open.channel}`) : open.lastError}
                </Typography>
              ) : null}
            </DialogContent>
            <DialogActions>
              {canManage && (open.state === 'pending' || open.state === 'failed') ? (
                <Button
                  onClick={() => {
                    void retry(open);
                    setOpen(null);
                  }}
                >
                  {t('notify.log.retry')}
                </Button>
              ) : null}
              <Button onClick={() => setOpen(null)}>{t('common.close')}</Button>
            </DialogActions>
          </>
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={cancelling !== null}
        title={t('notify.log.cancelTitle')}
        body={t('notify.log.cancelBody', { to: cancelling?.recipient ?? '' })}
        confirmLabel={t('notify.log.cancel')}
        danger
        testId="notify-cancel-confirm"
        onConfirm={cancel}
        onClose={() => setCancelling(null)}
      />
    </Box>
  );
}
