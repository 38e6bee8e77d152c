import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { Charge } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { TablePager } from '../../app/components/TablePager';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { ChargeDialog } from './ChargeDialog';

type State = 'waiting' | 'billed' | 'all';

/** One-off charges waiting for the next invoice (installation, devices, discounts, proration). */
export function ChargesTab() {
  const t = useT();
  const format = useFormat();
  const [state, setState] = useState<State>('waiting');
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState(25);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Charge | null>(null);
  const { data, loading, reload } = useLoader(JSON.stringify([state, page, rows]), async () => {
    const result = await call('billing.charges.list', { state, offset: page * rows, limit: rows });
    return result.ok ? result.data : null;
  });
  const charges = data?.charges ?? [];

  return (
    <>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', mb: 2 }}>
        <TextField
          select
          size="small"
          label={t('billing.col.status')}
          value={state}
          onChange={(event) => {
            setState(event.target.value as State);
            setPage(0);
          }}
          sx={{ width: 200 }}
          slotProps={{
            select: { native: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'charges-state' },
          }}
        >
          {(['waiting', 'billed', 'all'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`billing.charge.state.${s}`)}
            </option>
          ))}
        </TextField>
        <Box sx={{ flex: 1 }} />
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setAdding(true)}
          data-testid="charge-new"
        >
          {t('billing.charge.add')}
        </Button>
      </Box>
      <TableContainer>
        <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
        <Table size="small" data-testid="charges-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('billing.col.customer')}</TableCell>
              <TableCell>{t('billing.col.kind')}</TableCell>
              <TableCell>{t('billing.col.description')}</TableCell>
              <TableCell>{t('billing.col.effective')}</TableCell>
              <TableCell>{t('billing.col.number')}</TableCell>
              <TableCell align="right">{t('billing.amount')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {charges.map((charge) => (
              <TableRow key={charge.id} data-testid="charge-row">
                <TableCell>{charge.customerName}</TableCell>
                <TableCell>{t(`billing.kind.${charge.kind}`)}</TableCell>
                <TableCell>{charge.description}</TableCell>
                <TableCell>{charge.effectiveOn}</TableCell>
                <TableCell>{charge.invoiceNumber ?? t('billing.charge.waiting')}</TableCell>
                <TableCell align="right">{format.rupiah(charge.amount)}</TableCell>
                <TableCell align="right" padding="checkbox">
                  {charge.invoiceId ? null : (
                    <IconButton
                      size="small"
                      onClick={() => setRemoving(charge)}
                      aria-label={t('billing.charge.remove')}
                      data-testid="charge-remove"
                    >
                      <DeleteOutlineIcon fontSize="small" />
                    </IconButton>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!loading && data && charges.length === 0 ? (
          <EmptyState
            icon={<PlaylistAddIcon />}
            title={t('billing.charge.empty')}
            description={t('billing.charge.emptyHint')}
            testId="charges-empty"
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
      {adding ? <ChargeDialog onClose={() => setAdding(false)} onDone={reload} /> : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('billing.charge.removeTitle')}
        body={
          removing
            ? `${removing.customerName} · ${removing.description} · ${format.rupiah(removing.amount)}`
            : ''
        }
        confirmLabel={t('billing.charge.remove')}
        danger
        testId="charge-remove-confirm"
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          const result = await call('billing.charges.remove', { id: removing.id });
          setRemoving(null);
          if (result.ok) {
            notify(t('billing.charge.removed'), 'success');
            reload();
          }
        }}
      />
    </>
  );
}
