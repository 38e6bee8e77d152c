import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { StatusChip } from './StatusChip';
import { TrafficChart } from './TrafficChart';
import { useSelectedRouter } from './network-store';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper variant="outlined" sx={{ p: 1.5, minWidth: 140, flex: 1 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="subtitle1" sx={{ fontWeight: 650 }} data-testid={testId}>
        {value}
      </Typography>
    </Paper>
  );
}

/** The selected router now: load, memory, uptime, version, interfaces and live traffic. */
export function RouterDashboard({ routerId }: { routerId: string }) {
  const t = useT();
  const format = useFormat();
  const router = useSelectedRouter();
  const { data, loading, reload } = useLoader(routerId, async () => {
    const result = await call('network.routers.dashboard', { id: routerId }, { quiet: true });
    return result.ok ? result.data : null;
  });
  // Load and uptime move on: ask again every half minute while the dashboard is open.
  useEffect(() => {
    const timer = setInterval(reload, 30_000);
    return () => clearInterval(timer);
  }, [reload]);
  const [chosen, setChosen] = useState<string | null>(null);
  const interfaces = data?.interfaces ?? [];
  const iface = chosen ?? interfaces.find((entry) => entry.running)?.name ?? interfaces[0]?.name ?? null;
  const status = data?.status ?? router?.status ?? null;
  const memory =
    status?.totalMemory && status.freeMemory !== null
      ? `${format.bytes(status.totalMemory - status.freeMemory)} / ${format.bytes(status.totalMemory)}`
      : '–';

  return (
    <Box sx={{ mt: 3 }} data-testid="router-dashboard">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5 }}>
        <Typography variant="h6">{t('dash.title', { name: router?.name ?? '' })}</Typography>
        {status ? <StatusChip status={status} /> : null}
      </Box>
      {loading && !data ? <LinearProgress sx={{ mb: 2 }} /> : null}
      {!loading && !data ? (
        <Typography color="text.secondary" sx={{ mb: 2 }} data-testid="router-dashboard-unreachable">
          {t('dash.unreachable')}
        </Typography>
      ) : null}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mb: 2 }}>
        <Figure
          label={t('dash.cpu')}
          value={status?.cpuLoad !== null && status?.cpuLoad !== undefined ? `${status.cpuLoad}%` : '–'}
          testId="dash-cpu"
        />
        <Figure label={t('dash.memory')} value={memory} testId="dash-memory" />
        <Figure label={t('dash.uptime')} value={status?.uptime ?? '–'} testId="dash-uptime" />
        <Figure
          label={t('dash.version')}
          value={[status?.version, status?.board].filter(Boolean).join(' · ') || '–'}
          testId="dash-version"
        />
        <Figure
          label={t('dash.lastSeen')}
          value={status?.lastSeenAt ? format.dateTime(status.lastSeenAt) : '–'}
          testId="dash-last-seen"
        />
      </Box>
      {interfaces.length > 0 ? (
        <>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            {t('dash.interfaces')}
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 2 }} data-testid="dash-interfaces">
            {interfaces.map((entry) => (
              <Chip
                key={entry.name}
                size="small"
                label={`${entry.name} (${entry.type})`}
                color={entry.disabled ? 'default' : entry.running ? 'success' : 'warning'}
                variant={entry.name === iface ? 'filled' : 'outlined'}
                onClick={() => setChosen(entry.name)}
                data-testid={`dash-interface-${entry.name}`}
              />
            ))}
          </Box>
          <TextField
            select
            size="small"
            label={t('traffic.interface')}
            value={iface ?? ''}
            onChange={(event) => setChosen(event.target.value)}
            sx={{ minWidth: 200, mb: 2 }}
            slotProps={{ htmlInput: { 'data-testid': 'traffic-interface' } }}
          >
            {interfaces.map((entry) => (
              <MenuItem key={entry.name} value={entry.name} data-testid={`traffic-interface-${entry.name}`}>
                {entry.name}
              </MenuItem>
            ))}
          </TextField>
          {iface ? <TrafficChart key={iface} routerId={routerId} iface={iface} /> : null}
        </>
      ) : null}
    </Box>
  );
}
