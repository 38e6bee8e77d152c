import DescriptionIcon from '@mui/icons-material/Description';
import DownloadIcon from '@mui/icons-material/Download';
import TableViewIcon from '@mui/icons-material/TableView';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/index';
import { FileButton } from '../../app/components/FileButton';
import { base64ToBlob, csvBlob, downloadBlob, XLSX_TYPE } from '../../app/download';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { transport } from '../../ipc/transport';
import { useCan } from '../session/session-store';
import { CsvErrors } from './CsvErrors';
import { useActiveWarehouses } from './inventory-store';
import { WarehouseSelect } from './WarehouseSelect';

type RowErrors = ChannelOutput<'inventory.import.products'>['errors'];
type ImportState =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'invalid'; fileName: string; errors: RowErrors }
  | { step: 'ready'; fileName: string; csv: string; rows: number }
  | { step: 'importing'; fileName: string; done: number; total: number }
  | { step: 'done'; fileName: string; imported: number };

const COLUMNS =
  'name;sku;barcode;category;unit;price;cost;tax_mode;tags;variant;negative_policy;low_stock_threshold';

/** Data rows of a CSV (lines that are not empty, minus the header): what the dry run checked. */
function countRows(csv: string): number {
  return Math.max(0, csv.split(/\r?\n/).filter((line) => line.trim() !== '').length - 1);
}

