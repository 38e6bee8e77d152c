import TaskAltIcon from '@mui/icons-material/TaskAlt';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { ReasonDialog } from '../../app/components/ReasonDialog';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { movementLabel } from './movement-kind';

type Review = ChannelOutput<'inventory.reviews.list'>[number];

/** Sales and moves that took stock below zero (items that allow it): someone checks each one. */
export function ReviewsTab() {
  const t = useT();
  const format = useFormat();
  const canAdjust = useCan('inventory.adjust');
  const [resolving, setResolving] = useState<Review | null>(null);
  const { data, loading, reload } = useLoader('reviews', async () => {
    const result = await call('inventory.reviews.list', { limit: 500 });
    return result.ok ? result.data : null;
  });

  return (
    <Box>
      <Alert severity="info" sx={{ mb: 2 }}>
        {t('reviews.hint')}
      </Alert>
      <TableContainer>
        <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
        <Table size="small" data-testid="reviews-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('stock.col.time')}</TableCell>
              <TableCell>{t('sale.col.item')}</TableCell>
              <TableCell>{t('stock.col.warehouse')}</TableCell>
              <TableCell>{t('stock.col.kind')}</TableCell>
              <TableCell align="right">{t('stock.col.quantity')}</TableCell>
              <TableCell align="right">{t('stock.col.balance')}</TableCell>
              {canAdjust ? <TableCell /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {(data ?? []).map((review) => (
              <TableRow key={review.movementId} data-testid={`review-row-${review.sku}`}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(review.at)}</TableCell>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {review.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {review.sku}
                  </Typography>
                </TableCell>
                <TableCell>{review.warehouseCode}</TableCell>
                <TableCell>
                  <Chip size="small" label={t(movementLabel(review.kind))} sx={{ height: 22 }} />
                </TableCell>
                <TableCell align="right">{format.number(review.quantity)}</TableCell>
                <TableCell align="right" sx={{ color: 'error.main', fontWeight: 700 }}>
                  {format.number(review.balanceAfter)}
                </TableCell>
                {canAdjust ? (
                  <TableCell align="right">
                    <Button
                      size="small"
                      startIcon={<TaskAltIcon />}
                      onClick={() => setResolving(review)}
                      data-testid={`review-resolve-${review.sku}`}
                    >
                      {t('reviews.resolve')}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!loading && data && data.length === 0 ? (
          <EmptyState icon={<TaskAltIcon />} title={t('reviews.empty')} testId="reviews-empty" />
        ) : null}
      </TableContainer>
      {resolving ? (
        <ReasonDialog
          title={t('reviews.resolveTitle', { name: resolving.name })}
          body={t('reviews.resolveBody', {
            balance: format.number(resolving.balanceAfter),
            warehouse: resolving.warehouseCode,
          })}
          label={t('reviews.note')}
          confirmLabel={t('reviews.resolve')}
          testId="review-resolve-dialog"
          onClose={() => setResolving(null)}
          onConfirm={async (note) => {
            const result = await call('inventory.reviews.resolve', {
              movementId: resolving.movementId,
              note,
            });
            if (result.ok) {
              notify(t('reviews.resolved'), 'success');
              reload();
            }
            return result.ok;
          }}
        />
      ) : null}
    </Box>
  );
}
