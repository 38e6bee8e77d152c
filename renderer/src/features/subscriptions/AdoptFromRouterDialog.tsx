import CloudDownloadIcon from '@mui/icons-material/CloudDownload';
import SearchIcon from '@mui/icons-material/Search';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { AdoptError, Plan } from '../../../../shared/contract/index';
import { ADOPT_MAX_ITEMS } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { TablePager } from '../../app/components/TablePager';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useI18nStore } from '../../app/i18n/i18n-store';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useLoader } from '../../app/use-loader';
import { AdoptCustomerPicker } from './AdoptCustomerPicker';
import {
  adoptedState,
  adoptItems,
  initialRows,
  matchingRows,
  rowProblem,
  type AdoptRow,
  type PickedCustomer,
} from './adopt-rows';
import { SubscriptionStateChip } from './SubscriptionStateChip';

type Loaded = { routerId: string; managed: number; rows: AdoptRow[] };
type Done = { adopted: number; customersCreated: number; jobs: number };

/**
 * "Ambil dari router": the router's PPP secrets Gerai does not manage yet, each with a plan and a
 * customer (existing or new) prefilled from the preview's suggestions; the chosen ones become live
 * subscriptions in one call, their password and profile left as the router has them.
 */
export function AdoptFromRouterDialog({ onClose, onAdopted }: { onClose(): void; onAdopted(): void }) {
  const t = useT();
  const locale = useI18nStore((state) => state.locale);
  const [routerId, setRouterId] = useState('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reading, setReading] = useState(false);
  const [readFailed, setReadFailed] = useState(false);
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(50);
  const [picking, setPicking] = useState<AdoptRow | null>(null);
  const [errors, setErrors] = useState<AdoptError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);

  const routers = useLoader('adopt-routers', async () => {
    const result = await call('network.routers.list', {}, { quiet: true });
    return result.ok ? result.data : null;
  });
  const plans = useLoader('adopt-plans', async () => {
    const result = await call('plans.list', {});
    return result.ok ? result.data.filter((plan) => plan.service === 'pppoe') : null;
  });
  const planById = useMemo(() => new Map((plans.data ?? []).map((plan) => [plan.id, plan])), [plans.data]);

  const read = async (id: string) => {
    setRouterId(id);
    setLoaded(null);
    setErrors([]);
    setReadFailed(false);
    setPage(0);
    if (!id) return;
    setReading(true);
    const result = await call('subscriptions.adopt.preview', { routerId: id });
    setReading(false);
    if (!result.ok) {
      setReadFailed(true);
      return;
    }
    setLoaded({ routerId: id, managed: result.data.managed, rows: initialRows(result.data.secrets) });
  };

  const rows = loaded?.rows ?? [];
  const shown = matchingRows(rows, filter);
  const pageRows = shown.slice(page * perPage, page * perPage + perPage);
  const selected = rows.filter((row) => row.selected);
  const blocked = selected.filter((row) => rowProblem(row) !== null);
  const errorsByName = new Map<string, AdoptError[]>();
  for (const error of errors) errorsByName.set(error.name, [...(errorsByName.get(error.name) ?? []), error]);

  const update = (name: string, change: Partial<AdoptRow>) =>
    setLoaded((current) =>
      current
        ? {
            ...current,
            rows: current.rows.map((row) => (row.secret.name === name ? { ...row, ...change } : row)),
          }
        : current,
    );
  const selectWhere = (pick: (row: AdoptRow) => boolean, value: boolean) =>
    setLoaded((current) =>
      current
        ? { ...current, rows: current.rows.map((row) => (pick(row) ? { ...row, selected: value } : row)) }
        : current,
    );
  const shownNames = new Set(shown.map((row) => row.secret.name));
  const allShownSelected = shown.length > 0 && shown.every((row) => row.selected);
  const someShownSelected = shown.some((row) => row.selected);

  const adopt = async () => {
    if (!loaded || selected.length === 0 || blocked.length > 0) return;
    if (selected.length > ADOPT_MAX_ITEMS) {
      notify(t('subs.adopt.tooMany', { max: ADOPT_MAX_ITEMS }), 'warning');
      return;
    }
    setBusy(true);
    const result = await call('subscriptions.adopt', { routerId: loaded.routerId, items: adoptItems(rows) });
    setBusy(false);
    if (!result.ok) return;
    if (result.data.errors.length > 0) {
      setErrors(result.data.errors);
      notify(t('subs.adopt.hasErrors', { count: result.data.errors.length }), 'warning');
      return;
    }
    setErrors([]);
    setDone({
      adopted: result.data.adopted,
      customersCreated: result.data.customersCreated,
      jobs: result.data.jobIds.length,
    });
    notify(t('subs.adopt.done', { count: result.data.adopted }), 'success');
    onAdopted();
  };

  if (done) {
    return (
      <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="adopt-dialog">
        <DialogTitle>{t('subs.adopt.title')}</DialogTitle>
        <DialogContent>
          <Alert severity="success" data-testid="adopt-result">
            {t('subs.adopt.result', {
              count: done.adopted,
              customers: done.customersCreated,
              jobs: done.jobs,
            })}
          </Alert>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button variant="contained" onClick={onClose} autoFocus data-testid="adopt-close">
            {t('common.close')}
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="lg" fullWidth data-testid="adopt-dialog">
      <DialogTitle>{t('subs.adopt.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('subs.adopt.intro')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField
            select
            size="small"
            label={t('subs.field.router')}
            value={routerId}
            onChange={(event) => void read(event.target.value)}
            disabled={reading || busy}
            sx={{ width: 220 }}
            slotProps={{
              select: { native: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'adopt-router', autoFocus: true },
            }}
          >
            <option value="">—</option>
            {(routers.data ?? []).map((router) => (
              <option key={router.id} value={router.id}>
                {router.name}
              </option>
            ))}
          </TextField>
          {routerId ? (
            <Button onClick={() => void read(routerId)} disabled={reading || busy} data-testid="adopt-reread">
              {t('subs.adopt.reread')}
            </Button>
          ) : null}
          {loaded ? (
            <Typography variant="body2" color="text.secondary" data-testid="adopt-summary">
              {t('subs.adopt.summary', { count: rows.length, managed: loaded.managed })}
            </Typography>
          ) : null}
        </Stack>
        {reading ? <LinearProgress sx={{ mb: 2 }} /> : null}
        {!routerId && !reading ? (
          <EmptyState
            icon={<CloudDownloadIcon />}
            title={t('subs.adopt.pickRouter')}
            description={t('subs.adopt.pickRouterHint')}
            testId="adopt-pick-router"
          />
        ) : null}
        {readFailed ? (
          <Alert severity="error" data-testid="adopt-read-failed">
            {t('subs.adopt.readFailed')}
          </Alert>
        ) : null}
        {loaded && rows.length === 0 ? (
          <EmptyState
            icon={<CloudDownloadIcon />}
            title={t('subs.adopt.nothing')}
            description={t('subs.adopt.nothingHint', { managed: loaded.managed })}
            testId="adopt-empty"
          />
        ) : null}
        {errors.length > 0 ? (
          <Alert severity="error" sx={{ mb: 2 }} data-testid="adopt-errors">
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t('subs.adopt.errorsTitle', { count: errors.length })}
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2, maxHeight: 140, overflow: 'auto' }}>
              {errors.map((error, index) => (
                <li key={`${error.name}-${error.field}-${index}`}>
                  <b>{error.name}</b>: {error.message[locale]}
                </li>
              ))}
            </Box>
          </Alert>
        ) : null}
        {loaded && rows.length > 0 ? (
          <>
            <Stack direction="row" spacing={1.5} sx={{ mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <TextField
                size="small"
                placeholder={t('subs.adopt.filter')}
                value={filter}
                onChange={(event) => {
                  setFilter(event.target.value);
                  setPage(0);
                }}
                sx={{ minWidth: 260 }}
                slotProps={{
                  htmlInput: { 'data-testid': 'adopt-filter', 'aria-label': t('subs.adopt.filter') },
                  input: {
                    startAdornment: (
                      <InputAdornment position="start">
                        <SearchIcon fontSize="small" />
                      </InputAdornment>
                    ),
                  },
                }}
              />
              <Button
                onClick={() =>
                  selectWhere(
                    (row) => shownNames.has(row.secret.name) && row.secret.suggestedPlan !== null,
                    true,
                  )
                }
                data-testid="adopt-select-suggested"
              >
                {t('subs.adopt.selectSuggested')}
              </Button>
              {selected.length > 0 ? (
                <Button onClick={() => selectWhere(() => true, false)} data-testid="adopt-select-none">
                  {t('subs.adopt.selectNone')}
                </Button>
              ) : null}
            </Stack>
            <TableContainer sx={{ maxHeight: '55vh' }}>
              <Table size="small" stickyHeader data-testid="adopt-table">
                <TableHead>
                  <TableRow>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={allShownSelected}
                        indeterminate={someShownSelected && !allShownSelected}
                        onChange={(event) =>
                          selectWhere((row) => shownNames.has(row.secret.name), event.target.checked)
                        }
                        slotProps={{
                          input: { ...testId('adopt-select-all'), 'aria-label': t('subs.adopt.selectAll') },
                        }}
                      />
                    </TableCell>
                    <TableCell>{t('subs.adopt.col.secret')}</TableCell>
                    <TableCell sx={{ minWidth: 200 }}>{t('subs.col.plan')}</TableCell>
                    <TableCell sx={{ minWidth: 280 }}>{t('subs.col.customer')}</TableCell>
                    <TableCell>{t('subs.col.state')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {pageRows.map((row) => (
                    <AdoptTableRow
                      key={row.secret.name}
                      row={row}
                      plans={plans.data ?? []}
                      plan={planById.get(row.planId)}
                      errors={errorsByName.get(row.secret.name) ?? []}
                      locale={locale}
                      onChange={(change) => update(row.secret.name, change)}
                      onPickCustomer={() => setPicking(row)}
                    />
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
            {shown.length === 0 ? (
              <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
                {t('subs.adopt.noMatch')}
              </Typography>
            ) : null}
            <TablePager
              count={shown.length}
              page={page}
              rowsPerPage={perPage}
              onPageChange={setPage}
              onRowsPerPageChange={(next) => {
                setPerPage(next);
                setPage(0);
              }}
              options={[25, 50, 100, 200]}
            />
          </>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {blocked.length > 0 ? (
          <Typography variant="caption" color="warning.main" sx={{ mr: 'auto' }} data-testid="adopt-blocked">
            {t('subs.adopt.blocked', { count: blocked.length })}
          </Typography>
        ) : null}
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={() => void adopt()}
          disabled={busy || selected.length === 0 || blocked.length > 0}
          data-testid="adopt-submit"
        >
          {t('subs.adopt.submit', { count: selected.length })}
        </Button>
      </DialogActions>
      {picking ? (
        <AdoptCustomerPicker
          secretName={picking.secret.name}
          initialQuery={picking.customer?.name ?? picking.newName}
          onClose={() => setPicking(null)}
          onPick={(customer: PickedCustomer) => {
            update(picking.secret.name, { customer, mode: 'existing' });
            setPicking(null);
          }}
        />
      ) : null}
    </Dialog>
  );
}

/** One secret: checkbox, what the router has, plan, customer (existing or new), resulting state. */
function AdoptTableRow({
  row,
  plans,
  plan,
  errors,
  locale,
  onChange,
  onPickCustomer,
}: {
  row: AdoptRow;
  plans: readonly Plan[];
  plan: Plan | undefined;
  errors: readonly AdoptError[];
  locale: 'id' | 'en';
  onChange(change: Partial<AdoptRow>): void;
  onPickCustomer(): void;
}) {
  const t = useT();
  const { secret } = row;
  const problem = row.selected ? rowProblem(row) : null;
  const details = [secret.profile, secret.remoteAddress, secret.callerId].filter(Boolean).join(' · ');
  return (
    <TableRow
      hover
      selected={row.selected}
      data-testid="adopt-row"
      data-name={secret.name}
      sx={errors.length > 0 ? { '& td': { borderBottomColor: 'error.main' } } : undefined}
    >
      <TableCell padding="checkbox">
        <Checkbox
          checked={row.selected}
          onChange={(event) => onChange({ selected: event.target.checked })}
          slotProps={{
            input: {
              ...testId('adopt-row-check'),
              'aria-label': t('subs.adopt.selectOne', { name: secret.name }),
            },
          }}
        />
      </TableCell>
      <TableCell>
        <Typography variant="body2" sx={{ fontFamily: 'monospace', fontWeight: 600 }}>
          {secret.name}
          {secret.disabled ? (
            <Chip size="small" label={t('subs.adopt.disabled')} sx={{ ml: 1 }} variant="outlined" />
          ) : null}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {details}
        </Typography>
        {secret.comment ? (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', fontStyle: 'italic' }}>
            {secret.comment}
          </Typography>
        ) : null}
        {secret.conflict ? (
          <Typography variant="caption" color="error" sx={{ display: 'block' }} data-testid="adopt-conflict">
            {secret.conflict[locale]}
          </Typography>
        ) : null}
        {!secret.passwordReadable ? (
          <Typography variant="caption" color="error" sx={{ display: 'block' }}>
            {t('subs.adopt.passwordHidden')}
          </Typography>
        ) : null}
        {errors.map((error, index) => (
          <Typography
            key={`${error.field}-${index}`}
            variant="caption"
            color="error"
            sx={{ display: 'block' }}
            data-testid="adopt-row-error"
          >
            {error.message[locale]}
          </Typography>
        ))}
      </TableCell>
      <TableCell>
        <TextField
          select
          size="small"
          value={row.planId}
          onChange={(event) => onChange({ planId: event.target.value })}
          error={problem === 'subs.adopt.needPlan'}
          fullWidth
          slotProps={{
            select: { native: true },
            htmlInput: {
              'data-testid': 'adopt-row-plan',
              'aria-label': t('subs.adopt.planFor', { name: secret.name }),
            },
          }}
        >
          <option value="">{t('subs.adopt.noPlan')}</option>
          {plans.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name} · {entry.routerProfile}
            </option>
          ))}
        </TextField>
      </TableCell>
      <TableCell>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            select
            size="small"
            value={row.mode}
            onChange={(event) => onChange({ mode: event.target.value as AdoptRow['mode'] })}
            sx={{ width: 120, flexShrink: 0 }}
            slotProps={{
              select: { native: true },
              htmlInput: {
                'data-testid': 'adopt-row-mode',
                'aria-label': t('subs.adopt.customerFor', { name: secret.name }),
              },
            }}
          >
            <option value="new">{t('subs.adopt.mode.new')}</option>
            <option value="existing">{t('subs.adopt.mode.existing')}</option>
          </TextField>
          {row.mode === 'new' ? (
            <TextField
              size="small"
              value={row.newName}
              onChange={(event) => onChange({ newName: event.target.value })}
              error={problem === 'subs.adopt.needCustomer'}
              fullWidth
              slotProps={{
                htmlInput: {
                  maxLength: 100,
                  'data-testid': 'adopt-row-new-name',
                  'aria-label': t('subs.adopt.newNameFor', { name: secret.name }),
                },
              }}
            />
          ) : (
            <Button
              size="small"
              variant="outlined"
              color={problem === 'subs.adopt.needCustomer' ? 'error' : 'primary'}
              onClick={onPickCustomer}
              sx={{ justifyContent: 'flex-start', textTransform: 'none', flex: 1, minWidth: 0 }}
              data-testid="adopt-row-customer"
            >
              <Box
                component="span"
                sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
              >
                {row.customer
                  ? `${row.customer.name} · ${row.customer.code}`
                  : t('subs.adopt.chooseCustomer')}
              </Box>
            </Button>
          )}
        </Stack>
      </TableCell>
      <TableCell>
        <SubscriptionStateChip state={adoptedState(row, plan)} />
      </TableCell>
    </TableRow>
  );
}
