import HistoryIcon from '@mui/icons-material/History';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useEffect } from 'react';
import { EmptyState } from '../../app/components/EmptyState';
import { PageHeader } from '../../app/components/PageHeader';
import { useT } from '../../app/i18n/use-t';
import { useTimeZone } from '../../app/use-format';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditRow } from './AuditRow';
import { NO_FILTERS, useAuditStore } from './audit-store';

export function AuditScreen() {
  const t = useT();
  const timeZone = useTimeZone();
  const entries = useAuditStore((state) => state.entries);
  const loading = useAuditStore((state) => state.loading);
  const nextBeforeSeq = useAuditStore((state) => state.nextBeforeSeq);
  const verifying = useAuditStore((state) => state.verifying);
  const verification = useAuditStore((state) => state.verification);

  useEffect(() => {
    void useAuditStore.getState().load(NO_FILTERS, timeZone);
  }, [timeZone]);

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle', { tz: timeZone })}
        actions={
          <Button
            variant="outlined"
            startIcon={<VerifiedUserIcon />}
            onClick={() => void useAuditStore.getState().verify()}
            disabled={verifying}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verification ? (
        <Alert
          severity={verification.ok ? 'success' : 'error'}
          sx={{ mb: 2 }}
          data-testid="audit-verify-result"
          data-ok={verification.ok}
        >
          {verification.ok || !verification.firstBroken
            ? t('audit.verifyOk', { count: verification.checked })
            : t('audit.verifyBroken', {
                seq: verification.firstBroken.seq,
                reason: verification.firstBroken.reason,
              })}
        </Alert>
      ) : null}
      <AuditFilterBar onApply={(filters) => void useAuditStore.getState().load(filters, timeZone)} />
      <Paper variant="outlined">
        <TableContainer>
          <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
          <Table size="small" data-testid="audit-table">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 48 }} />
                <TableCell>{t('audit.col.time')}</TableCell>
                <TableCell>{t('audit.col.user')}</TableCell>
                <TableCell>{t('audit.col.channel')}</TableCell>
                <TableCell>{t('audit.col.entity')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </TableBody>
          </Table>
          {!loading && entries.length === 0 ? (
            <EmptyState icon={<HistoryIcon />} title={t('audit.empty')} testId="audit-empty" />
          ) : null}
        </TableContainer>
        {nextBeforeSeq !== null ? (
          <Box sx={{ display: 'flex', justifyContent: 'center', p: 2, borderTop: 1, borderColor: 'divider' }}>
            <Button
              onClick={() => void useAuditStore.getState().loadMore()}
              disabled={loading}
              data-testid="audit-load-more"
            >
              {t('audit.loadMore')}
            </Button>
          </Box>
        ) : null}
      </Paper>
    </>
  );
}
