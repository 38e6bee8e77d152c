import BuildIcon from '@mui/icons-material/Build';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { DriftRow } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import type { TranslationKey } from '../../app/i18n/id';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { RouterPicker } from './RouterPicker';

const KIND_LABEL: Record<DriftRow['kind'], TranslationKey> = {
  missing: 'drift.kind.missing',
  extra: 'drift.kind.extra',
  different: 'drift.kind.different',
};
const KIND_COLOR: Record<DriftRow['kind'], 'warning' | 'error' | 'info'> = {
  missing: 'warning',
  extra: 'error',
  different: 'info',
};

function DriftPanel({ routerId }: { routerId: string }) {
  const t = useT();
  const format = useFormat();
  const canManage = useCan('network.manage');
  const preview = useLoader(`drift/${routerId}`, async () => {
    const result = await call('network.reconcile.preview', { routerId });
    return result.ok ? result.data : null;
  });
  const [confirming, setConfirming] = useState(false);
  const drift = preview.data?.drift ?? [];

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 2 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {preview.data ? t('drift.checkedAt', { time: format.dateTime(preview.data.checkedAt) }) : ''}
        </Typography>
        <Button onClick={preview.reload} data-testid="drift-check">
          {t('drift.check')}
        </Button>
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<BuildIcon />}
            disabled={drift.length === 0}
            onClick={() => setConfirming(true)}
            data-testid="drift-fix"
          >
            {t('drift.fix')}
          </Button>
        ) : null}
      </Box>
      {preview.loading ? <LinearProgress sx={{ mb: 1 }} /> : null}
      <Table size="small" data-testid="drift-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('drift.kind')}</TableCell>
            <TableCell>{t('drift.menu')}</TableCell>
            <TableCell>{t('drift.name')}</TableCell>
            <TableCell>{t('drift.differences')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {drift.map((row) => (
            <TableRow key={`${row.menu}/${row.name}/${row.kind}`}>
              <TableCell>
                <Chip size="small" color={KIND_COLOR[row.kind]} label={t(KIND_LABEL[row.kind])} />
              </TableCell>
              <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{row.menu}</TableCell>
              <TableCell sx={{ fontWeight: 600 }}>{row.name}</TableCell>
              <TableCell>
                {Object.entries(row.differences).map(([field, [database, router]]) => (
                  <div key={field}>
                    <strong>{field}</strong>: {t('drift.difference', { database, router })}
                  </div>
                ))}
                {Object.keys(row.differences).length === 0 ? '–' : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {preview.data && drift.length === 0 ? (
        <EmptyState icon={<CheckCircleIcon />} title={t('drift.empty')} testId="drift-empty" />
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('drift.fixTitle')}
        body={t('drift.fixBody', { count: drift.length })}
        confirmLabel={t('drift.fix')}
        testId="drift-fix-dialog"
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          const result = await call('network.reconcile.apply', { routerId });
          if (result.ok) notify(t('drift.fixed', { count: result.data.jobs.length }), 'success');
          setConfirming(false);
          preview.reload();
        }}
      />
    </Box>
  );
}

/** What differs between Gerai's records and the router, and fixing it as jobs. */
export function DriftTab() {
  return <RouterPicker>{(routerId) => <DriftPanel key={routerId} routerId={routerId} />}</RouterPicker>;
}
