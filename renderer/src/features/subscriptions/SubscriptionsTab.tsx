import AddIcon from '@mui/icons-material/Add';
import CloudDownloadIcon from '@mui/icons-material/CloudDownload';
import BlockIcon from '@mui/icons-material/Block';
import EditIcon from '@mui/icons-material/Edit';
import HistoryIcon from '@mui/icons-material/History';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import PowerSettingsNewIcon from '@mui/icons-material/PowerSettingsNew';
import RestartAltIcon from '@mui/icons-material/RestartAlt';
import SwapVertIcon from '@mui/icons-material/SwapVert';
import WifiIcon from '@mui/icons-material/Wifi';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { Plan, Subscription, SubscriptionState } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { FilterBar, FilterSpacer, SelectFilter } from '../../app/components/FilterBar';
import { ReasonDialog } from '../../app/components/ReasonDialog';
import { SearchField } from '../../app/components/SearchField';
import { TablePager } from '../../app/components/TablePager';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { AdoptFromRouterDialog } from './AdoptFromRouterDialog';
import { GeneratedPasswordDialog } from './GeneratedPasswordDialog';
import { PlanChangeDialog } from './PlanChangeDialog';
import { SubscriptionCreateDialog } from './SubscriptionCreateDialog';
import { SubscriptionEditDialog } from './SubscriptionEditDialog';
import { SubscriptionHistoryDrawer } from './SubscriptionHistoryDrawer';
import { SUBSCRIPTION_STATES, SubscriptionStateChip } from './SubscriptionStateChip';

type Transition = 'activate' | 'isolate' | 'reactivate' | 'terminate';
const CHANNELS = {
  activate: 'subscriptions.activate',
  isolate: 'subscriptions.isolate',
  reactivate: 'subscriptions.reactivate',
  terminate: 'subscriptions.terminate',
} as const;

/** Which transitions a state allows (the core refuses the rest anyway). */
const ALLOWED: Record<SubscriptionState, readonly Transition[]> = {
  pending: ['activate', 'terminate'],
  active: ['isolate', 'terminate'],
  isolated: ['reactivate', 'terminate'],
  terminated: [],
};

function ActionButton({
  title,
  icon,
  testId,
  onClick,
}: {
  title: string;
  icon: ReactNode;
  testId: string;
  onClick(): void;
}) {
  return (
    <Tooltip title={title}>
      <IconButton size="small" onClick={onClick} data-testid={testId} aria-label={title}>
        {icon}
      </IconButton>
    </Tooltip>
  );
}

const SERVICES: readonly Plan['service'][] = ['pppoe', 'hotspot'];

const ICONS: Record<Transition, ReactNode> = {
  activate: <PlayArrowIcon fontSize="small" />,
  isolate: <BlockIcon fontSize="small" />,
  reactivate: <RestartAltIcon fontSize="small" />,
  terminate: <PowerSettingsNewIcon fontSize="small" />,
};

