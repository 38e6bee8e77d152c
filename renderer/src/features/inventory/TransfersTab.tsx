import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Transfer } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { useWarehouseCode } from './inventory-store';
import { TransferReceiveDialog } from './TransferReceiveDialog';
import { TransferSendDialog } from './TransferSendDialog';

const PAGE = 50;

const STATUS_COLOR = { in_transit: 'info', partially_received: 'warning', received: 'success' } as const;

/** Transfers between warehouses: send, see what is in transit, receive all or part. */
export function TransfersTab() {
  const t = useT();
  const format = useFormat();
  const code = useWarehouseCode();
  const canManage = useCan('inventory.manage');
  const [openOnly, setOpenOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [sending, setSending] = useState(false);
  const [receiving, setReceiving] = useState<Transfer | null>(null);
  const { data, loading, reload } = useLoader(JSON.stringify([openOnly, limit]), async () => {
    const result = await call('inventory.transfers.list', { openOnly, limit });
    return result.ok ? result.data : null;
  });

  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <FormControlLabel
          control={
            <Switch
              checked={openOnly}
              onChange={(event) => setOpenOnly(event.target.checked)}
              slotProps={{ input: testId('transfers-open-only') }}
            />
          }
          label={t('transfers.openOnly')}
        />
        <Box sx={{ flex: 1 }} />
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<LocalShippingIcon />}
            onClick={() => setSending(true)}
            data-testid="transfer-new"
          >
            {t('transfers.sendTitle')}
          </Button>
        ) : null}
      </Box>
      <TableContainer>
        <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
        <Table size="small" data-testid="transfers-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('transfers.col.number')}</TableCell>
              <TableCell>{t('transfers.col.sentAt')}</TableCell>
              <TableCell>{t('transfers.col.route')}</TableCell>
              <TableCell>{t('transfers.col.items')}</TableCell>
              <TableCell>{t('transfers.col.status')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(data ?? []).map((transfer) => {
              const sent = transfer.lines.reduce((sum, line) => sum + line.quantitySent, 0);
              const received = transfer.lines.reduce((sum, line) => sum + line.quantityReceived, 0);
              return (
                <TableRow
                  key={transfer.id}
                  data-testid={`transfer-row-${transfer.number}`}
                  data-status={transfer.status}
                >
                  <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{transfer.number}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(transfer.sentAt)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {code(transfer.fromWarehouseId)} → {code(transfer.toWarehouseId)}
                  </TableCell>
                  <TableCell>
                    <Typography
                      variant="body2"
                      noWrap
                      sx={{ maxWidth: 280 }}
                      title={transfer.lines.map((line) => `${line.quantitySent}× ${line.name}`).join(', ')}
                    >
                      {transfer.lines.map((line) => `${line.quantitySent}× ${line.name}`).join(', ')}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {t('transfers.progress', {
                        received: format.number(received),
                        sent: format.number(sent),
                      })}
                      {transfer.note ? ` · ${transfer.note}` : ''}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={STATUS_COLOR[transfer.status]}
                      label={t(`transfers.status.${transfer.status}`)}
                    />
                  </TableCell>
                  <TableCell align="right">
                    {canManage && transfer.status !== 'received' ? (
                      <Button
                        size="small"
                        variant="outlined"
                        onClick={() => setReceiving(transfer)}
                        data-testid={`transfer-receive-${transfer.number}`}
                      >
                        {t('transfers.receive')}
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {!loading && data && data.length === 0 ? (
          <EmptyState icon={<LocalShippingIcon />} title={t('transfers.empty')} testId="transfers-empty" />
        ) : null}
        {data && data.length >= limit ? (
          <Box sx={{ textAlign: 'center', py: 2 }}>
            <Button
              onClick={() => setLimit((current) => Math.min(1000, current + PAGE))}
              disabled={loading || limit >= 1000}
            >
              {t('audit.loadMore')}
            </Button>
          </Box>
        ) : null}
      </TableContainer>
      {sending ? <TransferSendDialog onClose={() => setSending(false)} onDone={reload} /> : null}
      {receiving ? (
        <TransferReceiveDialog transfer={receiving} onClose={() => setReceiving(null)} onDone={reload} />
      ) : null}
    </Box>
  );
}
