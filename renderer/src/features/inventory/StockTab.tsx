import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import TuneIcon from '@mui/icons-material/Tune';
import WarehouseIcon from '@mui/icons-material/Warehouse';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { StockLevel } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { FilterBar, FilterSpacer } from '../../app/components/FilterBar';
import { SearchField } from '../../app/components/SearchField';
import { TablePager } from '../../app/components/TablePager';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { AdjustStockDialog } from './AdjustStockDialog';
import { useActiveWarehouses } from './inventory-store';
import { ReceiveGoodsDialog } from './ReceiveGoodsDialog';
import { StockHistoryDrawer, type HistoryTarget } from './StockHistoryDrawer';
import { ThresholdDialog } from './ThresholdDialog';
import { WarehouseSelect } from './WarehouseSelect';

/** Stock per item × warehouse: on hand, reserved, available, in transit; low-stock filter; history. */
export function StockTab() {
  const t = useT();
  const format = useFormat();
  const canManage = useCan('inventory.manage');
  const canAdjust = useCan('inventory.adjust');
  const warehouses = useActiveWarehouses();
  const [warehouseId, setWarehouseId] = useState('');
  const [query, setQuery] = useState('');
  const wanted = useDebouncedValue(query.trim(), 250);
  const [lowOnly, setLowOnly] = useState(false);
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState(50);
  const [history, setHistory] = useState<HistoryTarget | null>(null);
  const [adjusting, setAdjusting] = useState<StockLevel | null>(null);
  const [thresholdOf, setThresholdOf] = useState<StockLevel | null>(null);
  const [receiving, setReceiving] = useState(false);

  const { data, loading, reload } = useLoader(
    JSON.stringify([warehouseId, wanted, lowOnly, page, rows]),
    async () => {
      const result = await call('inventory.stock.levels', {
        lowOnly,
        offset: page * rows,
        limit: rows,
        ...(warehouseId ? { warehouseId } : {}),
        ...(wanted ? { query: wanted } : {}),
      });
      return result.ok ? result.data : null;
    },
  );

  return (
    <Box>
      <FilterBar>
        <SearchField
          label={t('stock.search')}
          value={query}
          onChange={(value) => {
            setQuery(value);
            setPage(0);
          }}
          testId="stock-search"
          sx={{ maxWidth: 320 }}
        />
        <WarehouseSelect
          size="small"
          value={warehouseId}
          onChange={(id) => {
            setWarehouseId(id);
            setPage(0);
          }}
          warehouses={warehouses}
          allowAll
          testId="stock-warehouse"
          sx={{ width: 240 }}
        />
        <FormControlLabel
          control={
            <Switch
              checked={lowOnly}
              onChange={(event) => {
                setLowOnly(event.target.checked);
                setPage(0);
              }}
              slotProps={{ input: testId('stock-low-only') }}
            />
          }
          label={t('stock.lowOnly')}
        />
        <FilterSpacer />
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<MoveToInboxIcon />}
            onClick={() => setReceiving(true)}
            data-testid="stock-receive"
          >
            {t('stock.receive')}
          </Button>
        ) : null}
      </FilterBar>
      <TableContainer>
        <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
        <Table size="small" data-testid="stock-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('sale.col.item')}</TableCell>
              <TableCell>{t('stock.col.warehouse')}</TableCell>
              <TableCell align="right">{t('stock.col.onHand')}</TableCell>
              <TableCell align="right">{t('stock.col.reserved')}</TableCell>
              <TableCell align="right">{t('stock.col.available')}</TableCell>
              <TableCell align="right">{t('stock.col.inTransit')}</TableCell>
              <TableCell align="right">{t('stock.col.threshold')}</TableCell>
              {canAdjust ? <TableCell /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.levels ?? []).map((level) => (
              <TableRow
                key={`${level.itemId}-${level.warehouseId}`}
                hover
                onClick={() =>
                  setHistory({
                    itemId: level.itemId,
                    name: level.name,
                    sku: level.sku,
                    warehouseId: level.warehouseId,
                  })
                }
                sx={{ cursor: 'pointer' }}
                data-testid={`stock-row-${level.sku}-${level.warehouseCode}`}
              >
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {level.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {level.sku}
                  </Typography>
                </TableCell>
                <TableCell>{level.warehouseCode}</TableCell>
                <TableCell
                  align="right"
                  sx={{
                    fontWeight: 700,
                    color: level.onHand < 0 ? 'error.main' : level.onHand === 0 ? 'text.disabled' : undefined,
                  }}
                  data-testid="stock-on-hand"
                >
                  {format.number(level.onHand)}
                </TableCell>
                <TableCell align="right">{level.reserved ? format.number(level.reserved) : '–'}</TableCell>
                <TableCell align="right">
                  {format.number(level.available)}
                  {level.low ? (
                    <Chip
                      size="small"
                      color="warning"
                      label={t('stock.low')}
                      sx={{ ml: 1, height: 20 }}
                      data-testid="stock-low-chip"
                    />
                  ) : null}
                </TableCell>
                <TableCell
                  align="right"
                  data-testid="stock-in-transit"
                  sx={{ color: level.inTransit ? 'info.main' : undefined }}
                >
                  {level.inTransit ? format.number(level.inTransit) : '–'}
                </TableCell>
                <TableCell align="right" onClick={(event) => event.stopPropagation()}>
                  {canManage ? (
                    <Tooltip title={t('stock.thresholdTitle')}>
                      <Button
                        size="small"
                        onClick={() => setThresholdOf(level)}
                        data-testid={`stock-threshold-${level.sku}-${level.warehouseCode}`}
                        sx={{ minWidth: 0 }}
                      >
                        {level.lowStockThreshold || '–'}
                      </Button>
                    </Tooltip>
                  ) : (
                    level.lowStockThreshold || '–'
                  )}
                </TableCell>
                {canAdjust ? (
                  <TableCell align="right" onClick={(event) => event.stopPropagation()}>
                    <Tooltip title={t('stock.adjustTitle')}>
                      <IconButton
                        size="small"
                        onClick={() => setAdjusting(level)}
                        data-testid={`stock-adjust-${level.sku}-${level.warehouseCode}`}
                      >
                        <TuneIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!loading && data && data.levels.length === 0 ? (
          <EmptyState
            icon={<WarehouseIcon />}
            title={lowOnly ? t('stock.noLow') : t('stock.empty')}
            testId="stock-empty"
          />
        ) : null}
      </TableContainer>
      {data ? (
        <TablePager
          count={data.total}
          page={page}
          rowsPerPage={rows}
          onPageChange={setPage}
          onRowsPerPageChange={(next) => {
            setRows(next);
            setPage(0);
          }}
        />
      ) : null}
      {history ? <StockHistoryDrawer target={history} onClose={() => setHistory(null)} /> : null}
      {thresholdOf ? (
        <ThresholdDialog level={thresholdOf} onClose={() => setThresholdOf(null)} onDone={reload} />
      ) : null}
      {adjusting ? (
        <AdjustStockDialog level={adjusting} onClose={() => setAdjusting(null)} onDone={reload} />
      ) : null}
      {receiving ? <ReceiveGoodsDialog onClose={() => setReceiving(false)} onDone={reload} /> : null}
    </Box>
  );
}
