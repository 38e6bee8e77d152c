import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import { useT } from '../../app/i18n/use-t';
import { TileGrid } from './DashboardTile';

/** Tile-shaped placeholders while the first figures are on their way. */
export function DashboardSkeleton({ tiles }: { tiles: number }) {
  const t = useT();
  return (
    <TileGrid testId="dashboard-loading">
      {Array.from({ length: tiles }, (_, index) => (
        <Card
          key={index}
          variant="outlined"
          role={index === 0 ? 'status' : undefined}
          aria-label={index === 0 ? t('dashboard.loading') : undefined}
        >
          <CardContent sx={{ display: 'flex', gap: 1.5 }}>
            <Skeleton variant="rounded" width={40} height={40} />
            <Box sx={{ flex: 1 }}>
              <Skeleton width="60%" />
              <Skeleton width="80%" height={36} />
              <Skeleton width="50%" />
            </Box>
          </CardContent>
        </Card>
      ))}
    </TileGrid>
  );
}
