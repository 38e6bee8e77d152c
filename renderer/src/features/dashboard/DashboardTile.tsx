import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n/use-t';
import { NAV_ITEMS, isRouteAllowed, type RouteKey } from '../../app/navigation/nav-items';
import { useRouteStore } from '../../app/navigation/route-store';
import { usePermissions } from '../session/session-store';

/** How a figure reads at a glance: fine, worth a look, or needs someone now. */
export type TileTone = 'neutral' | 'good' | 'warning' | 'error';

const TONE_COLOR: Record<TileTone, string> = {
  neutral: 'divider',
  good: 'success.main',
  warning: 'warning.main',
  error: 'error.main',
};

type DashboardTileProps = {
  /** `dashboard-tile-<name>` */
  name: string;
  icon: ReactNode;
  title: string;
  value: string;
  /** Small lines under the figure. */
  details?: ReactNode;
  tone?: TileTone;
  /** The screen that acts on it; the tile is a button when the user may open that screen. */
  route?: RouteKey;
  valueTestId?: string;
};

/** One figure of the dashboard, with its story in a line or two and a way to the screen behind it. */
export function DashboardTile({
  name,
  icon,
  title,
  value,
  details,
  tone = 'neutral',
  route,
  valueTestId,
}: DashboardTileProps) {
  const t = useT();
  const permissions = usePermissions();
  const item = route ? NAV_ITEMS.find((candidate) => candidate.route === route) : undefined;
  const canOpen = item !== undefined && isRouteAllowed(item, permissions);

  const body = (
    <CardContent sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', height: '100%' }}>
      <Box
        sx={{
          width: 40,
          height: 40,
          borderRadius: 2,
          display: 'grid',
          placeItems: 'center',
          bgcolor: 'action.hover',
          color: tone === 'neutral' ? 'primary.main' : TONE_COLOR[tone],
          flexShrink: 0,
        }}
      >
        {icon}
      </Box>
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        <Typography
          variant={/^(Rp|\d|–)/.test(value) ? 'h5' : 'h6'}
          component="p"
          sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}
          data-testid={valueTestId ?? `dashboard-tile-${name}-value`}
        >
          {value}
        </Typography>
        {details ? (
          <Box sx={{ mt: 0.5, display: 'flex', flexDirection: 'column', gap: 0.25 }}>{details}</Box>
        ) : null}
      </Box>
    </CardContent>
  );

  return (
    <Card
      variant="outlined"
      data-testid={`dashboard-tile-${name}`}
      data-tone={tone}
      sx={{ borderLeftWidth: 4, borderLeftColor: TONE_COLOR[tone], height: '100%' }}
    >
      {canOpen && item ? (
        <CardActionArea
          onClick={() => useRouteStore.getState().navigate(item.route)}
          aria-label={`${title}: ${value}. ${t('dashboard.open', { screen: t(item.label) })}`}
          sx={{ height: '100%', alignItems: 'stretch' }}
        >
          {body}
        </CardActionArea>
      ) : (
        body
      )}
    </Card>
  );
}

/** A small line under a tile's figure. */
export function TileLine({
  children,
  tone,
  testId,
}: {
  children: ReactNode;
  tone?: TileTone;
  testId?: string;
}) {
  return (
    <Typography
      variant="caption"
      data-testid={testId}
      sx={{
        color: tone && tone !== 'neutral' ? TONE_COLOR[tone] : 'text.secondary',
        fontWeight: tone ? 600 : 400,
      }}
    >
      {children}
    </Typography>
  );
}

/** The tiles of one section, as many per row as fit. */
export function TileGrid({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Box
      data-testid={testId}
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', mb: 3 }}
    >
      {children}
    </Box>
  );
}
