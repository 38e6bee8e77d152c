import QrCode2Icon from '@mui/icons-material/QrCode2';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useRouteStore } from '../../app/navigation/route-store';
import { useFormat } from '../../app/use-format';
import { useCan } from '../session/session-store';

const QUOTE_DELAY_MS = 300;

type QrisState = { amount: number; image: string } | { amount: number; failed: true } | null;

/**
 * The dynamic QRIS for one payment part: the core turns the branch's static QRIS into one that
 * carries the amount; the image is drawn here, offline. Without a static QRIS it says where to set it.
 */
export function QrisCode({
  amount,
  configured,
  onLeave,
}: {
  amount: number;
  configured: boolean;
  onLeave(): void;
}) {
  const t = useT();
  const format = useFormat();
  const canManageSettings = useCan('settings.manage');
  const [state, setState] = useState<QrisState>(null);

  useEffect(() => {
    if (!configured || amount <= 0) return;
    let live = true;
    const timer = setTimeout(() => {
      void (async () => {
        const result = await call('pos.qris.dynamic', { amount });
        if (!live) return;
        if (!result.ok) {
          setState({ amount, failed: true });
          return;
        }
        const image = await QRCode.toDataURL(result.data.payload, {
          margin: 2,
          width: 232,
          errorCorrectionLevel: 'M',
        });
        if (live) setState({ amount, image });
      })();
    }, QUOTE_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [amount, configured]);

  if (!configured) {
    return (
      <Alert
        severity="warning"
        data-testid="pos-qris-missing"
        action={
          canManageSettings ? (
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                onLeave();
                useRouteStore.getState().navigate('settings');
              }}
              data-testid="pos-qris-settings"
            >
              {t('pos.qris.toSettings')}
            </Button>
          ) : undefined
        }
      >
        {t(canManageSettings ? 'pos.qris.missing' : 'pos.qris.missingAskOwner')}
      </Alert>
    );
  }
  if (amount <= 0) return null;
  const current = state && state.amount === amount ? state : null;
  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 2,
        p: 1.5,
        border: 1,
        borderColor: 'divider',
        borderRadius: 2,
        bgcolor: 'background.default',
      }}
    >
      <Box
        sx={{
          width: 176,
          height: 176,
          flexShrink: 0,
          display: 'grid',
          placeItems: 'center',
          bgcolor: '#fff',
          borderRadius: 1,
        }}
      >
        {current && 'image' in current ? (
          <Box
            component="img"
            src={current.image}
            alt={t('pos.qris.alt', { amount: format.rupiah(amount) })}
            data-testid="pos-qris-image"
            sx={{ width: 176, height: 176, display: 'block' }}
          />
        ) : current && 'failed' in current ? (
          <QrCode2Icon color="disabled" sx={{ fontSize: 64 }} />
        ) : (
          <CircularProgress size={28} />
        )}
      </Box>
      <Box>
        <Typography variant="overline" color="text.secondary">
          QRIS
        </Typography>
        <Typography variant="h5" sx={{ fontWeight: 800 }} data-testid="pos-qris-amount">
          {format.rupiah(amount)}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {current && 'failed' in current ? t('pos.qris.failed') : t('pos.qris.hint')}
        </Typography>
      </Box>
    </Box>
  );
}
