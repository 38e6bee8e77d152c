import AddIcon from '@mui/icons-material/Add';
import DownloadIcon from '@mui/icons-material/Download';
import LocationOnIcon from '@mui/icons-material/LocationOn';
import LocationOffOutlinedIcon from '@mui/icons-material/LocationOffOutlined';
import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { FilterBar, SelectFilter } from '../../app/components/FilterBar';
import { SearchField } from '../../app/components/SearchField';
import { useRouteStore } from '../../app/navigation/route-store';
import {
  CUSTOMER_CATEGORIES,
  CUSTOMER_STATUSES,
  type Customer,
  type CustomerCategory,
  type CustomerStatus,
} from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { PageHeader } from '../../app/components/PageHeader';
import { TablePager } from '../../app/components/TablePager';
import { csvBlob, downloadBlob } from '../../app/download';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { CustomerDialog } from './CustomerDialog';
import { CustomerDrawer } from './CustomerDrawer';
import { CustomerImportDialog } from './CustomerImportDialog';
import { CustomerStatusChip } from './CustomerStatusChip';
import { formatIndonesianPhone } from '../../../../shared/domain/phone';

type LocationFilter = '' | 'located' | 'unlocated';
/** The dialog open: a new customer, or the one being edited. */
type Editing = { customer: Customer | null } | null;

