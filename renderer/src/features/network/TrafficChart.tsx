import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { intlLocale } from '../../app/format';
import { useI18nStore } from '../../app/i18n/i18n-store';
import { transport } from '../../ipc/transport';
import { formatBps } from './network-store';

type Sample = { rxBps: number; txBps: number; at: number };

const MAX_SAMPLES = 60;
/** The core streams for 60 s per watch; asking again before then keeps the stream going. */
const REWATCH_MS = 45_000;
const WIDTH = 600;
const HEIGHT = 160;

function path(samples: readonly Sample[], pick: (sample: Sample) => number, max: number): string {
  return samples
    .map((sample, index) => {
      const x = (index / (MAX_SAMPLES - 1)) * WIDTH;
      const y = HEIGHT - (pick(sample) / max) * (HEIGHT - 8);
      return `${index === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** Live rx/tx of one interface: the last minute of `network.traffic` samples as two lines. */
export function TrafficChart({ routerId, iface }: { routerId: string; iface: string }) {
  const t = useT();
  const locale = intlLocale(useI18nStore((state) => state.locale));
  const [samples, setSamples] = useState<{ key: string; list: Sample[] }>({ key: '', list: [] });
  const key = `${routerId}/${iface}`;

  useEffect(() => {
    const off = transport.on('network.traffic', (event) => {
      if (event.routerId !== routerId || event.interface !== iface) return;
      setSamples((previous) => ({
        key,
        list: [...(previous.key === key ? previous.list : []), event].slice(-MAX_SAMPLES),
      }));
    });
    const watch = () => {
      if (document.visibilityState === 'visible')
        void call('network.traffic.watch', { routerId, interface: iface }, { quiet: true });
    };
    watch();
    const timer = setInterval(watch, REWATCH_MS);
    document.addEventListener('visibilitychange', watch);
    return () => {
      off();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', watch);
    };
  }, [routerId, iface, key]);

  const list = samples.key === key ? samples.list : [];
  const last = list.at(-1);
  const max = Math.max(1000, ...list.map((sample) => Math.max(sample.rxBps, sample.txBps)));

  return (
    <Box data-testid="traffic-chart" data-samples={list.length}>
      <Box sx={{ display: 'flex', gap: 3, mb: 1 }}>
        <Typography variant="body2" sx={{ color: 'success.main', fontWeight: 600 }}>
          {t('traffic.rx')}:{' '}
          <span data-testid="traffic-rx">{last ? formatBps(last.rxBps, locale) : '–'}</span>
        </Typography>
        <Typography variant="body2" sx={{ color: 'info.main', fontWeight: 600 }}>
          {t('traffic.tx')}:{' '}
          <span data-testid="traffic-tx">{last ? formatBps(last.txBps, locale) : '–'}</span>
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('traffic.peak', { value: formatBps(max, locale) })}
        </Typography>
      </Box>
      <Box
        component="svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('traffic.title', { iface })}
        sx={{ width: '100%', height: HEIGHT, border: 1, borderColor: 'divider', borderRadius: 1 }}
      >
        {[0.25, 0.5, 0.75].map((fraction) => (
          <line
            key={fraction}
            x1={0}
            x2={WIDTH}
            y1={HEIGHT * fraction}
            y2={HEIGHT * fraction}
            stroke="currentColor"
            strokeOpacity={0.1}
          />
        ))}
        {list.length > 1 ? (
          <>
            <Box
              component="path"
              d={path(list, (sample) => sample.rxBps, max)}
              fill="none"
              strokeWidth={2}
              sx={{ stroke: (theme) => theme.palette.success.main }}
            />
            <Box
              component="path"
              d={path(list, (sample) => sample.txBps, max)}
              fill="none"
              strokeWidth={2}
              sx={{ stroke: (theme) => theme.palette.info.main }}
            />
          </>
        ) : (
          <text x={WIDTH / 2} y={HEIGHT / 2} textAnchor="middle" fill="currentColor" opacity={0.5}>
            {t('traffic.waiting')}
          </text>
        )}
      </Box>
    </Box>
  );
}
