import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Collapse from '@mui/material/Collapse';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';
import { POINT_COLORS, ROUTE_STYLES, STATE_COLORS } from './map-icons';
import { ALL_KINDS, ALL_STATES, useMapStore } from './map-store';

type Overview = ChannelOutput<'map.overview'>;

function LegendRow({
  swatch,
  label,
  count,
  hidden,
  onToggle,
  testId,
}: {
  swatch: ReactNode;
  label: string;
  count?: number;
  hidden: boolean;
  onToggle(): void;
  testId: string;
}) {
  return (
    <ButtonBase
      onClick={onToggle}
      aria-pressed={!hidden}
      data-testid={testId}
      sx={{
        display: 'flex',
        width: '100%',
        justifyContent: 'flex-start',
        gap: 1,
        px: 0.5,
        py: 0.25,
        borderRadius: 1,
        opacity: hidden ? 0.4 : 1,
        textDecoration: hidden ? 'line-through' : 'none',
      }}
    >
      <Box sx={{ width: 16, height: 16, display: 'grid', placeItems: 'center', flexShrink: 0 }}>{swatch}</Box>
      <Typography variant="body2" sx={{ flex: 1, textAlign: 'left' }}>
        {label}
      </Typography>
      {count !== undefined ? (
        <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {count.toLocaleString('id-ID')}
        </Typography>
      ) : null}
    </ButtonBase>
  );
}

const SHAPES = {
  pop: 'inset(0 round 3px)',
  odp: 'polygon(50% 0, 100% 50%, 50% 100%, 0 50%)',
  ap: 'polygon(50% 0, 100% 100%, 0 100%)',
  router: 'polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%)',
} as const;

/** The legend doubles as the filter: each state, point kind and the routes can be hidden with a click. */
export function MapLegend({ overview, showNetwork }: { overview: Overview | null; showNetwork: boolean }) {
  const t = useT();
  const hiddenStates = useMapStore((state) => state.hiddenStates);
  const hiddenKinds = useMapStore((state) => state.hiddenKinds);
  const showRoutes = useMapStore((state) => state.showRoutes);
  const [open, setOpen] = useState(true);
  return (
    <Paper
      elevation={3}
      sx={{
        position: 'absolute',
        left: 12,
        bottom: 24,
        zIndex: 1000,
        px: 1,
        py: 0.5,
        width: 200,
        maxHeight: 'calc(100% - 48px)',
        overflow: 'auto',
      }}
      data-testid="map-legend"
    >
      <ButtonBase
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        data-testid="map-legend-toggle"
        sx={{ width: '100%', justifyContent: 'space-between', px: 0.5, py: 0.25, borderRadius: 1 }}
      >
        <Typography variant="subtitle2">{t('map.legend')}</Typography>
        {open ? <ExpandMoreIcon fontSize="small" /> : <ExpandLessIcon fontSize="small" />}
      </ButtonBase>
      <Collapse in={open}>
        <Typography
          variant="overline"
          color="text.secondary"
          title={t('map.legend.hint')}
          sx={{ display: 'block', lineHeight: 2 }}
        >
          {t('map.legend.customers')}
        </Typography>
        {ALL_STATES.map((state) => (
          <LegendRow
            key={state}
            swatch={
              <Box
                sx={{
                  width: 12,
                  height: 12,
                  borderRadius: '50%',
                  bgcolor: STATE_COLORS[state],
                  border: '2px solid #fff',
                  boxShadow: '0 0 0 1px rgba(0,0,0,.5)',
                }}
              />
            }
            label={t(`map.state.${state}`)}
            count={overview?.counts[state]}
            hidden={hiddenStates.includes(state)}
            onToggle={() => useMapStore.getState().toggleState(state)}
            testId={`map-filter-state-${state}`}
          />
        ))}
        {overview && overview.withoutLocation > 0 ? (
          <Typography
            variant="caption"
            color="text.secondary"
            sx={{ display: 'block', mt: 0.5 }}
            data-testid="map-without-location"
          >
            {t('map.legend.withoutLocation', { count: overview.withoutLocation.toLocaleString('id-ID') })}
          </Typography>
        ) : null}
        {showNetwork ? (
          <>
            <Typography
              variant="overline"
              color="text.secondary"
              sx={{ display: 'block', mt: 0.5, lineHeight: 2 }}
            >
              {t('map.legend.points')}
            </Typography>
            {ALL_KINDS.map((kind) => (
              <LegendRow
                key={kind}
                swatch={
                  <Box sx={{ width: 14, height: 14, bgcolor: POINT_COLORS[kind], clipPath: SHAPES[kind] }} />
                }
                label={t(`map.kind.${kind}`)}
                hidden={hiddenKinds.includes(kind)}
                onToggle={() => useMapStore.getState().toggleKind(kind)}
                testId={`map-filter-kind-${kind}`}
              />
            ))}
            <LegendRow
              swatch={
                <Box sx={{ width: 16, height: 4, bgcolor: ROUTE_STYLES.fiber.color, borderRadius: 1 }} />
              }
              label={t('map.legend.routes')}
              hidden={!showRoutes}
              onToggle={() => useMapStore.getState().toggleRoutes()}
              testId="map-filter-routes"
            />
          </>
        ) : null}
      </Collapse>
    </Paper>
  );
}
