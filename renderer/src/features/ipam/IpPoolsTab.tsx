import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import LanIcon from '@mui/icons-material/Lan';
import RouterIcon from '@mui/icons-material/Router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { IpPool } from '../../../../shared/contract/ipam.contract';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { PoolDialog } from './PoolDialog';
import { PoolUsageDialog } from './PoolUsageDialog';

const MONO = { fontFamily: 'ui-monospace, monospace' };

function UsageBar({ used, size }: { used: number; size: number }) {
  const t = useT();
  const percent = size === 0 ? 0 : Math.min(100, (used / size) * 100);
  return (
    <Box sx={{ minWidth: 160 }}>
      <LinearProgress
        variant="determinate"
        value={percent}
        color={percent >= 90 ? 'error' : percent >= 70 ? 'warning' : 'primary'}
        sx={{ height: 8, borderRadius: 4 }}
      />
      <Typography variant="caption" color="text.secondary">
        {t('ipam.usageText', { used: used.toLocaleString('id-ID'), size: size.toLocaleString('id-ID') })}
      </Typography>
    </Box>
  );
}

function PoolsPanel({ routerId }: { routerId: string }) {
  const t = useT();
  const canManage = useCan('network.manage');
  const pools = useLoader(`ipam-pools/${routerId}`, async () => {
    const result = await call('ipam.pools.list', { routerId });
    return result.ok ? result.data : null;
  });
  const [editing, setEditing] = useState<IpPool | 'new' | null>(null);
  const [viewing, setViewing] = useState<IpPool | null>(null);
  const [removing, setRemoving] = useState<IpPool | null>(null);

  const remove = async () => {
    if (!removing) return;
    const result = await call('ipam.pools.remove', { id: removing.id });
    const name = removing.name;
    setRemoving(null);
    if (!result.ok) return;
    notify(t('ipam.removed', { name }), 'success');
    pools.reload();
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1, gap: 1 }}>
        <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 650 }}>
          {t('ipam.title')}
        </Typography>
        <Button onClick={pools.reload} data-testid="ipam-refresh">
          {t('common.refresh')}
        </Button>
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setEditing('new')}
            data-testid="ipam-pool-new"
          >
            {t('ipam.create')}
          </Button>
        ) : null}
      </Box>
      {pools.loading ? <LinearProgress sx={{ mb: 1 }} /> : null}
      {pools.data && pools.data.length > 0 ? (
        <Table size="small" data-testid="ipam-pools-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('ipam.name')}</TableCell>
              <TableCell>{t('ipam.ranges')}</TableCell>
              <TableCell>{t('ipam.usage')}</TableCell>
              <TableCell>{t('ipam.notes')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {pools.data.map((pool) => (
              <TableRow key={pool.id} hover data-testid={`ipam-pool-${pool.name}`}>
                <TableCell sx={{ fontWeight: 600 }}>{pool.name}</TableCell>
                <TableCell sx={{ ...MONO, maxWidth: 320, wordBreak: 'break-word' }}>{pool.ranges}</TableCell>
                <TableCell>
                  <UsageBar used={pool.used} size={pool.size} />
                </TableCell>
                <TableCell>{pool.notes || '–'}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button
                    size="small"
                    onClick={() => setViewing(pool)}
                    data-testid={`ipam-pool-details-${pool.name}`}
                  >
                    {t('ipam.details')}
                  </Button>
                  {canManage ? (
                    <>
                      <Tooltip title={t('common.edit')}>
                        <IconButton
                          size="small"
                          onClick={() => setEditing(pool)}
                          data-testid={`ipam-pool-edit-${pool.name}`}
                        >
                          <EditIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                      <Tooltip title={t('ipam.remove')}>
                        <IconButton
                          size="small"
                          color="error"
                          onClick={() => setRemoving(pool)}
                          data-testid={`ipam-pool-remove-${pool.name}`}
                        >
                          <DeleteIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                    </>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {pools.data?.length === 0 ? (
        <EmptyState
          icon={<LanIcon />}
          title={t('ipam.empty')}
          description={t('ipam.emptyHint')}
          testId="ipam-empty"
        />
      ) : null}
      {editing ? (
        <PoolDialog
          routerId={routerId}
          pool={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={pools.reload}
        />
      ) : null}
      {viewing ? <PoolUsageDialog pool={viewing} onClose={() => setViewing(null)} /> : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('ipam.removeTitle', { name: removing?.name ?? '' })}
        body={t('ipam.removeBody')}
        confirmLabel={t('ipam.remove')}
        danger
        testId="ipam-pool-remove-confirm"
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </Box>
  );
}

/** IP pools per router (shown as a tab of the subscriptions screen): usage, create, edit, remove. */
export function IpPoolsTab() {
  const t = useT();
  const routers = useLoader('ipam-routers', async () => {
    const result = await call('network.routers.list', {}, { quiet: true });
    return result.ok ? result.data : null;
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const list = routers.data ?? [];
  const routerId = list.some((router) => router.id === chosen) ? chosen : (list[0]?.id ?? null);

  if (routers.loading && !routers.data) return <LinearProgress />;
  if (!routerId)
    return (
      <EmptyState
        icon={<RouterIcon />}
        title={t('ipam.title')}
        description={t('ipam.noRouter')}
        testId="ipam-no-router"
      />
    );
  return (
    <Box data-testid="ipam-tab">
      <TextField
        select
        size="small"
        label={t('ipam.router')}
        value={routerId}
        onChange={(event) => setChosen(event.target.value)}
        sx={{ minWidth: 240, mb: 2 }}
        slotProps={{ htmlInput: { 'data-testid': 'ipam-router-picker' } }}
      >
        {list.map((router) => (
          <MenuItem key={router.id} value={router.id}>
            {router.name}
          </MenuItem>
        ))}
      </TextField>
      <PoolsPanel key={routerId} routerId={routerId} />
    </Box>
  );
}