/** The ISP office's customers: search, filters, details with documents, create/edit, CSV import/export. */
export function CustomersScreen() {
  const t = useT();
  const canManage = useCan('customers.manage');
  const [query, setQuery] = useState('');
  const wanted = useDebouncedValue(query.trim(), 250);
  const [status, setStatus] = useState<CustomerStatus | ''>('');
  const [category, setCategory] = useState<CustomerCategory | ''>('');
  const [location, setLocation] = useState<LocationFilter>('');
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState(50);
  const [open, setOpen] = useState<Customer | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  // Another screen (the map) asked to open one customer.
  const focusId = useRouteStore((state) => state.focusId);
  useEffect(() => {
    if (!focusId) return;
    let live = true;
    void call('customers.get', { id: focusId }).then((result) => {
      if (!live) return;
      useRouteStore.getState().takeFocus();
      if (result.ok) setOpen(result.data);
    });
    return () => {
      live = false;
    };
  }, [focusId]);

  const { data, loading, reload } = useLoader(
    JSON.stringify([wanted, status, category, location, page, rows]),
    async () => {
      const result = await call('customers.list', {
        offset: page * rows,
        limit: rows,
        ...(wanted ? { query: wanted } : {}),
        ...(status ? { status } : {}),
        ...(category ? { category } : {}),
        ...(location ? { hasLocation: location === 'located' } : {}),
      });
      return result.ok ? result.data : null;
    },
  );
  const customers = data?.customers ?? [];
  const filtered = Boolean(wanted || status || category || location);

  const exportCsv = async () => {
    setExporting(true);
    const result = await call('customers.export', { delimiter: ';' });
    setExporting(false);
    if (!result.ok) return;
    downloadBlob(result.data.fileName, csvBlob(result.data.csv));
    notify(t('customers.exported', { count: result.data.rows, file: result.data.fileName }), 'success');
  };

  return (
    <>
      <PageHeader
        title={t('nav.customers')}
        subtitle={t('customers.subtitle')}
        actions={
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button
              startIcon={<DownloadIcon />}
              onClick={() => void exportCsv()}
              disabled={exporting}
              data-testid="customers-export"
            >
              {t('customers.export')}
            </Button>
            {canManage ? (
              <Button
                startIcon={<UploadFileIcon />}
                onClick={() => setImporting(true)}
                data-testid="customers-import"
              >
                {t('customers.import')}
              </Button>
            ) : null}
            {canManage ? (
              <Button
                variant="contained"
                startIcon={<AddIcon />}
                onClick={() => setEditing({ customer: null })}
                data-testid="customer-new"
              >
                {t('customers.new')}
              </Button>
            ) : null}
          </Box>
        }
      />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <FilterBar>
          <SearchField
            label={t('customers.search')}
            value={query}
            onChange={(value) => {
              setQuery(value);
              setPage(0);
            }}
            testId="customers-search"
            sx={{ width: 340, maxWidth: '100%' }}
          />
          <SelectFilter
            label={t('customers.filter.status')}
            value={status}
            onChange={(value) => {
              setStatus(value);
              setPage(0);
            }}
            options={CUSTOMER_STATUSES.map((value) => ({ value, label: t(`customers.status.${value}`) }))}
            testId="customers-status"
            width={170}
          />
          <SelectFilter
            label={t('customers.filter.category')}
            value={category}
            onChange={(value) => {
              setCategory(value);
              setPage(0);
            }}
            options={CUSTOMER_CATEGORIES.map((value) => ({ value, label: t(`customers.category.${value}`) }))}
            testId="customers-category"
            width={170}
          />
          <SelectFilter
            label={t('customers.filter.location')}
            value={location}
            onChange={(value) => {
              setLocation(value);
              setPage(0);
            }}
            options={[
              { value: 'located', label: t('customers.filter.located') },
              { value: 'unlocated', label: t('customers.filter.unlocated') },
            ]}
            testId="customers-location"
            width={170}
          />
        </FilterBar>

        <TableContainer>
          <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
          <Table size="small" data-testid="customers-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('customers.col.code')}</TableCell>
                <TableCell>{t('customers.col.name')}</TableCell>
                <TableCell>{t('customers.col.whatsapp')}</TableCell>
                <TableCell>{t('customers.col.category')}</TableCell>
                <TableCell>{t('customers.col.status')}</TableCell>
                <TableCell align="center">{t('customers.col.location')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {customers.map((customer) => {
                const located = customer.latitude !== null && customer.longitude !== null;
                return (
                  <TableRow
                    key={customer.id}
                    hover
                    tabIndex={0}
                    onClick={() => setOpen(customer)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        setOpen(customer);
                      }
                    }}
                    sx={{ cursor: 'pointer' }}
                    data-testid="customer-row"
                    data-code={customer.code}
                  >
                    <TableCell sx={{ fontFamily: 'ui-monospace, monospace', whiteSpace: 'nowrap' }}>
                      {customer.code}
                    </TableCell>
                    <TableCell>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {customer.name}
                      </Typography>
                      {customer.address ? (
                        <Typography
                          variant="caption"
                          color="text.secondary"
                          noWrap
                          sx={{ display: 'block', maxWidth: 360 }}
                        >
                          {customer.address}
                        </Typography>
                      ) : null}
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {customer.phone ? formatIndonesianPhone(customer.phone) : t('customers.noValue')}
                    </TableCell>
                    <TableCell>{t(`customers.category.${customer.category}`)}</TableCell>
                    <TableCell>
                      <CustomerStatusChip status={customer.status} />
                    </TableCell>
                    <TableCell align="center">
                      <Tooltip title={t(located ? 'customers.location.set' : 'customers.location.none')}>
                        {located ? (
                          <LocationOnIcon fontSize="small" color="primary" data-testid="customer-located" />
                        ) : (
                          <LocationOffOutlinedIcon
                            fontSize="small"
                            color="disabled"
                            data-testid="customer-unlocated"
                          />
                        )}
                      </Tooltip>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {!loading && data && customers.length === 0 ? (
            <EmptyState
              icon={<PeopleAltOutlinedIcon />}
              title={filtered ? t('customers.noMatch') : t('customers.empty')}
              description={filtered ? undefined : t('customers.emptyHint')}
              testId="customers-empty"
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
      </Paper>

      {open ? (
        <CustomerDrawer
          key={open.id}
          customer={open}
          canManage={canManage}
          onClose={() => setOpen(null)}
          onEdit={() => setEditing({ customer: open })}
        />
      ) : null}
      {editing ? (
        <CustomerDialog
          customer={editing.customer}
          onClose={() => setEditing(null)}
          onSaved={(customer) => {
            setEditing(null);
            setOpen(customer);
            reload();
          }}
        />
      ) : null}
      {importing ? (
        <CustomerImportDialog
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            setPage(0);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