/** Subscriptions with state chips and filters; create, lifecycle actions, plan change, history. */
export function SubscriptionsTab() {
  const t = useT();
  const canCreate = useCan('customers.manage');
  const canBilling = useCan('billing.manage');
  const [state, setState] = useState<SubscriptionState | ''>('');
  const [planId, setPlanId] = useState('');
  const [routerId, setRouterId] = useState('');
  const [service, setService] = useState<Plan['service'] | ''>('');
  const canSeeNetwork = useCan('network.view');
  const [query, setQuery] = useState('');
  const wanted = useDebouncedValue(query.trim(), 250);
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState(25);
  const [creating, setCreating] = useState(false);
  const [adopting, setAdopting] = useState(false);
  const [shownPassword, setShownPassword] = useState<{
    code: string;
    username: string;
    password: string;
    service: Plan['service'];
  } | null>(null);
  const [acting, setActing] = useState<{ sub: Subscription; action: Transition } | null>(null);
  const [changing, setChanging] = useState<Subscription | null>(null);
  const [editing, setEditing] = useState<Subscription | null>(null);
  const [history, setHistory] = useState<string | null>(null);

  const plans = useLoader('subscriptions-plan-filter', async () => {
    const result = await call('plans.list', { includeArchived: true }, { quiet: true });
    return result.ok ? result.data : null;
  });
  const routers = useLoader(`subscriptions-router-filter/${canSeeNetwork}`, async () => {
    if (!canSeeNetwork) return [];
    const result = await call('network.routers.list', {}, { quiet: true });
    return result.ok ? result.data : null;
  });
  const { data, loading, reload } = useLoader(
    JSON.stringify([state, planId, routerId, service, wanted, page, rows]),
    async () => {
      const result = await call('subscriptions.list', {
        offset: page * rows,
        limit: rows,
        ...(state ? { state } : {}),
        ...(planId ? { planId } : {}),
        ...(routerId ? { routerId } : {}),
        ...(service ? { service } : {}),
        ...(wanted ? { query: wanted } : {}),
      });
      return result.ok ? result.data : null;
    },
  );
  const subscriptions = data?.subscriptions ?? [];
  const filtered = Boolean(state || planId || routerId || service || wanted);

  const can = (action: Transition) =>
    action === 'isolate' || action === 'reactivate' ? canBilling : canCreate;

  const runTransition = async (reason: string): Promise<boolean> => {
    if (!acting) return false;
    const result = await call(CHANNELS[acting.action], { id: acting.sub.id, reason });
    if (!result.ok) return false;
    notify(
      t(`subs.done.${acting.action}`, { code: acting.sub.code, jobs: result.data.jobIds.length }),
      'success',
    );
    reload();
    return true;
  };

  return (
    <>
      <FilterBar>
        <SearchField
          label={t('subs.search')}
          value={query}
          onChange={(value) => {
            setQuery(value);
            setPage(0);
          }}
          testId="subscriptions-search"
          sx={{ minWidth: 300 }}
        />
        <SelectFilter
          label={t('subs.filter.state')}
          value={state}
          onChange={(value) => {
            setState(value);
            setPage(0);
          }}
          options={SUBSCRIPTION_STATES.map((option) => ({ value: option, label: t(`subs.state.${option}`) }))}
          testId="subscriptions-state"
          width={180}
        />
        <SelectFilter
          label={t('subs.filter.plan')}
          value={planId}
          onChange={(value) => {
            setPlanId(value);
            setPage(0);
          }}
          options={(plans.data ?? []).map((plan) => ({ value: plan.id, label: plan.name }))}
          testId="subscriptions-plan"
          width={200}
        />
        <SelectFilter
          label={t('subs.filter.service')}
          value={service}
          onChange={(value) => {
            setService(value);
            setPage(0);
          }}
          options={SERVICES.map((option) => ({ value: option, label: t(`plans.service.${option}`) }))}
          testId="subscriptions-service"
          width={150}
        />
        {canSeeNetwork ? (
          <SelectFilter
            label={t('subs.filter.router')}
            value={routerId}
            onChange={(value) => {
              setRouterId(value);
              setPage(0);
            }}
            options={(routers.data ?? []).map((router) => ({ value: router.id, label: router.name }))}
            testId="subscriptions-router"
            width={180}
          />
        ) : null}
        <FilterSpacer />
        {canCreate && canSeeNetwork ? (
          <Button
            variant="outlined"
            startIcon={<CloudDownloadIcon />}
            onClick={() => setAdopting(true)}
            data-testid="subscription-adopt"
          >
            {t('subs.adopt.open')}
          </Button>
        ) : null}
        {canCreate ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setCreating(true)}
            data-testid="subscription-create"
          >
            {t('subs.new')}
          </Button>
        ) : null}
      </FilterBar>
      {loading ? <LinearProgress sx={{ mb: 1 }} /> : null}
      {!loading && subscriptions.length === 0 ? (
        <EmptyState
          icon={<WifiIcon />}
          title={filtered ? t('subs.noMatch') : t('subs.empty')}
          description={filtered ? undefined : t('subs.emptyHint')}
          testId="subscriptions-empty"
        />
      ) : (
        <>
          <TableContainer sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="subscriptions-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('subs.col.code')}</TableCell>
                  <TableCell>{t('subs.col.customer')}</TableCell>
                  <TableCell>{t('subs.col.plan')}</TableCell>
                  <TableCell>{t('subs.col.router')}</TableCell>
                  <TableCell>{t('subs.col.username')}</TableCell>
                  <TableCell>{t('subs.col.state')}</TableCell>
                  <TableCell>{t('subs.col.since')}</TableCell>
                  <TableCell align="right">{t('subs.col.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {subscriptions.map((sub) => (
                  <TableRow key={sub.id} hover data-testid="subscription-row" data-subscription-id={sub.id}>
                    <TableCell sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{sub.code}</TableCell>
                    <TableCell>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {sub.customerName}
                      </Typography>
                      <Typography variant="caption" color="text.secondary">
                        {sub.customerCode}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      {sub.planName}
                      <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                        {sub.rateLimit}
                      </Typography>
                    </TableCell>
                    <TableCell>{sub.routerName}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>
                      {sub.username}
                      <Typography
                        variant="caption"
                        color="text.secondary"
                        sx={{ display: 'block' }}
                        data-testid="subscription-service"
                        data-service={sub.service}
                      >
                        {[t(`plans.service.${sub.service}`), sub.remoteAddress].filter(Boolean).join(' · ')}
                      </Typography>
                    </TableCell>
                    <TableCell>
                      <SubscriptionStateChip state={sub.state} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{sub.activatedOn ?? '—'}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {canCreate && sub.state !== 'terminated' ? (
                        <ActionButton
                          title={t('subs.action.edit')}
                          icon={<EditIcon fontSize="small" />}
                          testId="subscription-edit"
                          onClick={() => setEditing(sub)}
                        />
                      ) : null}
                      {ALLOWED[sub.state].filter(can).map((action) => (
                        <ActionButton
                          key={action}
                          title={t(`subs.action.${action}`)}
                          icon={ICONS[action]}
                          testId={`subscription-${action}`}
                          onClick={() => setActing({ sub, action })}
                        />
                      ))}
                      {canBilling && (sub.state === 'active' || sub.state === 'isolated') ? (
                        <ActionButton
                          title={t('subs.action.changePlan')}
                          icon={<SwapVertIcon fontSize="small" />}
                          testId="subscription-change-plan"
                          onClick={() => setChanging(sub)}
                        />
                      ) : null}
                      <ActionButton
                        title={t('subs.action.history')}
                        icon={<HistoryIcon fontSize="small" />}
                        testId="subscription-history-open"
                        onClick={() => setHistory(sub.id)}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          <TablePager
            count={data?.total ?? 0}
            page={page}
            rowsPerPage={rows}
            onPageChange={setPage}
            onRowsPerPageChange={(next) => {
              setRows(next);
              setPage(0);
            }}
          />
        </>
      )}
      {creating ? (
        <SubscriptionCreateDialog
          onClose={() => setCreating(false)}
          onCreated={(sub, password) => {
            setCreating(false);
            if (password)
              setShownPassword({ code: sub.code, username: sub.username, password, service: sub.service });
            reload();
          }}
        />
      ) : null}
      {adopting ? <AdoptFromRouterDialog onClose={() => setAdopting(false)} onAdopted={reload} /> : null}
      {editing ? (
        <SubscriptionEditDialog
          subscription={editing}
          onClose={() => setEditing(null)}
          onSaved={(sub, password) => {
            setEditing(null);
            if (password)
              setShownPassword({ code: sub.code, username: sub.username, password, service: sub.service });
            reload();
          }}
        />
      ) : null}
      {shownPassword ? (
        <GeneratedPasswordDialog {...shownPassword} onClose={() => setShownPassword(null)} />
      ) : null}
      {acting ? (
        <ReasonDialog
          title={t(`subs.confirm.${acting.action}.title`, { code: acting.sub.code })}
          body={t(`subs.confirm.${acting.action}.body`, {
            code: acting.sub.code,
            username: acting.sub.username,
            login: t(`subs.login.${acting.sub.service}`),
            router: acting.sub.routerName,
            customer: acting.sub.customerName,
          })}
          label={t('subs.reason')}
          confirmLabel={t(`subs.action.${acting.action}`)}
          danger={acting.action === 'terminate' || acting.action === 'isolate'}
          testId={`subscription-${acting.action}-dialog`}
          onConfirm={runTransition}
          onClose={() => setActing(null)}
        />
      ) : null}
      {changing ? (
        <PlanChangeDialog subscription={changing} onClose={() => setChanging(null)} onChanged={reload} />
      ) : null}
      {history ? (
        <SubscriptionHistoryDrawer subscriptionId={history} onClose={() => setHistory(null)} />
      ) : null}
    </>
  );
}
