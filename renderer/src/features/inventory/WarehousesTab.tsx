import AddIcon from '@mui/icons-material/Add';
import ArchiveIcon from '@mui/icons-material/Archive';
import EditIcon from '@mui/icons-material/Edit';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import WarehouseIcon from '@mui/icons-material/Warehouse';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { useState, type FormEvent } from 'react';
import type { Warehouse } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useCan } from '../session/session-store';
import { useInventoryStore } from './inventory-store';

const CODE = /^[A-Z0-9][A-Z0-9-]{1,23}$/;

function WarehouseDialog({ warehouse, onClose }: { warehouse: Warehouse | null; onClose(): void }) {
  const t = useT();
  const [code, setCode] = useState(warehouse?.code ?? '');
  const [name, setName] = useState(warehouse?.name ?? '');
  const [address, setAddress] = useState(warehouse?.address ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!warehouse && !CODE.test(code.trim().toUpperCase())) found.code = t('validation.warehouseCode');
    if (!name.trim()) found.name = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = warehouse
      ? await call(
          'inventory.warehouses.update',
          { id: warehouse.id, name: name.trim(), address: address.trim() },
          { form: ['name', 'address'] },
        )
      : await call(
          'inventory.warehouses.create',
          { code: code.trim().toUpperCase(), name: name.trim(), address: address.trim() },
          { form: ['code', 'name', 'address'] },
        );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    await useInventoryStore.getState().loadWarehouses();
    notify(t('warehouses.saved', { code: result.data.code }), 'success');
    onClose();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth data-testid="warehouse-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>
          {warehouse ? t('warehouses.editTitle', { code: warehouse.code }) : t('warehouses.createTitle')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t('warehouses.code')}
              value={code}
              onChange={(event) => setCode(event.target.value.toUpperCase())}
              disabled={Boolean(warehouse)}
              error={Boolean(errors.code)}
              helperText={errors.code ?? t('warehouses.codeHelp')}
              autoFocus={!warehouse}
              slotProps={{ htmlInput: { maxLength: 24, 'data-testid': 'warehouse-code' } }}
            />
            <TextField
              label={t('warehouses.name')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={Boolean(errors.name)}
              helperText={errors.name}
              autoFocus={Boolean(warehouse)}
              slotProps={{ htmlInput: { maxLength: 80, 'data-testid': 'warehouse-name' } }}
            />
            <TextField
              label={t('warehouses.address')}
              value={address}
              onChange={(event) => setAddress(event.target.value)}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 300, 'data-testid': 'warehouse-address' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="warehouse-submit">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Shop floors, stores and vans: create, rename, archive (history stays). */
export function WarehousesTab() {
  const t = useT();
  const canManage = useCan('inventory.manage');
  const warehouses = useInventoryStore((state) => state.warehouses);
  const [editing, setEditing] = useState<Warehouse | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Warehouse | null>(null);

  return (
    <Box>
      <Box sx={{ display: 'flex', mb: 2 }}>
        <Box sx={{ flex: 1 }} />
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setEditing('new')}
            data-testid="warehouse-new"
          >
            {t('warehouses.createTitle')}
          </Button>
        ) : null}
      </Box>
      <TableContainer>
        <Table size="small" data-testid="warehouses-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('warehouses.code')}</TableCell>
              <TableCell>{t('warehouses.name')}</TableCell>
              <TableCell>{t('warehouses.address')}</TableCell>
              <TableCell>{t('transfers.col.status')}</TableCell>
              {canManage ? <TableCell /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {warehouses.map((warehouse) => (
              <TableRow
                key={warehouse.id}
                data-testid={`warehouse-row-${warehouse.code}`}
                sx={{ opacity: warehouse.archived ? 0.6 : 1 }}
              >
                <TableCell sx={{ fontFamily: 'ui-monospace, monospace', fontWeight: 600 }}>
                  {warehouse.code}
                </TableCell>
                <TableCell>{warehouse.name}</TableCell>
                <TableCell>{warehouse.address || '–'}</TableCell>
                <TableCell>
                  {warehouse.archived ? (
                    <Chip size="small" label={t('warehouses.archived')} />
                  ) : (
                    <Chip size="small" color="success" variant="outlined" label={t('warehouses.active')} />
                  )}
                </TableCell>
                {canManage ? (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Tooltip title={t('common.edit')}>
                      <IconButton
                        size="small"
                        onClick={() => setEditing(warehouse)}
                        data-testid={`warehouse-edit-${warehouse.code}`}
                      >
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                    <Tooltip title={warehouse.archived ? t('products.restore') : t('products.archive')}>
                      <IconButton
                        size="small"
                        color={warehouse.archived ? 'primary' : 'error'}
                        onClick={() => setArchiving(warehouse)}
                        data-testid={`warehouse-archive-${warehouse.code}`}
                      >
                        {warehouse.archived ? (
                          <UnarchiveIcon fontSize="small" />
                        ) : (
                          <ArchiveIcon fontSize="small" />
                        )}
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {warehouses.length === 0 ? (
          <EmptyState icon={<WarehouseIcon />} title={t('warehouses.empty')} />
        ) : null}
      </TableContainer>
      {editing ? (
        <WarehouseDialog warehouse={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmDialog
        open={archiving !== null}
        title={t(archiving?.archived ? 'warehouses.restoreTitle' : 'warehouses.archiveTitle', {
          code: archiving?.code ?? '',
        })}
        body={t(archiving?.archived ? 'warehouses.restoreBody' : 'warehouses.archiveBody')}
        confirmLabel={t(archiving?.archived ? 'products.restore' : 'products.archive')}
        danger={!archiving?.archived}
        testId="warehouse-archive-dialog"
        onClose={() => setArchiving(null)}
        onConfirm={async () => {
          if (!archiving) return;
          const result = await call('inventory.warehouses.update', {
            id: archiving.id,
            archived: !archiving.archived,
          });
          if (result.ok) await useInventoryStore.getState().loadWarehouses();
          setArchiving(null);
        }}
      />
    </Box>
  );
}
