import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import RefreshIcon from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { DashboardSummary } from '../../../../shared/contract/dashboard.contract';
import type { Permission } from '../../../../shared/domain/permissions';
import type { TranslationKey } from '../../app/i18n/id';
import { useT } from '../../app/i18n/use-t';
import { allowedNavItems } from '../../app/navigation/nav-items';
import { useRouteStore } from '../../app/navigation/route-store';
import { hourInZone } from '../../app/time';
import { useFormat } from '../../app/use-format';
import { useNow } from '../../app/use-now';
import { usePermissions, useSessionStore } from '../session/session-store';
import { useSettingsStore } from '../settings/settings-store';
import { useSyncStore } from '../sync/sync-store';
import { CounterTiles } from './CounterTiles';
import { DashboardSkeleton } from './DashboardSkeleton';
import { DashboardTile, TileGrid, TileLine } from './DashboardTile';
import { FirstDayPanel } from './FirstDayPanel';
import { hasNoSections, isFirstDay } from './first-day';
import { IspTiles } from './IspTiles';
import { useDashboardSummary } from './use-dashboard-summary';

function greetingKey(hour: number): TranslationKey {
  if (hour >= 4 && hour < 11) return 'dashboard.greeting.morning';
  if (hour >= 11 && hour < 15) return 'dashboard.greeting.midday';
  if (hour >= 15 && hour < 18) return 'dashboard.greeting.afternoon';
  return 'dashboard.greeting.evening';
}

/** How many tiles the summary will bring for these permissions (the skeleton's shape). */
function expectedTiles(permissions: readonly Permission[]): number {
  const can = (permission: Permission) => permissions.includes(permission);
  return (
    (can('pos.sell') || can('reports.view') ? 2 : 0) +
    (can('inventory.view') ? 1 : 0) +
    (can('customers.view') ? 1 : 0) +
    (can('billing.view') ? 5 : 0) +
    (can('network.view') ? 2 : 0)
  );
}

/** The morning screen: today's counter and ISP office at a glance, each figure a way into its screen. */
export function DashboardScreen() {
  const t = useT();
  const format = useFormat();
  const user = useSessionStore((state) => state.user);
  const branchName = useSettingsStore((state) => state.settings?.branchName);
  const permissions = usePermissions();
  const navigate = useRouteStore((state) => state.navigate);
  const shortcuts = allowedNavItems(permissions).filter((item) => item.route !== 'dashboard');
  const now = useNow();
  const { data, loading, reload } = useDashboardSummary();
  if (!user) return null;

  return (
    <Box data-testid="dashboard">
      <Box sx={{ mb: 3, display: 'flex', gap: 2, alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <Typography variant="overline" color="primary" data-testid="dashboard-date">
            {format.longDate(now)}
          </Typography>
          <Typography variant="h4" component="h1" data-testid="dashboard-greeting">
            {t(greetingKey(hourInZone(now, format.timeZone)), { name: user.name })}
          </Typography>
          <Typography color="text.secondary" sx={{ mt: 0.5 }}>
            {branchName ? `${branchName} · ` : ''}
            {t('dashboard.role', { role: user.roleName })}
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
          {data ? (
            <Typography variant="caption" color="text.secondary" data-testid="dashboard-updated">
              {t('dashboard.updatedAt', { time: format.time(data.loadedAt) })}
            </Typography>
          ) : null}
          <Button
            variant="outlined"
            startIcon={<RefreshIcon />}
            onClick={reload}
            disabled={loading}
            data-testid="dashboard-refresh"
          >
            {t('dashboard.refresh')}
          </Button>
        </Box>
      </Box>

      {data && loading ? <LinearProgress sx={{ mb: 2 }} data-testid="dashboard-busy" /> : null}
      {data ? (
        <SummaryTiles summary={data.summary} />
      ) : loading ? (
        <DashboardSkeleton tiles={Math.max(2, expectedTiles(permissions))} />
      ) : (
        <Alert
          severity="error"
          sx={{ mb: 3 }}
          data-testid="dashboard-failed"
          action={
            <Button color="inherit" size="small" onClick={reload} data-testid="dashboard-retry">
              {t('dashboard.retry')}
            </Button>
          }
        >
          {t('dashboard.failed')}
        </Alert>
      )}

      <SyncTile />

      <Typography variant="overline" color="text.secondary" component="h2">
        {t('dashboard.shortcuts')}
      </Typography>
      <Box
        sx={{
          mt: 1,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
        }}
      >
        {shortcuts.map((item) => {
          const Icon = item.icon;
          return (
            <Card key={item.route}>
              <CardActionArea
                onClick={() => navigate(item.route)}
                data-testid={`shortcut-${item.route}`}
                sx={{ height: '100%' }}
              >
                <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
                  <Icon color="primary" />
                  <Typography sx={{ fontWeight: 600 }}>{t(item.label)}</Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          );
        })}
      </Box>
    </Box>
  );
}

function SummaryTiles({ summary }: { summary: DashboardSummary }) {
  const t = useT();
  const counter = Boolean(summary.sales || summary.stock);
  const isp = Boolean(summary.subscriptions || summary.billing || summary.network || summary.notifications);
  if (hasNoSections(summary)) return null;
  return (
    <>
      {isFirstDay(summary) ? <FirstDayPanel /> : null}
      {counter ? (
        <>
          <SectionTitle>{t('dashboard.section.counter')}</SectionTitle>
          <TileGrid testId="dashboard-section-counter">
            <CounterTiles summary={summary} />
          </TileGrid>
        </>
      ) : null}
      {isp ? (
        <>
          <SectionTitle>{t('dashboard.section.isp')}</SectionTitle>
          <TileGrid testId="dashboard-section-isp">
            <IspTiles summary={summary} />
          </TileGrid>
        </>
      ) : null}
    </>
  );
}

function SectionTitle({ children }: { children: string }) {
  return (
    <Typography variant="overline" color="text.secondary" component="h2" sx={{ display: 'block', mb: 1 }}>
      {children}
    </Typography>
  );
}

/** Local changes waiting for the sync server (kept from the first dashboard; not a channel section). */
function SyncTile() {
  const t = useT();
  const format = useFormat();
  const pending = useSyncStore((state) => state.status?.pendingChanges);
  return (
    <Box sx={{ mb: 4, maxWidth: 520 }}>
      <DashboardTile
        name="sync"
        icon={<CloudUploadIcon />}
        title={t('dashboard.pending')}
        value={pending === undefined ? '–' : format.number(pending)}
        valueTestId="dashboard-pending"
        details={<TileLine>{t('dashboard.pendingHint')}</TileLine>}
      />
    </Box>
  );
}
