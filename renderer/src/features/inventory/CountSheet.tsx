import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DownloadIcon from '@mui/icons-material/Download';
import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ChannelOutput, StockCount } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { FileButton } from '../../app/components/FileButton';
import { IntegerField } from '../../app/components/IntegerField';
import { downloadBlob, csvBlob } from '../../app/download';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { COUNT_STATUS_COLOR } from './CountsTab';
import { CsvErrors } from './CsvErrors';
import { useWarehouseCode } from './inventory-store';
import { ItemPicker } from './ItemPicker';

type ImportErrors = ChannelOutput<'inventory.counts.importCsv'>['errors'];

/** A typed count, saved when the field is left or Enter is pressed. */
function CountCell({
  counted,
  testId,
  onCommit,
}: {
  counted: number;
  testId: string;
  onCommit(counted: number): void;
}) {
  const [draft, setDraft] = useState<number | null>(counted);
  const [seen, setSeen] = useState(counted);
  if (seen !== counted) {
    setSeen(counted);
    setDraft(counted);
  }
  const commit = () => {
    if (draft !== null && draft !== counted) onCommit(draft);
    else setDraft(counted);
  };
  return (
    <IntegerField
      size="small"
      value={draft}
      onChange={setDraft}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
      }}
      testId={testId}
    />
  );
}

function varianceColor(variance: number) {
  if (variance === 0) return 'text.secondary';
  return variance < 0 ? 'error.main' : 'warning.main';
}

/**
 * One opname sheet: every scan adds one to that item's count (saved at once), counts can be typed,
 * the variance against the book shows as it goes; a manager approves it to post the differences.
 */
