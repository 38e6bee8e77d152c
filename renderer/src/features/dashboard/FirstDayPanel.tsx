import AddLocationAltIcon from '@mui/icons-material/AddLocationAlt';
import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import RouterIcon from '@mui/icons-material/Router';
import WbSunnyIcon from '@mui/icons-material/WbSunny';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { TranslationKey } from '../../app/i18n/id';
import { useT } from '../../app/i18n/use-t';
import { NAV_ITEMS, isRouteAllowed, type RouteKey } from '../../app/navigation/nav-items';
import { useRouteStore } from '../../app/navigation/route-store';
import { usePermissions } from '../session/session-store';

const FIRST_STEPS: { route: RouteKey; label: TranslationKey; icon: ReactNode }[] = [
  { route: 'pos', label: 'dashboard.firstDay.openShift', icon: <PointOfSaleIcon /> },
  { route: 'customers', label: 'dashboard.firstDay.addCustomer', icon: <AddLocationAltIcon /> },
  { route: 'network', label: 'dashboard.firstDay.addRouter', icon: <RouterIcon /> },
];

/** What a branch with nothing recorded yet sees above its (zero) figures: where to start. */
export function FirstDayPanel() {
  const t = useT();
  const permissions = usePermissions();
  const steps = FIRST_STEPS.filter((step) => {
    const item = NAV_ITEMS.find((candidate) => candidate.route === step.route);
    return item !== undefined && isRouteAllowed(item, permissions);
  });
  return (
    <Card variant="outlined" sx={{ mb: 3 }} data-testid="dashboard-first-day">
      <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Box sx={{ color: 'warning.main', '& svg': { fontSize: 40 } }}>
          <WbSunnyIcon />
        </Box>
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
            {t('dashboard.firstDay.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: steps.length > 0 ? 2 : 0 }}>
            {t('dashboard.firstDay.body')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            {steps.map((step) => (
              <Button
                key={step.route}
                variant="outlined"
                startIcon={step.icon}
                onClick={() => useRouteStore.getState().navigate(step.route)}
                data-testid={`dashboard-first-${step.route}`}
              >
                {t(step.label)}
              </Button>
            ))}
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
}