/** CSV import (dry run first, every row error at once, progress while it writes) and CSV/XLSX export. */
export function ImportExportTab() {
  const t = useT();
  const format = useFormat();
  const canManage = useCan('inventory.manage');
  const warehouses = useActiveWarehouses();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [delimiter, setDelimiter] = useState<',' | ';'>(';');
  const [stockWarehouse, setStockWarehouse] = useState('');
  const [exporting, setExporting] = useState<string | null>(null);

  const check = async (file: File) => {
    setState({ step: 'checking', fileName: file.name });
    const csv = await file.text();
    if (csv.trim() === '') {
      setState({
        step: 'invalid',
        fileName: file.name,
        errors: [{ row: 1, field: '', message: t('io.emptyFile') }],
      });
      return;
    }
    const result = await call('inventory.import.products', { csv, dryRun: true });
    if (!result.ok) {
      setState({ step: 'idle' });
      return;
    }
    setState(
      result.data.errors.length > 0
        ? { step: 'invalid', fileName: file.name, errors: result.data.errors }
        : { step: 'ready', fileName: file.name, csv, rows: countRows(csv) },
    );
  };

  const runImport = async (fileName: string, csv: string, rows: number) => {
    setState({ step: 'importing', fileName, done: 0, total: rows });
    const stop = transport.on('job.progress', (progress) => {
      if (progress.label === 'import.products') {
        setState({ step: 'importing', fileName, done: progress.done, total: progress.total });
      }
    });
    const result = await call('inventory.import.products', { csv, dryRun: false });
    stop();
    if (!result.ok) {
      setState({ step: 'ready', fileName, csv, rows });
      return;
    }
    if (result.data.errors.length > 0) {
      setState({ step: 'invalid', fileName, errors: result.data.errors });
      return;
    }
    notify(t('io.imported', { count: format.number(result.data.imported) }), 'success');
    setState({ step: 'done', fileName, imported: result.data.imported });
  };

  const exportCsv = async () => {
    setExporting('csv');
    const result = await call('inventory.export.products', { delimiter });
    setExporting(null);
    if (result.ok) downloadBlob(result.data.fileName, csvBlob(result.data.csv));
  };

  const exportXlsx = async (kind: 'products' | 'stock') => {
    setExporting(kind);
    const result = await call('inventory.export.xlsx', {
      kind,
      ...(kind === 'stock' && stockWarehouse ? { warehouseId: stockWarehouse } : {}),
    });
    setExporting(null);
    if (result.ok) downloadBlob(result.data.fileName, base64ToBlob(result.data.base64, XLSX_TYPE));
  };

  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
        alignItems: 'start',
      }}
    >
      <Paper variant="outlined" sx={{ p: 2.5 }} data-testid="import-panel">
        <Typography variant="h6" sx={{ fontWeight: 700, mb: 0.5 }}>
          {t('io.importTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {t('io.importHint')}
        </Typography>
        <Typography
          component="pre"
          variant="caption"
          sx={{
            p: 1,
            bgcolor: 'action.hover',
            borderRadius: 1,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
            fontFamily: 'ui-monospace, monospace',
            mb: 2,
          }}
        >
          {COLUMNS}
        </Typography>
        {canManage ? (
          <Stack spacing={2}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <FileButton
                variant="outlined"
                accept=".csv,text/csv"
                testId="import-file"
                startIcon={<UploadFileIcon />}
                disabled={state.step === 'checking' || state.step === 'importing'}
                onFile={(file) => void check(file)}
              >
                {t('io.pickFile')}
              </FileButton>
              {state.step !== 'idle' ? (
                <Typography variant="body2" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                  <DescriptionIcon fontSize="small" color="action" />
                  {state.fileName}
                </Typography>
              ) : null}
            </Box>
            {state.step === 'checking' ? <LinearProgress data-testid="import-checking" /> : null}
            {state.step === 'invalid' ? <CsvErrors errors={state.errors} testId="import-errors" /> : null}
            {state.step === 'ready' ? (
              <Alert
                severity="success"
                data-testid="import-ready"
                action={
                  <Button
                    color="inherit"
                    variant="outlined"
                    size="small"
                    onClick={() => void runImport(state.fileName, state.csv, state.rows)}
                    data-testid="import-run"
                  >
                    {t('io.importNow')}
                  </Button>
                }
              >
                {t('io.dryRunOk', { count: format.number(state.rows) })}
              </Alert>
            ) : null}
            {state.step === 'importing' ? (
              <Box data-testid="import-progress">
                <LinearProgress
                  variant={state.total > 0 ? 'determinate' : 'indeterminate'}
                  value={state.total > 0 ? (state.done * 100) / state.total : 0}
                />
                <Typography variant="caption" color="text.secondary">
                  {t('io.progress', { done: format.number(state.done), total: format.number(state.total) })}
                </Typography>
              </Box>
            ) : null}
            {state.step === 'done' ? (
              <Alert severity="success" data-testid="import-done">
                {t('io.imported', { count: format.number(state.imported) })}
              </Alert>
            ) : null}
          </Stack>
        ) : (
          <Alert severity="info">{t('io.needsManage')}</Alert>
        )}
      </Paper>

      <Paper variant="outlined" sx={{ p: 2.5 }}>
        <Typography variant="h6" sx={{ fontWeight: 700, mb: 1.5 }}>
          {t('io.exportTitle')}
        </Typography>
        <Stack spacing={2}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField
              select
              size="small"
              label={t('io.delimiter')}
              value={delimiter}
              onChange={(event) => setDelimiter(event.target.value === ',' ? ',' : ';')}
              sx={{ width: 200 }}
              slotProps={{ select: { native: true } }}
            >
              <option value=";">{t('io.delimiterSemicolon')}</option>
              <option value=",">{t('io.delimiterComma')}</option>
            </TextField>
            <Button
              variant="outlined"
              startIcon={<DownloadIcon />}
              onClick={() => void exportCsv()}
              disabled={exporting !== null}
              data-testid="export-csv"
            >
              {t('io.exportCsv')}
            </Button>
          </Box>
          <Button
            variant="outlined"
            startIcon={<TableViewIcon />}
            onClick={() => void exportXlsx('products')}
            disabled={exporting !== null}
            data-testid="export-xlsx-products"
            sx={{ alignSelf: 'flex-start' }}
          >
            {t('io.exportXlsxProducts')}
          </Button>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <WarehouseSelect
              size="small"
              value={stockWarehouse}
              onChange={setStockWarehouse}
              warehouses={warehouses}
              allowAll
              testId="export-stock-warehouse"
              sx={{ width: 220 }}
            />
            <Button
              variant="outlined"
              startIcon={<TableViewIcon />}
              onClick={() => void exportXlsx('stock')}
              disabled={exporting !== null}
              data-testid="export-xlsx-stock"
            >
              {t('io.exportXlsxStock')}
            </Button>
          </Box>
          {exporting ? <LinearProgress /> : null}
        </Stack>
      </Paper>
    </Box>
  );
}
