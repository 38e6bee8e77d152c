import EventIcon from '@mui/icons-material/Event';
import NotificationsIcon from '@mui/icons-material/Notifications';
import PaymentsIcon from '@mui/icons-material/Payments';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import RouterIcon from '@mui/icons-material/Router';
import ScheduleIcon from '@mui/icons-material/Schedule';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import WifiIcon from '@mui/icons-material/Wifi';
import type {
  DashboardBilling,
  DashboardNetwork,
  DashboardSummary,
} from '../../../../shared/contract/dashboard.contract';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { DashboardTile, TileLine, type TileTone } from './DashboardTile';
import { formatLocalDay } from './local-day';

/** Subscriptions, invoices, collections, the scheduler, routers, router jobs and held notices. */
export function IspTiles({ summary }: { summary: DashboardSummary }) {
  const t = useT();
  const format = useFormat();
  const { subscriptions, billing, network, notifications } = summary;
  return (
    <>
      {subscriptions ? (
        <DashboardTile
          name="subscriptions"
          icon={<WifiIcon />}
          title={t('dashboard.subscriptions.title')}
          value={format.number(subscriptions.active)}
          route="subscriptions"
          tone={subscriptions.isolated > 0 ? 'warning' : 'neutral'}
          details={
            <>
              <TileLine testId="dashboard-subscriptions-pending">
                {t('dashboard.subscriptions.pending', { n: format.number(subscriptions.pending) })}
              </TileLine>
              <TileLine
                tone={subscriptions.isolated > 0 ? 'warning' : undefined}
                testId="dashboard-subscriptions-isolated"
              >
                {t('dashboard.subscriptions.isolated', { n: format.number(subscriptions.isolated) })}
              </TileLine>
            </>
          }
        />
      ) : null}
      {billing ? <BillingTiles billing={billing} /> : null}
      {network ? <NetworkTiles network={network} /> : null}
      {notifications ? (
        <DashboardTile
          name="notifications"
          icon={<NotificationsIcon />}
          title={t('dashboard.notifications.title')}
          value={format.number(notifications.held + notifications.failed)}
          route="notifications"
          tone={notifications.failed > 0 ? 'error' : notifications.held > 0 ? 'warning' : 'good'}
          details={
            notifications.held + notifications.failed === 0 ? (
              <TileLine>{t('dashboard.notifications.none')}</TileLine>
            ) : (
              <>
                {notifications.held > 0 ? (
                  <TileLine tone="warning">
                    {t('dashboard.notifications.held', { n: format.number(notifications.held) })}
                  </TileLine>
                ) : null}
                {notifications.failed > 0 ? (
                  <TileLine tone="error">
                    {t('dashboard.notifications.failed', { n: format.number(notifications.failed) })}
                  </TileLine>
                ) : null}
              </>
            )
          }
        />
      ) : null}
    </>
  );
}

function schedulerTone(scheduler: DashboardBilling['scheduler']): TileTone {
  if (scheduler.lastError) return 'error';
  if (scheduler.lastDay === null) return 'warning';
  return scheduler.daysBehind > 1 ? 'error' : scheduler.daysBehind === 1 ? 'warning' : 'good';
}

