import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SubscriptionEvent } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { SubscriptionStateChip } from './SubscriptionStateChip';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2">{value || '—'}</Typography>
    </Box>
  );
}

/** A plan change's "old → new" from the event's details. */
function planChangeText(event: SubscriptionEvent): string | null {
  const { fromPlan, toPlan } = event.details;
  return typeof fromPlan === 'string' && typeof toPlan === 'string' ? `${fromPlan} → ${toPlan}` : null;
}

type Change = { from: unknown; to: unknown };
const SHOWN_CHANGES = ['remoteAddress', 'odpName', 'macAddress', 'notes'] as const;

/** An edit's lines from the event's details: "Static IP: a → b", "Password changed"… */
function updateLines(event: SubscriptionEvent, t: ReturnType<typeof useT>): string[] {
  if (event.kind !== 'update') return [];
  const changes = (event.details.changes ?? {}) as Partial<Record<string, Change>>;
  const lines: string[] = [];
  const shown = (value: unknown, empty: string) => (typeof value === 'string' && value ? value : empty);
  for (const key of SHOWN_CHANGES) {
    const change = changes[key];
    if (!change) continue;
    const empty = key === 'remoteAddress' ? t('subs.history.pool') : '—';
    lines.push(
      t(`subs.history.changed.${key}`, { from: shown(change.from, empty), to: shown(change.to, empty) }),
    );
  }
  if (event.details.passwordChanged === true) lines.push(t('subs.history.changed.password'));
  return lines;
}

/** A subscription's details and every recorded transition: who, when, why, from → to. */
export function SubscriptionHistoryDrawer({
  subscriptionId,
  onClose,
}: {
  subscriptionId: string;
  onClose(): void;
}) {
  const t = useT();
  const format = useFormat();
  const { data, loading } = useLoader(`subscription/${subscriptionId}`, async () => {
    const result = await call('subscriptions.get', { id: subscriptionId });
    return result.ok ? result.data : null;
  });
  const sub = data?.subscription;
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      sx={{ zIndex: (theme) => theme.zIndex.modal }}
      slotProps={{ paper: { sx: { width: { xs: '100%', sm: 480 } } } }}
      data-testid="subscription-history"
    >
      <Box sx={{ display: 'flex', alignItems: 'center', p: 2, gap: 1 }}>
        <Typography variant="h6" sx={{ flex: 1 }}>
          {t('subs.history.title', { code: sub?.code ?? '' })}
        </Typography>
        <IconButton onClick={onClose} aria-label={t('common.close')}>
          <CloseIcon />
        </IconButton>
      </Box>
      {loading ? <LinearProgress /> : null}
      {sub ? (
        <Box sx={{ px: 2, pb: 2 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
            <SubscriptionStateChip state={sub.state} />
            <Typography variant="body2">
              {sub.customerName} · {sub.customerCode}
            </Typography>
          </Stack>
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5 }}>
            <Fact label={t('subs.col.plan')} value={`${sub.planName} · ${format.rupiah(sub.planPrice)}`} />
            <Fact label={t('subs.details.rateLimit')} value={sub.rateLimit} />
            <Fact label={t('subs.col.router')} value={sub.routerName} />
            <Fact
              label={t('subs.col.username')}
              value={`${sub.username} · ${t(`plans.service.${sub.service}`)}`}
            />
            <Fact label={t('subs.details.address')} value={sub.remoteAddress} />
            <Fact label={t('subs.details.odp')} value={sub.odpName ?? ''} />
            {sub.service === 'hotspot' ? <Fact label={t('subs.details.mac')} value={sub.macAddress} /> : null}
            <Fact label={t('subs.col.since')} value={sub.activatedOn ?? ''} />
            <Fact label="" value={sub.activatedOn ? t('subs.details.anchor', { day: sub.anchorDay }) : ''} />
          </Box>
        </Box>
      ) : null}
      <Divider />
      {data && data.events.length === 0 ? (
        <Typography sx={{ p: 2 }} color="text.secondary">
          {t('subs.history.empty')}
        </Typography>
      ) : null}
      <List dense>
        {(data?.events ?? []).map((event) => (
          <ListItem key={event.id} sx={{ display: 'block' }} data-testid="subscription-event">
            <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {t(`subs.history.kind.${event.kind}`)}
                {event.fromState && event.fromState !== event.toState
                  ? ` · ${t(`subs.state.${event.fromState}`)} → ${t(`subs.state.${event.toState}`)}`
                  : ''}
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                {format.dateTime(event.createdAt)}
              </Typography>
            </Box>
            {planChangeText(event) ? <Typography variant="body2">{planChangeText(event)}</Typography> : null}
            {updateLines(event, t).map((line) => (
              <Typography key={line} variant="body2" data-testid="subscription-event-change">
                {line}
              </Typography>
            ))}
            {event.reason ? (
              <Typography variant="body2" sx={{ fontStyle: 'italic' }}>
                “{event.reason}”
              </Typography>
            ) : null}
            <Typography variant="caption" color="text.secondary">
              {event.userName ? t('subs.history.by', { name: event.userName }) : t('subs.history.system')}
            </Typography>
          </ListItem>
        ))}
      </List>
    </Drawer>
  );
}
