import CloseIcon from '@mui/icons-material/Close';
import FlagIcon from '@mui/icons-material/Flag';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Movement } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useInventoryStore } from './inventory-store';
import { movementLabel } from './movement-kind';
import { WarehouseSelect } from './WarehouseSelect';

const PAGE = 50;

export type HistoryTarget = { itemId: string; name: string; sku: string; warehouseId: string };

/** An item's ledger, newest first: every movement with the balance it left. */
export function StockHistoryDrawer({ target, onClose }: { target: HistoryTarget; onClose(): void }) {
  const t = useT();
  const format = useFormat();
  const warehouses = useInventoryStore((state) => state.warehouses);
  const [warehouseId, setWarehouseId] = useState(target.warehouseId);
  const [limit, setLimit] = useState(PAGE);
  const { data, loading } = useLoader(JSON.stringify([target.itemId, warehouseId, limit]), async () => {
    const result = await call('inventory.stock.history', {
      itemId: target.itemId,
      limit,
      ...(warehouseId ? { warehouseId } : {}),
    });
    return result.ok ? result.data : null;
  });

  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      // Above the app bar, which sits over the permanent navigation drawer.
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{ paper: { sx: { width: { xs: '100%', sm: 720 } } } }}
    >
      <Box sx={{ p: 2, display: 'flex', alignItems: 'flex-start', gap: 1 }} data-testid="stock-history">
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="overline" color="text.secondary">
            {t('stock.historyTitle')}
          </Typography>
          <Typography variant="h6" sx={{ fontWeight: 700 }} noWrap>
            {target.name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {target.sku}
          </Typography>
        </Box>
        <IconButton onClick={onClose} aria-label={t('common.close')} data-testid="stock-history-close">
          <CloseIcon />
        </IconButton>
      </Box>
      <Box sx={{ px: 2, pb: 1 }}>
        <WarehouseSelect
          size="small"
          value={warehouseId}
          onChange={setWarehouseId}
          warehouses={warehouses}
          allowAll
          testId="stock-history-warehouse"
          sx={{ maxWidth: 280 }}
        />
      </Box>
      <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
      <Box sx={{ flex: 1, overflow: 'auto', px: 1 }}>
        <Table size="small" stickyHeader data-testid="stock-history-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('stock.col.time')}</TableCell>
              <TableCell>{t('stock.col.kind')}</TableCell>
              {warehouseId ? null : <TableCell>{t('stock.col.warehouse')}</TableCell>}
              <TableCell align="right">{t('stock.col.quantity')}</TableCell>
              <TableCell align="right">{t('stock.col.balance')}</TableCell>
              <TableCell>{t('stock.col.note')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.movements ?? []).map((movement: Movement) => (
              <TableRow key={movement.id} data-testid={`movement-${movement.kind}`}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(movement.at)}</TableCell>
                <TableCell>
                  <Chip size="small" label={t(movementLabel(movement.kind))} sx={{ height: 22 }} />
                  {movement.flagged ? (
                    <Tooltip title={t('stock.flagged')}>
                      <FlagIcon color="warning" fontSize="small" sx={{ ml: 0.5, verticalAlign: 'middle' }} />
                    </Tooltip>
                  ) : null}
                </TableCell>
                {warehouseId ? null : <TableCell>{movement.warehouseCode}</TableCell>}
                <TableCell
                  align="right"
                  sx={{ fontWeight: 700, color: movement.quantity < 0 ? 'error.main' : 'success.main' }}
                  data-testid="movement-quantity"
                >
                  {movement.quantity > 0 ? '+' : ''}
                  {format.number(movement.quantity)}
                </TableCell>
                <TableCell align="right">{format.number(movement.balanceAfter)}</TableCell>
                <TableCell sx={{ maxWidth: 180 }}>
                  <Typography variant="body2" noWrap title={movement.reason}>
                    {movement.reason || '–'}
                  </Typography>
                  {movement.username ? (
                    <Typography variant="caption" color="text.secondary">
                      {movement.username}
                    </Typography>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {data && data.movements.length === 0 ? <EmptyState title={t('stock.historyEmpty')} /> : null}
        {data && data.total > data.movements.length ? (
          <Box sx={{ textAlign: 'center', py: 2 }}>
            <Button
              onClick={() => setLimit((current) => Math.min(1000, current + PAGE))}
              disabled={loading || limit >= 1000}
            >
              {t('audit.loadMore')}
            </Button>
          </Box>
        ) : null}
      </Box>
    </Drawer>
  );
}
