import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { currentPeriod } from './billing-files';

/** Runs billing for a period by hand; a second run makes nothing (one invoice per period, ever). */
export function RunTab() {
  const t = useT();
  const format = useFormat();
  const [period, setPeriod] = useState(() => currentPeriod(format.timeZone));
  const [confirm, setConfirm] = useState(false);
  const [result, setResult] = useState<(ChannelOutput<'billing.run'> & { period: string }) | null>(null);
  const [error, setError] = useState<string | undefined>();
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);

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
          {t('billing.run.result', {
            period: result.period,
            created: result.created,
            skipped: result.skipped,
            total: format.rupiah(result.totalAmount),
          })}
        </Alert>
      ) : null}
      <ConfirmDialog
        open={confirm}
        title={t('billing.run.confirmTitle', { period })}
        body={t('billing.run.confirmBody')}
        confirmLabel={t('billing.run.submit')}
        testId="billing-run-confirm"
        onClose={() => setConfirm(false)}
        onConfirm={async () => {
          const answer = await call('billing.run', { period });
          setConfirm(false);
          if (answer.ok) setResult({ ...answer.data, period });
        }}
      />
    </Stack>
  );
}
