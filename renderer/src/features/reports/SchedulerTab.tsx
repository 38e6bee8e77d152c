import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import RefreshIcon from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  SCHEDULER_TASKS,
  type SchedulerRunResult,
  type SchedulerStatus,
} from '../../../../shared/contract/scheduler.contract';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { LoadingState } from '../../app/components/LoadingState';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { validDate } from './report-dates';

/** The daily scheduler: what is done, what waits, and "run now" (up to today or a chosen date). */
export function SchedulerTab() {
  const t = useT();
  const canView = useCan('billing.view');
  const canRun = useCan('billing.manage');
  const { data, loading, reload } = useLoader(String(canView), async () => {
    if (!canView) return null;
    const result = await call('scheduler.status', {});
    return result.ok ? result.data : null;
  });

  if (!canView) return <Typography color="text.secondary">{t('reports.noPermission')}</Typography>;
  if (!data) return loading ? <LoadingState /> : null;
  return <SchedulerPanel status={data} loading={loading} canRun={canRun} onChanged={reload} />;
}

function SchedulerPanel({
  status,
  loading,
  canRun,
  onChanged,
}: {
  status: SchedulerStatus;
  loading: boolean;
  canRun: boolean;
  onChanged(): void;
}) {
  const t = useT();
  const format = useFormat();
  const [until, setUntil] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<SchedulerRunResult | null>(null);

  const run = async (date: string | undefined) => {
    setRunning(true);
    try {
      const outcome = await call('scheduler.runDue', date ? { until: date } : {});
      if (outcome.ok) setResult(outcome.data);
    } finally {
      setRunning(false);
      setConfirming(null);
      onChanged();
    }
  };
  const chosen = validDate(until);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {loading || running || status.running ? <LinearProgress data-testid="scheduler-busy" /> : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(4, 1fr)' }, gap: 2 }}>
        <Fact label={t('reports.scheduler.today')} value={status.today} testId="scheduler-today" />
        <Fact
          label={t('reports.scheduler.lastDay')}
          value={status.lastDay ?? t('reports.scheduler.never')}
          testId="scheduler-last-day"
        />
        <Box>
          <Typography variant="caption" color="text.secondary">
            {t('reports.scheduler.behind')}
          </Typography>
          <Box>
            <Chip
              size="small"
              color={status.daysBehind === 0 ? 'success' : 'warning'}
              label={
                status.daysBehind === 0
                  ? t('reports.scheduler.upToDate')
                  : t('reports.scheduler.behindDays', { days: status.daysBehind })
              }
              data-testid="scheduler-days-behind"
            />
          </Box>
        </Box>
        <Fact
          label={t('reports.scheduler.nextRun')}
          value={status.nextRunAt ? format.dateTime(status.nextRunAt) : t('reports.scheduler.off')}
          testId="scheduler-next-run"
        />
      </Box>
      {status.lastError ? (
        <Alert severity="error" data-testid="scheduler-last-error">
          {t('reports.scheduler.lastError', { message: status.lastError })}
        </Alert>
      ) : null}

      <Table size="small" data-testid="scheduler-tasks">
        <TableHead>
          <TableRow>
            <TableCell>{t('reports.scheduler.task')}</TableCell>
            <TableCell>{t('reports.scheduler.taskLastDay')}</TableCell>
            <TableCell>{t('reports.scheduler.doneAt')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {status.tasks.map((task) => (
            <TableRow key={task.task} data-testid={`scheduler-task-${task.task}`}>
              <TableCell>{t(`reports.scheduler.task.${task.task}`)}</TableCell>
              <TableCell>{task.lastDay ?? t('reports.scheduler.never')}</TableCell>
              <TableCell>{task.lastDoneAt ? format.dateTime(task.lastDoneAt) : '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Typography variant="body2" color="text.secondary">
        {t('reports.scheduler.catchUpNote')}
      </Typography>

      {canRun ? (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            variant="contained"
            startIcon={<PlayArrowIcon />}
            disabled={running}
            onClick={() => void run(undefined)}
            data-testid="scheduler-run"
          >
            {t('reports.scheduler.runNow')}
          </Button>
          <TextField
            size="small"
            type="date"
            sx={{ width: 190 }}
            label={t('reports.scheduler.until')}
            value={until}
            onChange={(event) => setUntil(event.target.value)}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'scheduler-until', min: status.today },
            }}
          />
          <Button
            variant="outlined"
            disabled={running || !chosen}
            onClick={() => setConfirming(chosen)}
            data-testid="scheduler-run-until"
          >
            {t('reports.scheduler.runUntil')}
          </Button>
          <Button startIcon={<RefreshIcon />} onClick={onChanged} data-testid="scheduler-refresh">
            {t('reports.refresh')}
          </Button>
        </Box>
      ) : null}
      {canRun ? (
        <Typography variant="caption" color="text.secondary">
          {t('reports.scheduler.futureHint')}
        </Typography>
      ) : null}

      {result ? <RunSummary result={result} /> : null}

      <ConfirmDialog
        open={confirming !== null}
        title={t('reports.scheduler.confirmTitle', { date: confirming ?? '' })}
        body={t('reports.scheduler.confirmBody', { date: confirming ?? '' })}
        confirmLabel={t('reports.scheduler.confirm')}
        danger
        testId="scheduler-confirm"
        onConfirm={() => run(confirming ?? undefined)}
        onClose={() => setConfirming(null)}
      />
    </Box>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body1" sx={{ fontWeight: 600 }} data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}

function RunSummary({ result }: { result: SchedulerRunResult }) {
  const t = useT();
  if (result.days.length === 0) {
    return (
      <Alert severity="info" data-testid="scheduler-result">
        {t('reports.scheduler.nothing')}
      </Alert>
    );
  }
  return (
    <Alert severity="success" data-testid="scheduler-result">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t('reports.scheduler.result', { days: result.days.length })}
        {result.from ? ` (${result.from} – ${result.until})` : ''}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
        {SCHEDULER_TASKS.map((task) => (
          <Chip
            key={task}
            size="small"
            variant="outlined"
            label={t(`reports.scheduler.count.${task}`, { n: result.totals[task] })}
            data-testid={`scheduler-result-${task}`}
          />
        ))}
      </Box>
    </Alert>
  );
}
