import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { useState, type FormEvent } from 'react';
import type { AddressListEntry } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { notifyJobQueued } from './job-notice';
import { RouterPicker } from './RouterPicker';
import { JobFormDialog } from './JobFormDialog';

const DEFAULT_LIST = 'isolir';

function AddEntryDialog({
  routerId,
  list: initialList,
  onClose,
  onSaved,
}: {
  routerId: string;
  list: string;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const [list, setList] = useState(initialList || DEFAULT_LIST);
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!list.trim()) found.list = t('validation.required');
    if (!address.trim()) found.address = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await call(
      'network.addressList.add',
      { routerId, list: list.trim(), address: address.trim(), note: note.trim() },
      { form: ['list', 'address', 'note'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notifyJobQueued(t, result.data);
    onSaved();
    onClose();
  };

  return (
    <JobFormDialog
      title={t('addressList.addTitle')}
      testId="address-list"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label={t('addressList.list')}
        value={list}
        onChange={(event) => setList(event.target.value)}
        error={Boolean(errors.list)}
        helperText={errors.list}
        slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'address-list-list' } }}
      />
      <TextField
        label={t('addressList.address')}
        value={address}
        onChange={(event) => setAddress(event.target.value)}
        error={Boolean(errors.address)}
        helperText={errors.address ?? t('addressList.addressHint')}
        placeholder="10.10.5.20"
        autoFocus
        slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'address-list-address' } }}
      />
      <TextField
        label={t('addressList.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={Boolean(errors.note)}
        helperText={errors.note}
        slotProps={{ htmlInput: { maxLength: 80, 'data-testid': 'address-list-note' } }}
      />
    </JobFormDialog>
  );
}

function AddressListPanel({ routerId }: { routerId: string }) {
  const t = useT();
  const canManage = useCan('network.manage');
  const [draft, setDraft] = useState(DEFAULT_LIST);
  const [filter, setFilter] = useState(DEFAULT_LIST);
  const entries = useLoader(`address-list/${routerId}/${filter}`, async () => {
    const result = await call(
      'network.addressList.list',
      { routerId, ...(filter ? { list: filter } : {}) },
      { quiet: true },
    );
    return result.ok ? result.data : null;
  });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<AddressListEntry | null>(null);

  const apply = () => setFilter(draft.trim());

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1, gap: 1 }}>
        <TextField
          size="small"
          label={t('addressList.filter')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={apply}
          onKeyDown={(event) => {
            if (event.key === 'Enter') apply();
          }}
          helperText={t('addressList.filterHint')}
          sx={{ minWidth: 220 }}
          slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'address-list-filter' } }}
        />
        <Box sx={{ flex: 1 }} />
        <Button onClick={entries.reload} data-testid="address-list-refresh">
          {t('common.refresh')}
        </Button>
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setAdding(true)}
            data-testid="address-list-new"
          >
            {t('addressList.addTitle')}
          </Button>
        ) : null}
      </Box>
      {entries.loading ? <LinearProgress sx={{ mb: 1 }} /> : null}
      <Table size="small" data-testid="address-list-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('addressList.list')}</TableCell>
            <TableCell>{t('addressList.address')}</TableCell>
            <TableCell>{t('ppp.comment')}</TableCell>
            <TableCell>{t('addressList.timeout')}</TableCell>
            <TableCell>{t('ppp.status')}</TableCell>
            {canManage ? <TableCell /> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {(entries.data ?? []).map((entry) => (
            <TableRow
              key={`${entry.list}/${entry.address}`}
              data-testid={`address-list-entry-${entry.list}-${entry.address}`}
            >
              <TableCell>{entry.list}</TableCell>
              <TableCell sx={{ fontFamily: 'ui-monospace, monospace', fontWeight: 600 }}>
                {entry.address}
              </TableCell>
              <TableCell>{entry.comment || '–'}</TableCell>
              <TableCell>{entry.timeout || '–'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <Chip
                  size="small"
                  variant="outlined"
                  color={entry.managed ? 'primary' : 'default'}
                  label={entry.managed ? t('ppp.managed') : t('ppp.routerOnly')}
                />
                {entry.routerItemId === null ? (
                  <>
                    {' '}
                    <Chip
                      size="small"
                      color="warning"
                      label={t('addressList.unconfirmed')}
                      data-testid="address-list-unconfirmed"
                    />
                  </>
                ) : null}
              </TableCell>
              {canManage ? (
                <TableCell align="right">
                  {entry.managed ? (
                    <Tooltip title={t('addressList.remove')}>
                      <IconButton
                        size="small"
                        color="error"
                        onClick={() => setRemoving(entry)}
                        data-testid={`address-list-remove-${entry.list}-${entry.address}`}
                      >
                        <DeleteIcon fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {entries.data?.length === 0 ? <EmptyState title={t('addressList.empty')} /> : null}

      {adding ? (
        <AddEntryDialog
          routerId={routerId}
          list={filter}
          onClose={() => setAdding(false)}
          onSaved={entries.reload}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('addressList.removeTitle', { address: removing?.address ?? '', list: removing?.list ?? '' })}
        body={t('addressList.removeBody')}
        confirmLabel={t('addressList.remove')}
        danger
        testId="address-list-remove-dialog"
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          const result = await call('network.addressList.remove', {
            routerId,
            list: removing.list,
            address: removing.address,
          });
          if (result.ok) notifyJobQueued(t, result.data);
          entries.reload();
          setRemoving(null);
        }}
      />
    </Box>
  );
}

/** Firewall address lists (isolir) of the selected router: Gerai's entries and the router's own. */
export function AddressListTab() {
  return <RouterPicker>{(routerId) => <AddressListPanel key={routerId} routerId={routerId} />}</RouterPicker>;
}
