import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import type { CustomerImportError } from '../../../../shared/contract/index';
import { FileButton } from '../../app/components/FileButton';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useI18nStore } from '../../app/i18n/i18n-store';
import { useT } from '../../app/i18n/use-t';

const MAX_CSV_BYTES = 20_000_000;

type Checked = { file: string; csv: string; rows: number; errors: CustomerImportError[] };

/** Pick a CSV, see every row's problems (nothing is written), then import when it is clean. */
export function CustomerImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const t = useT();
  const locale = useI18nStore((state) => state.locale);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (file: File) => {
    if (file.size > MAX_CSV_BYTES) return notify(t('customers.importTooBig'), 'warning');
    setBusy(true);
    setChecked(null);
    try {
      const csv = await file.text();
      const result = await call('customers.import', { csv, dryRun: true });
      if (result.ok) setChecked({ file: file.name, csv, rows: result.data.rows, errors: result.data.errors });
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!checked) return;
    setBusy(true);
    const result = await call('customers.import', { csv: checked.csv, dryRun: false });
    setBusy(false);
    if (!result.ok) return;
    if (result.data.errors.length > 0) {
      setChecked({ ...checked, rows: result.data.rows, errors: result.data.errors });
      return;
    }
    notify(t('customers.importDone', { count: result.data.created }), 'success');
    onImported();
  };

  const ready = checked !== null && checked.errors.length === 0 && checked.rows > 0;
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      data-testid="customer-import-dialog"
    >
      <DialogTitle>{t('customers.importTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('customers.importHelp')}</DialogContentText>
        <FileButton
          accept=".csv,text/csv"
          testId="customer-import-file"
          variant="outlined"
          disabled={busy}
          onFile={(file) => void check(file)}
        >
          {t('customers.importChoose')}
        </FileButton>
        {busy ? <LinearProgress sx={{ mt: 2 }} /> : null}
        {checked && ready ? (
          <Alert severity="success" sx={{ mt: 2 }} data-testid="customer-import-ready">
            {t('customers.importReady', { count: checked.rows, file: checked.file })}
          </Alert>
        ) : null}
        {checked && checked.errors.length > 0 ? (
          <>
            <Alert severity="error" sx={{ mt: 2 }} data-testid="customer-import-summary">
              {t('customers.importErrors', { count: checked.errors.length, file: checked.file })}
            </Alert>
            <TableContainer sx={{ maxHeight: 360, mt: 1 }}>
              <Table size="small" stickyHeader data-testid="customer-import-errors">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('customers.importRow')}</TableCell>
                    <TableCell>{t('customers.importColumn')}</TableCell>
                    <TableCell>{t('customers.importMessage')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {checked.errors.map((error, index) => (
                    <TableRow key={index} data-testid="customer-import-error">
                      <TableCell>{error.row}</TableCell>
                      <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{error.column}</TableCell>
                      <TableCell>{error.message[locale]}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy} data-testid="customer-import-cancel">
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={() => void run()}
          disabled={busy || !ready}
          data-testid="customer-import-run"
        >
          {t('customers.importRun', { count: checked?.rows ?? 0 })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