export function CountSheet({ countId, onBack }: { countId: string; onBack(): void }) {
  const t = useT();
  const format = useFormat();
  const code = useWarehouseCode();
  const canManage = useCan('inventory.manage');
  const canAdjust = useCan('inventory.adjust');
  const [sheet, setSheet] = useState<StockCount | null>(null);
  const [approving, setApproving] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [importErrors, setImportErrors] = useState<ImportErrors>([]);
  const loaded = useLoader(countId, async () => {
    const result = await call('inventory.counts.get', { id: countId });
    return result.ok ? result.data : null;
  });
  const current = sheet?.id === countId ? sheet : loaded.data;
  const editable = canManage && current?.status === 'open';

  const record = async (itemId: string, counted: number) => {
    const result = await call('inventory.counts.record', { countId, lines: [{ itemId, counted }] });
    if (result.ok) setSheet(result.data);
  };

  const exportCsv = async () => {
    const result = await call('inventory.counts.exportCsv', { id: countId, delimiter: ';' });
    if (result.ok) downloadBlob(result.data.fileName, csvBlob(result.data.csv));
  };

  const importCsv = async (file: File) => {
    const result = await call('inventory.counts.importCsv', { countId, csv: await file.text() });
    if (!result.ok) return;
    setImportErrors(result.data.errors);
    if (result.data.errors.length === 0) {
      notify(t('counts.imported', { count: result.data.recorded }), 'success');
      const fresh = await call('inventory.counts.get', { id: countId });
      if (fresh.ok) setSheet(fresh.data);
    }
  };

  if (!current) return <LinearProgress />;
  const varianceLines = current.lines.filter((line) => line.variance !== 0).length;

  return (
    <Box data-testid="count-sheet">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <IconButton onClick={onBack} aria-label={t('common.back')} data-testid="count-back">
          <ArrowBackIcon />
        </IconButton>
        <Typography variant="h6" sx={{ fontWeight: 700 }}>
          {current.number}
        </Typography>
        <Chip size="small" label={code(current.warehouseId)} />
        <Chip
          size="small"
          color={COUNT_STATUS_COLOR[current.status]}
          label={t(`counts.status.${current.status}`)}
          data-testid="count-status"
        />
        <Typography variant="body2" color="text.secondary">
          {format.dateTime(current.createdAt)}
          {current.note ? ` · ${current.note}` : ''}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button startIcon={<DownloadIcon />} onClick={() => void exportCsv()} data-testid="count-export">
          {t('counts.exportCsv')}
        </Button>
        {editable ? (
          <FileButton
            accept=".csv,text/csv"
            testId="count-import"
            startIcon={<UploadIcon />}
            onFile={(file) => void importCsv(file)}
          >
            {t('counts.importCsv')}
          </FileButton>
        ) : null}
      </Box>

      {editable ? (
        <Box sx={{ maxWidth: 520, mb: 2 }}>
          <ItemPicker
            label={t('counts.scan')}
            testId="count-scan"
            warehouseId={current.warehouseId}
            autoFocus
            onPick={(hit) => {
              const counted = current.lines.find((line) => line.itemId === hit.itemId)?.counted ?? 0;
              void record(hit.itemId, counted + 1);
            }}
          />
          <Typography variant="caption" color="text.secondary">
            {t('counts.scanHelp')}
          </Typography>
        </Box>
      ) : null}

      <CsvErrors errors={importErrors} testId="count-import-errors" />

      <TableContainer>
        <Table size="small" data-testid="count-lines">
          <TableHead>
            <TableRow>
              <TableCell>{t('sale.col.item')}</TableCell>
              <TableCell align="right">{t('counts.col.expected')}</TableCell>
              <TableCell align="center">{t('counts.col.counted')}</TableCell>
              <TableCell align="right">{t('counts.col.variance')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {current.lines.map((line) => (
              <TableRow key={line.itemId} data-testid={`count-line-${line.sku}`}>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {line.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {line.sku}
                  </Typography>
                </TableCell>
                <TableCell align="right">{format.number(line.expected)}</TableCell>
                <TableCell align="center" sx={{ width: 130 }}>
                  {editable ? (
                    <CountCell
                      counted={line.counted}
                      testId={`count-counted-${line.sku}`}
                      onCommit={(counted) => void record(line.itemId, counted)}
                    />
                  ) : (
                    format.number(line.counted)
                  )}
                </TableCell>
                <TableCell
                  align="right"
                  sx={{ fontWeight: 700, color: varianceColor(line.variance) }}
                  data-testid={`count-variance-${line.sku}`}
                >
                  {line.variance > 0 ? '+' : ''}
                  {format.number(line.variance)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {current.lines.length === 0 ? (
        <Alert severity="info" sx={{ mt: 2 }}>
          {t('counts.noLines')}
        </Alert>
      ) : null}

      {current.status === 'open' && (canAdjust || canManage) ? (
        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', mt: 2 }}>
          {canManage ? (
            <Button color="error" onClick={() => setCancelling(true)} data-testid="count-cancel">
              {t('counts.cancel')}
            </Button>
          ) : null}
          {canAdjust ? (
            <Button
              variant="contained"
              onClick={() => setApproving(true)}
              disabled={current.lines.length === 0}
              data-testid="count-approve"
            >
              {t('counts.approve')}
            </Button>
          ) : null}
        </Box>
      ) : null}

      <ConfirmDialog
        open={approving}
        title={t('counts.approveTitle', { number: current.number })}
        body={t('counts.approveBody', { lines: current.lines.length, variances: varianceLines })}
        confirmLabel={t('counts.approve')}
        testId="count-approve-dialog"
        onClose={() => setApproving(false)}
        onConfirm={async () => {
          const result = await call('inventory.counts.approve', { id: countId });
          setApproving(false);
          if (result.ok) {
            setSheet(result.data);
            notify(t('counts.approved', { number: result.data.number }), 'success');
          }
        }}
      />
      <ConfirmDialog
        open={cancelling}
        title={t('counts.cancelTitle', { number: current.number })}
        body={t('counts.cancelBody')}
        confirmLabel={t('counts.cancel')}
        danger
        testId="count-cancel-dialog"
        onClose={() => setCancelling(false)}
        onConfirm={async () => {
          const result = await call('inventory.counts.cancel', { id: countId });
          setCancelling(false);
          if (result.ok) setSheet(result.data);
        }}
      />
    </Box>
  );
}
