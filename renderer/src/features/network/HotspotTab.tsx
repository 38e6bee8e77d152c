import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { RouterPicker } from './RouterPicker';
import { VoucherDialog } from './VoucherDialog';

function HotspotPanel({ routerId }: { routerId: string }) {
  const t = useT();
  const canManage = useCan('network.manage');
  const users = useLoader(`hotspot-users/${routerId}`, async () => {
    const result = await call('network.hotspot.users.list', { routerId }, { quiet: true });
    return result.ok ? result.data : null;
  });
  const active = useLoader(`hotspot-active/${routerId}`, async () => {
    const result = await call('network.hotspot.active.list', { routerId }, { quiet: true });
    return result.ok ? result.data : null;
  });
  const [generating, setGenerating] = useState(false);
  const [kicking, setKicking] = useState<string | null>(null);

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1, gap: 1 }}>
        <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 650 }}>
          {t('hotspot.users')}
        </Typography>
        <Button onClick={users.reload}>{t('common.refresh')}</Button>
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<ConfirmationNumberIcon />}
            onClick={() => setGenerating(true)}
            data-testid="voucher-new"
          >
            {t('vouchers.generate')}
          </Button>
        ) : null}
      </Box>
      <Table size="small" data-testid="hotspot-users-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('hotspot.user')}</TableCell>
            <TableCell>{t('hotspot.profile')}</TableCell>
            <TableCell>{t('hotspot.limitUptime')}</TableCell>
            <TableCell>{t('hotspot.uptime')}</TableCell>
            <TableCell>{t('hotspot.comment')}</TableCell>
            <TableCell>{t('ppp.status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(users.data ?? []).map((user) => (
            <TableRow key={user.routerItemId}>
              <TableCell sx={{ fontFamily: 'ui-monospace, monospace', fontWeight: 600 }}>
                {user.name}
              </TableCell>
              <TableCell>{user.profile}</TableCell>
              <TableCell>{user.limitUptime || '–'}</TableCell>
              <TableCell>{user.uptime || '–'}</TableCell>
              <TableCell>{user.comment || '–'}</TableCell>
              <TableCell>
                {user.disabled ? (
                  <Chip size="small" label={t('ppp.disabled')} />
                ) : (
                  <Chip size="small" color="success" variant="outlined" label={t('ppp.enabled')} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {users.data?.length === 0 ? <EmptyState title={t('hotspot.usersEmpty')} /> : null}

      <Box sx={{ display: 'flex', alignItems: 'center', mt: 4, mb: 1 }}>
        <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 650 }}>
          {t('hotspot.active')}
        </Typography>
        <Button onClick={active.reload}>{t('common.refresh')}</Button>
      </Box>
      <Table size="small" data-testid="hotspot-active-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('hotspot.user')}</TableCell>
            <TableCell>{t('ppp.address')}</TableCell>
            <TableCell>{t('hotspot.mac')}</TableCell>
            <TableCell>{t('hotspot.uptime')}</TableCell>
            {canManage ? <TableCell /> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {(active.data ?? []).map((session) => (
            <TableRow key={session.routerItemId}>
              <TableCell sx={{ fontWeight: 600 }}>{session.user}</TableCell>
              <TableCell>{session.address}</TableCell>
              <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{session.macAddress}</TableCell>
              <TableCell>{session.uptime}</TableCell>
              {canManage ? (
                <TableCell align="right">
                  <Button
                    size="small"
                    color="warning"
                    startIcon={<LinkOffIcon />}
                    onClick={() => setKicking(session.user)}
                  >
                    {t('ppp.kick')}
                  </Button>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {active.data?.length === 0 ? <EmptyState title={t('hotspot.activeEmpty')} /> : null}

      {generating ? (
        <VoucherDialog
          routerId={routerId}
          onClose={() => {
            setGenerating(false);
            users.reload();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={kicking !== null}
        title={t('ppp.kickTitle', { name: kicking ?? '' })}
        body={t('hotspot.kickBody')}
        confirmLabel={t('ppp.kick')}
        danger
        testId="hotspot-kick-dialog"
        onClose={() => setKicking(null)}
        onConfirm={async () => {
          if (!kicking) return;
          const result = await call('network.hotspot.active.kick', { routerId, user: kicking });
          if (result.ok) notify(t('network.queued', { label: result.data.label }), 'success');
          active.reload();
          setKicking(null);
        }}
      />
    </Box>
  );
}

/** Hotspot users and vouchers of the selected router, who is logged in now, and the voucher generator. */
export function HotspotTab() {
  return <RouterPicker>{(routerId) => <HotspotPanel key={routerId} routerId={routerId} />}</RouterPicker>;
}