function BillingTiles({ billing }: { billing: DashboardBilling }) {
  const t = useT();
  const format = useFormat();
  const { dueSoon, overdue, collections, scheduler } = billing;
  return (
    <>
      <DashboardTile
        name="overdue"
        icon={<ReceiptLongIcon />}
        title={t('dashboard.overdue.title')}
        value={format.rupiah(overdue.amount)}
        route="billing"
        tone={overdue.count > 0 ? 'error' : 'good'}
        details={
          <TileLine>
            {overdue.count > 0
              ? t('dashboard.overdue.detail', {
                  n: format.number(overdue.count),
                  customers: format.number(overdue.customers),
                })
              : t('dashboard.overdue.none')}
          </TileLine>
        }
      />
      <DashboardTile
        name="due-soon"
        icon={<EventIcon />}
        title={t('dashboard.dueSoon.title')}
        value={format.rupiah(dueSoon.amount)}
        route="billing"
        details={
          <TileLine>
            {t('dashboard.dueSoon.detail', {
              n: format.number(dueSoon.count),
              date: formatLocalDay(dueSoon.until, format.locale),
            })}
          </TileLine>
        }
      />
      <DashboardTile
        name="collections"
        icon={<PaymentsIcon />}
        title={t('dashboard.collections.title')}
        value={format.rupiah(collections.amount)}
        route="billing"
        tone={collections.count > 0 ? 'good' : 'neutral'}
        details={
          <TileLine>{t('dashboard.collections.detail', { n: format.number(collections.count) })}</TileLine>
        }
      />
      <DashboardTile
        name="scheduler"
        icon={<ScheduleIcon />}
        title={t('dashboard.scheduler.title')}
        value={
          scheduler.lastDay === null
            ? t('dashboard.scheduler.never')
            : scheduler.daysBehind === 0
              ? t('dashboard.scheduler.upToDate')
              : t('dashboard.scheduler.behind', { days: scheduler.daysBehind })
        }
        route="reports"
        tone={schedulerTone(scheduler)}
        details={
          <>
            {scheduler.lastDay ? (
              <TileLine>
                {t('dashboard.scheduler.lastDay', { date: formatLocalDay(scheduler.lastDay, format.locale) })}
              </TileLine>
            ) : null}
            {scheduler.running ? <TileLine>{t('dashboard.scheduler.running')}</TileLine> : null}
            {scheduler.lastError ? (
              <TileLine tone="error">
                {t('dashboard.scheduler.error', { message: scheduler.lastError })}
              </TileLine>
            ) : null}
          </>
        }
      />
    </>
  );
}

function NetworkTiles({ network }: { network: DashboardNetwork }) {
  const t = useT();
  const format = useFormat();
  const { routers, offlineRouters, jobs } = network;
  const hidden = routers.offline - offlineRouters.length;
  return (
    <>
      <DashboardTile
        name="routers"
        icon={<RouterIcon />}
        title={t('dashboard.routers.title')}
        value={
          routers.total === 0 ? '0' : `${format.number(routers.online)} / ${format.number(routers.total)}`
        }
        route="network"
        tone={
          routers.offline > 0 ? 'error' : routers.total > 0 && routers.unchecked === 0 ? 'good' : 'neutral'
        }
        details={
          routers.total === 0 ? (
            <TileLine>{t('dashboard.routers.none')}</TileLine>
          ) : (
            <>
              <TileLine>
                {t('dashboard.routers.online', {
                  online: format.number(routers.online),
                  total: format.number(routers.total),
                })}
              </TileLine>
              {offlineRouters.length > 0 ? (
                <TileLine tone="error" testId="dashboard-routers-offline">
                  {t('dashboard.routers.offline', {
                    names: offlineRouters.map((router) => router.name).join(', '),
                  })}
                  {hidden > 0 ? ` ${t('dashboard.routers.more', { n: hidden })}` : ''}
                </TileLine>
              ) : null}
              {routers.unchecked > 0 ? (
                <TileLine>
                  {t('dashboard.routers.unchecked', { n: format.number(routers.unchecked) })}
                </TileLine>
              ) : null}
            </>
          )
        }
      />
      <DashboardTile
        name="router-jobs"
        icon={<SyncProblemIcon />}
        title={t('dashboard.jobs.title')}
        value={format.number(jobs.pending + jobs.failed)}
        route="network"
        tone={jobs.failed > 0 ? 'error' : jobs.pending > 0 ? 'warning' : 'good'}
        details={
          jobs.pending + jobs.failed === 0 ? (
            <TileLine>{t('dashboard.jobs.none')}</TileLine>
          ) : (
            <>
              {jobs.pending > 0 ? (
                <TileLine>{t('dashboard.jobs.pending', { n: format.number(jobs.pending) })}</TileLine>
              ) : null}
              {jobs.failed > 0 ? (
                <TileLine tone="error">
                  {t('dashboard.jobs.failed', { n: format.number(jobs.failed) })}
                </TileLine>
              ) : null}
            </>
          )
        }
      />
    </>
  );
}
