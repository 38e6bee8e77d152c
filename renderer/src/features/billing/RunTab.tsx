import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import SendIcon from '@mui/icons-material/Send';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { currentPeriod } from './billing-files';

/**
 * Runs billing for a period by hand; a second run makes nothing (one invoice per period, ever). In
 * draft mode the run makes drafts, and the period's drafts can be issued here all at once.
 */
export function RunTab() {
  const t = useT();
  const format = useFormat();
  const [period, setPeriod] = useState(() => currentPeriod(format.timeZone));
  const [confirm, setConfirm] = useState(false);
  const [confirmIssue, setConfirmIssue] = useState(false);
  const [result, setResult] = useState<(ChannelOutput<'billing.run'> & { period: string }) | null>(null);
  const [error, setError] = useState<string | undefined>();
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const { data: settings } = useLoader('billing-run-settings', async () => {
    const answer = await call('billing.settings.get', {}, { quiet: true });
    return answer.ok ? answer.data : null;
  });
  const draftMode = settings?.issueMode === 'draft';
  const {
    data: drafts,
    loading: draftsLoading,
    reload: reloadDrafts,
  } = useLoader(`billing-run-drafts:${valid ? period : ''}`, async () => {
    if (!valid) return { count: 0 };
    const answer = await call(
      'billing.invoices.list',
      { status: 'draft', period, limit: 1 },
      { quiet: true },
    );
    return answer.ok ? { count: answer.data.total } : null;
  });
  const draftCount = valid ? (drafts?.count ?? 0) : 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) {
      setError(t('billing.run.pickPeriod'));
      return;
    }
    setError(undefined);
    setConfirm(true);
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 560 }}>
      <Typography variant="body2" color="text.secondary">
        {t('billing.run.hint')}
      </Typography>
      {draftMode ? (
        <Alert severity="info" data-testid="billing-run-draft-mode">
          {t('billing.run.draftHint')}
        </Alert>
      ) : null}
      <form noValidate onSubmit={submit}>
        <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start' }}>
          <TextField
            type="month"
            label={t('billing.col.period')}
            value={period}
            onChange={(event) => setPeriod(event.target.value)}
            error={Boolean(error)}
            helperText={error}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'billing-run-period' } }}
          />
          <Button
            type="submit"
            variant="contained"
            size="large"
            startIcon={<PlayArrowIcon />}
            data-testid="billing-run-submit"
          >
            {t('billing.run.submit')}
          </Button>
        </Box>
      </form>
      {result ? (
        <Alert severity={result.created > 0 ? 'success' : 'info'} data-testid="billing-run-result">
          {t(draftMode ? 'billing.run.resultDraft' : 'billing.run.result', {
            period: result.period,
            created: result.created,
            skipped: result.skipped,
            total: format.rupiah(result.totalAmount),
          })}
        </Alert>
      ) : null}
      <Divider />
      <Box>
        <Typography variant="subtitle1" sx={{ fontWeight: 700, mb: 1 }}>
          {t('billing.run.draftsTitle')}
        </Typography>
        <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary" data-testid="billing-run-drafts">
            {draftsLoading
              ? t('billing.loading')
              : draftCount > 0
                ? t('billing.run.draftsCount', { period, count: draftCount })
                : t('billing.run.draftsNone', { period })}
          </Typography>
          <Button
            variant="outlined"
            startIcon={<SendIcon />}
            disabled={!valid || draftsLoading || draftCount === 0}
            onClick={() => setConfirmIssue(true)}
            data-testid="billing-run-issue-all"
          >
            {t('billing.run.issueAll', { period })}
          </Button>
        </Box>
      </Box>
      <ConfirmDialog
        open={confirmIssue}
        title={t('billing.run.issueAllTitle', { period, count: draftCount })}
        body={t('billing.run.issueAllBody')}
        confirmLabel={t('billing.draft.issue')}
        testId="billing-run-issue-all-confirm"
        onClose={() => setConfirmIssue(false)}
        onConfirm={async () => {
          const answer = await call('billing.invoices.issue', { period });
          setConfirmIssue(false);
          reloadDrafts();
          if (answer.ok) {
            notify(
              t('billing.run.issuedAll', {
                issued: answer.data.issued,
                total: format.rupiah(answer.data.totalAmount),
              }),
              'success',
            );
          }
        }}
      />
      <ConfirmDialog
        open={confirm}
        title={t('billing.run.confirmTitle', { period })}
        body={t(draftMode ? 'billing.run.confirmBodyDraft' : 'billing.run.confirmBody')}
        confirmLabel={t('billing.run.submit')}
        testId="billing-run-confirm"
        onClose={() => setConfirm(false)}
        onConfirm={async () => {
          const answer = await call('billing.run', { period });
          setConfirm(false);
          reloadDrafts();
          if (answer.ok) setResult({ ...answer.data, period });
        }}
      />
    </Stack>
  );
}
