import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
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
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { ActiveSessions } from './ActiveSessions';
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

      <ActiveSessions
        kind="hotspot"
        sessions={
          active.data?.map((session) => ({
            key: session.routerItemId,
            name: session.user,
            address: session.address,
            detail: session.macAddress,
            uptime: session.uptime,
          })) ?? null
        }
        labels={{
          title: 'hotspot.active',
          name: 'hotspot.user',
          detail: 'hotspot.mac',
          empty: 'hotspot.activeEmpty',
          kickBody: 'hotspot.kickBody',
        }}
        monoDetail
        canManage={canManage}
        onReload={active.reload}
        kick={(user) => call('network.hotspot.active.kick', { routerId, user })}
      />

      {generating ? (
        <VoucherDialog
          routerId={routerId}
          onClose={() => {
            setGenerating(false);
            users.reload();
          }}
        />
      ) : null}
    </Box>
  );
}

/** Hotspot users and vouchers of the selected router, who is logged in now, and the voucher generator. */
export function HotspotTab() {
  return <RouterPicker>{(routerId) => <HotspotPanel key={routerId} routerId={routerId} />}</RouterPicker>;
}
