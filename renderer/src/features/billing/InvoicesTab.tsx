import AddIcon from '@mui/icons-material/Add';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { EmptyState } from '../../app/components/EmptyState';
import { FilterBar, FilterSpacer, SelectFilter } from '../../app/components/FilterBar';
import { SearchField } from '../../app/components/SearchField';
import { TablePager } from '../../app/components/TablePager';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { InvoiceDrawer } from './InvoiceDrawer';
import { InvoiceStatusChip } from './InvoiceStatusChip';
import { NewInvoiceDialog } from './NewInvoiceDialog';

const STATUSES = ['issued', 'partial', 'overdue', 'paid', 'void', 'draft'] as const;
type Status = (typeof STATUSES)[number];

/**
 * Invoices: status (overdue included), period and text filters; a row opens its drawer. "Tagihan baru"
 * makes a one-off invoice and opens it.
 */
export function InvoicesTab() {
  const t = useT();
  const format = useFormat();
  const [status, setStatus] = useState<Status | ''>('');
  const [period, setPeriod] = useState('');
  const [query, setQuery] = useState('');
  const wanted = useDebouncedValue(query.trim(), 250);
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState(25);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const canManage = useCan('billing.manage');
  const { data, loading, reload } = useLoader(
    JSON.stringify([status, period, wanted, page, rows]),
    async () => {
      const result = await call('billing.invoices.list', {
        offset: page * rows,
        limit: rows,
        ...(status ? { status } : {}),
        ...(/^\d{4}-\d{2}$/.test(period) ? { period } : {}),
        ...(wanted ? { query: wanted } : {}),
      });
      return result.ok ? result.data : null;
    },
  );
  const invoices = data?.invoices ?? [];
  const filtered = Boolean(status || period || wanted);

  return (
    <>
      <FilterBar>
        <SearchField
          label={t('billing.search')}
          value={query}
          onChange={(value) => {
            setQuery(value);
            setPage(0);
          }}
          testId="invoices-search"
          sx={{ maxWidth: 320 }}
        />
        <SelectFilter
          label={t('billing.col.status')}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(0);
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`billing.status.${s}`) }))}
          testId="invoices-status"
          width={180}
        />
        <TextField
          type="month"
          size="small"
          label={t('billing.col.period')}
          value={period}
          onChange={(event) => {
            setPeriod(event.target.value);
            setPage(0);
          }}
          sx={{ width: 180 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'invoices-period' } }}
        />
        <FilterSpacer />
        {data ? (
          <Typography variant="body2" color="text.secondary" data-testid="invoices-sums">
            {t('billing.sums', {
              total: format.rupiah(data.sums.total),
              balance: format.rupiah(data.sums.balance),
            })}
          </Typography>
        ) : null}
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setCreating(true)}
            data-testid="invoice-new"
          >
            {t('billing.new.open')}
          </Button>
        ) : null}
      </FilterBar>
      <TableContainer>
        <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
        <Table size="small" data-testid="invoices-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('billing.col.number')}</TableCell>
              <TableCell>{t('billing.col.customer')}</TableCell>
              <TableCell>{t('billing.col.period')}</TableCell>
              <TableCell>{t('billing.col.due')}</TableCell>
              <TableCell>{t('billing.col.status')}</TableCell>
              <TableCell align="right">{t('billing.total')}</TableCell>
              <TableCell align="right">{t('billing.balance')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {invoices.map((invoice) => (
              <TableRow
                key={invoice.id}
                hover
                tabIndex={0}
                onClick={() => setOpen(invoice.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') setOpen(invoice.id);
                }}
                sx={{ cursor: 'pointer' }}
                data-testid="invoice-row"
                data-number={invoice.number}
              >
                <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{invoice.number}</TableCell>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {invoice.customerName}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {invoice.customerCode}
                    {invoice.subscriptionCode ? ` · ${invoice.subscriptionCode}` : ''}
                  </Typography>
                </TableCell>
                <TableCell>{invoice.period ?? t('billing.oneOff')}</TableCell>
                <TableCell>{invoice.dueDate}</TableCell>
                <TableCell>
                  <InvoiceStatusChip invoice={invoice} />
                </TableCell>
                <TableCell align="right">{format.rupiah(invoice.total)}</TableCell>
                <TableCell align="right" sx={{ fontWeight: 600 }}>
                  {format.rupiah(invoice.balance)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {!loading && data && invoices.length === 0 ? (
          <EmptyState
            icon={<ReceiptLongIcon />}
            title={filtered ? t('billing.noMatch') : t('billing.empty')}
            description={filtered ? undefined : t('billing.emptyHint')}
            testId="invoices-empty"
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
      {creating ? (
        <NewInvoiceDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            reload();
            setOpen(id);
          }}
        />
      ) : null}
      {open ? <InvoiceDrawer invoiceId={open} onClose={() => setOpen(null)} onChanged={reload} /> : null}
    </>
  );
}
