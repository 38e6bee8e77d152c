import CancelIcon from '@mui/icons-material/Cancel';
import ReplayIcon from '@mui/icons-material/Replay';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { useEffect, useState } from 'react';
import type { JobState } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import type { TranslationKey } from '../../app/i18n/id';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { transport } from '../../ipc/transport';
import { useCan } from '../session/session-store';
import { useNetworkStore } from './network-store';

const STATES: readonly JobState[] = ['pending', 'running', 'done', 'failed', 'cancelled'];
const STATE_LABEL: Record<JobState, TranslationKey> = {
  pending: 'jobs.state.pending',
  running: 'jobs.state.running',
  done: 'jobs.state.done',
  failed: 'jobs.state.failed',
  cancelled: 'jobs.state.cancelled',
};
const STATE_COLOR: Record<JobState, 'default' | 'info' | 'success' | 'error' | 'warning'> = {
  pending: 'warning',
  running: 'info',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** Router jobs (what Gerai still has to do on a router), newest first; live through `network.job`. */
export function JobsTab() {
  const t = useT();
  const format = useFormat();
  const canManage = useCan('network.manage');
  const routers = useNetworkStore((state) => state.routers);
  const [routerId, setRouterId] = useState('');
  const [state, setState] = useState<JobState | ''>('');
  const jobs = useLoader(`jobs/${routerId}/${state}`, async () => {
    const result = await call(
      'network.jobs.list',
      { ...(routerId ? { routerId } : {}), ...(state ? { state } : {}), limit: 200 },
      { quiet: true },
    );
    return result.ok ? result.data : null;
  });
  const { reload } = jobs;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = transport.on('network.job', () => {
      // A batch of jobs changes at once: one reload for all of them.
      clearTimeout(timer);
      timer = setTimeout(reload, 300);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [reload]);

  const act = async (channel: 'network.jobs.retry' | 'network.jobs.cancel', id: string) => {
    const result = await call(channel, { id });
    if (result.ok) reload();
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, mb: 2 }}>
        <TextField
          select
          size="small"
          label={t('network.router')}
          value={routerId}
          onChange={(event) => setRouterId(event.target.value)}
          sx={{ minWidth: 200 }}
          slotProps={{ htmlInput: { 'data-testid': 'jobs-router' } }}
        >
          <MenuItem value="">{t('common.all')}</MenuItem>
          {routers.map((router) => (
            <MenuItem key={router.id} value={router.id}>
              {router.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('jobs.state')}
          value={state}
          onChange={(event) => setState(event.target.value as JobState | '')}
          sx={{ minWidth: 160 }}
          slotProps={{ htmlInput: { 'data-testid': 'jobs-state' } }}
        >
          <MenuItem value="">{t('common.all')}</MenuItem>
          {STATES.map((entry) => (
            <MenuItem key={entry} value={entry}>
              {t(STATE_LABEL[entry])}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Table size="small" data-testid="jobs-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('jobs.created')}</TableCell>
            <TableCell>{t('network.router')}</TableCell>
            <TableCell>{t('jobs.label')}</TableCell>
            <TableCell>{t('jobs.state')}</TableCell>
            <TableCell align="right">{t('jobs.attempts')}</TableCell>
            <TableCell>{t('jobs.nextAttempt')}</TableCell>
            <TableCell>{t('jobs.lastError')}</TableCell>
            {canManage ? <TableCell /> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {(jobs.data ?? []).map((job) => {
            const open = job.state === 'pending' || job.state === 'failed' || job.state === 'running';
            return (
              <TableRow key={job.id} data-testid={`job-row-${job.id}`} data-state={job.state}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(job.createdAt)}</TableCell>
                <TableCell>{job.routerName}</TableCell>
                <TableCell>{job.label}</TableCell>
                <TableCell>
                  <Chip size="small" color={STATE_COLOR[job.state]} label={t(STATE_LABEL[job.state])} />
                </TableCell>
                <TableCell align="right">{job.attempts}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {job.nextAttemptAt && open ? format.dateTime(job.nextAttemptAt) : '–'}
                </TableCell>
                <TableCell sx={{ color: 'error.main', maxWidth: 280 }}>{job.lastError ?? '–'}</TableCell>
                {canManage ? (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {job.state === 'pending' || job.state === 'failed' ? (
                      <Tooltip title={t('jobs.retry')}>
                        <IconButton size="small" onClick={() => void act('network.jobs.retry', job.id)}>
                          <ReplayIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    ) : null}
                    {open ? (
                      <Tooltip title={t('jobs.cancel')}>
                        <IconButton
                          size="small"
                          color="error"
                          onClick={() => void act('network.jobs.cancel', job.id)}
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
      {jobs.data?.length === 0 ? <EmptyState title={t('jobs.empty')} testId="jobs-empty" /> : null}
    </Box>
  );
}
