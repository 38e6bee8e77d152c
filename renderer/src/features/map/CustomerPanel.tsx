import CloseIcon from '@mui/icons-material/Close';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CustomerMapState } from '../../../../shared/contract/map.contract';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useRouteStore } from '../../app/navigation/route-store';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { STATE_COLORS } from './map-icons';
import { formatCoordinate } from './map-store';
import { formatIndonesianPhone } from '../../../../shared/domain/phone';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Box sx={{ display: 'flex', gap: 1, py: 0.5 }}>
      <Typography variant="body2" color="text.secondary" sx={{ width: 88, flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
        {value}
      </Typography>
    </Box>
  );
}

/** The side panel for a customer clicked on the map: details from customers.get and a way to the customer screen. */
export function CustomerPanel({
  customerId,
  state,
  onClose,
  onChanged,
}: {
  customerId: string;
  state: CustomerMapState | null;
  onClose(): void;
  onChanged(): void;
}) {
  const t = useT();
  const canManage = useCan('customers.manage');
  const [confirmClear, setConfirmClear] = useState(false);
  const customer = useLoader(`map-customer/${customerId}`, async () => {
    const result = await call('customers.get', { id: customerId }, { quiet: true });
    return result.ok ? result.data : null;
  });
  const data = customer.data?.id === customerId ? customer.data : null;
  const none = t('map.customer.none');

  const clearLocation = async () => {
    const result = await call('map.customers.setLocation', { customerId, latitude: null, longitude: null });
    setConfirmClear(false);
    if (!result.ok) return;
    onChanged();
    onClose();
  };

  return (
    <Paper
      variant="outlined"
      sx={{ width: { xs: '100%', md: 320 }, flexShrink: 0, p: 2, overflow: 'auto' }}
      data-testid="map-customer-panel"
    >
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="overline" color="text.secondary">
            {t('map.customer.panel')}
          </Typography>
          <Typography variant="h6" sx={{ lineHeight: 1.2 }} data-testid="map-customer-panel-name">
            {data?.name ?? '…'}
          </Typography>
        </Box>
        <IconButton
          size="small"
          onClick={onClose}
          aria-label={t('common.close')}
          data-testid="map-customer-panel-close"
        >
          <CloseIcon fontSize="small" />
        </IconButton>
      </Box>
      {customer.loading && !data ? <LinearProgress sx={{ my: 1 }} /> : null}
      {state ? (
        <Chip
          size="small"
          label={t(`map.state.${state}`)}
          sx={{ my: 1, bgcolor: STATE_COLORS[state], color: '#fff', fontWeight: 600 }}
          data-testid="map-customer-panel-state"
        />
      ) : null}
      {data ? (
        <Box sx={{ mt: 1 }}>
          <Row label={t('map.customer.code')} value={data.code} />
          <Row
            label={t('map.customer.phone')}
            value={data.phone ? formatIndonesianPhone(data.phone) : none}
          />
          <Row label={t('map.customer.email')} value={data.email || none} />
          <Row label={t('map.customer.address')} value={data.address || none} />
          <Row
            label={t('map.customer.location')}
            value={
              data.latitude !== null && data.longitude !== null
                ? `${formatCoordinate(data.latitude)}, ${formatCoordinate(data.longitude)}`
                : none
            }
          />
        </Box>
      ) : null}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, mt: 2 }}>
        <Button
          variant="contained"
          startIcon={<OpenInNewIcon />}
          onClick={() => useRouteStore.getState().navigate('customers', customerId)}
          data-testid="map-customer-open"
        >
          {t('map.customer.open')}
        </Button>
        {canManage && data?.latitude !== null ? (
          <Button
            color="error"
            onClick={() => setConfirmClear(true)}
            data-testid="map-customer-clear-location"
          >
            {t('map.customer.clearLocation')}
          </Button>
        ) : null}
      </Box>
      <ConfirmDialog
        open={confirmClear}
        title={t('map.customer.clearConfirmTitle', { name: data?.name ?? '' })}
        body={t('map.customer.clearConfirmBody')}
        confirmLabel={t('map.customer.clearLocation')}
        danger
        testId="map-customer-clear-confirm"
        onConfirm={clearLocation}
        onClose={() => setConfirmClear(false)}
      />
    </Paper>
  );
}
