import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
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

function greetingKey(hour: number): TranslationKey {
  if (hour >= 4 && hour < 11) return 'dashboard.greeting.morning';
  if (hour >= 11 && hour < 15) return 'dashboard.greeting.midday';
  if (hour >= 15 && hour < 18) return 'dashboard.greeting.afternoon';
  return 'dashboard.greeting.evening';
}

export function DashboardScreen() {
  const t = useT();
  const format = useFormat();
  const user = useSessionStore((state) => state.user);
  const branchName = useSettingsStore((state) => state.settings?.branchName);
  const pending = useSyncStore((state) => state.status?.pendingChanges);
  const navigate = useRouteStore((state) => state.navigate);
  const shortcuts = allowedNavItems(usePermissions()).filter((item) => item.route !== 'dashboard');
  const now = useNow();
  if (!user) return null;

  return (
    <Box data-testid="dashboard">
      <Box sx={{ mb: 3 }}>
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

      <Card sx={{ mb: 4, maxWidth: 520 }}>
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
          <Box
            sx={{
              width: 48,
              height: 48,
              borderRadius: 2,
              display: 'grid',
              placeItems: 'center',
              bgcolor: 'action.hover',
              color: 'primary.main',
              flexShrink: 0,
            }}
          >
            <CloudUploadIcon />
          </Box>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="h5" component="p" data-testid="dashboard-pending">
              {pending === undefined ? '–' : format.number(pending)}
            </Typography>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t('dashboard.pending')}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {t('dashboard.pendingHint')}
            </Typography>
          </Box>
        </CardContent>
      </Card>

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
