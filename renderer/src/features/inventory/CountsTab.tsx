import AddIcon from '@mui/icons-material/Add';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { CountSheet } from './CountSheet';
import { useActiveWarehouses, useWarehouseCode } from './inventory-store';
import { WarehouseSelect } from './WarehouseSelect';

export const COUNT_STATUS_COLOR = { open: 'info', approved: 'success', cancelled: 'default' } as const;

function NewCountDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const t = useT();
  const warehouses = useActiveWarehouses();
  const [warehouseId, setWarehouseId] = useState(() => warehouses[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!warehouseId) {
      setErrors({ warehouseId: t('validation.required') });
      return;
    }
    setBusy(true);
    const result = await call(
      'inventory.counts.create',
      { warehouseId, note: note.trim() },
      { form: ['warehouseId', 'note'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('counts.created', { number: result.data.number }), 'success');
    onCreated(result.data.id);
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth data-testid="count-new-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('counts.newTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <WarehouseSelect
              value={warehouseId}
              onChange={setWarehouseId}
              warehouses={warehouses}
              error={Boolean(errors.warehouseId)}
              helperText={errors.warehouseId}
              testId="count-warehouse"
            />
            <TextField
              label={t('stock.note')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              helperText={t('counts.noteHelp')}
              slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'count-note' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="count-create">
            {t('common.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Stock opname: sheets per warehouse; counting happens on the sheet (scan or type), approval posts it. */
export function CountsTab() {
  const t = useT();
  const format = useFormat();
  const code = useWarehouseCode();
  const canManage = useCan('inventory.manage');
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { data, loading, reload } = useLoader(String(openId === null), async () => {
    const result = await call('inventory.counts.list', { limit: 200 });
    return result.ok ? result.data : null;
  });

  if (openId) {
    return (
      <CountSheet
        countId={openId}
        onBack={() => {
          setOpenId(null);
          reload();
        }}
      />
    );
  }

  return (
    <Box>
      <Box sx={{ display: 'flex', mb: 2 }}>
        <Box sx={{ flex: 1 }} />
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setCreating(true)}
            data-testid="count-new"
          >
            {t('counts.newTitle')}
          </Button>
        ) : null}
      </Box>
      <TableContainer>
        <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
        <Table size="small" data-testid="counts-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('transfers.col.number')}</TableCell>
              <TableCell>{t('stock.col.warehouse')}</TableCell>
              <TableCell>{t('counts.col.created')}</TableCell>
              <TableCell>{t('stock.note')}</TableCell>
              <TableCell>{t('transfers.col.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(data ?? []).map((count) => (
              <TableRow
                key={count.id}
                hover
                onClick={() => setOpenId(count.id)}
                sx={{ cursor: 'pointer' }}
                data-testid={`count-row-${count.number}`}
              >
                <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{count.number}</TableCell>
                <TableCell>{code(count.warehouseId)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(count.createdAt)}</TableCell>
                <TableCell>{count.note || '–'}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={COUNT_STATUS_COLOR[count.status]}
                    label={t(`counts.status.${count.status}`)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!loading && data && data.length === 0 ? (
          <EmptyState
            icon={<FactCheckIcon />}
            title={t('counts.empty')}
            description={t('counts.emptyHint')}
            testId="counts-empty"
          />
        ) : null}
      </TableContainer>
      {creating ? (
        <NewCountDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setOpenId(id);
          }}
        />
      ) : null}
    </Box>
  );
}
