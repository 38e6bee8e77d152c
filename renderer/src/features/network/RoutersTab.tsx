import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import NetworkCheckIcon from '@mui/icons-material/NetworkCheck';
import RouterIcon from '@mui/icons-material/Router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import type { Router, RouterStatus } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import type { Translate } from '../../app/i18n/translate';
import { useT } from '../../app/i18n/use-t';
import { useCan } from '../session/session-store';
import { RouterDashboard } from './RouterDashboard';
import { StatusChip } from './StatusChip';
import { RouterDialog } from './RouterDialog';
import { useNetworkStore } from './network-store';

function testText(t: Translate, status: RouterStatus): string {
  if (!status.online) return t('routers.testFailed', { error: status.lastError ?? t('routers.offline') });
  return t('routers.testOk', {
    identity: status.identity ?? '–',
    version: status.version ?? '–',
    ms: Math.round(status.latencyMs ?? 0),
  });
}

/** The routers: status, test, add/edit/remove; the selected one's dashboard below. */
export function RoutersTab() {
  const t = useT();
  const canManage = useCan('network.manage');
  const routers = useNetworkStore((state) => state.routers);
  const selectedId = useNetworkStore((state) => state.selectedId);
  const [editing, setEditing] = useState<Router | 'new' | null>(null);
  const [removing, setRemoving] = useState<Router | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const [tested, setTested] = useState<{ id: string; status: RouterStatus } | null>(null);

  const test = async (router: Router) => {
    setTesting(router.id);
    const result = await call('network.routers.test', { id: router.id });
    setTesting(null);
    if (!result.ok) return;
    setTested({ id: router.id, status: result.data });
    void useNetworkStore.getState().loadRouters();
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', mb: 2 }}>
        <Box sx={{ flex: 1 }} />
        {canManage ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => setEditing('new')}
            data-testid="router-new"
          >
            {t('routers.createTitle')}
          </Button>
        ) : null}
      </Box>
      {tested ? (
        <Alert
          severity={tested.status.online ? 'success' : 'error'}
          onClose={() => setTested(null)}
          sx={{ mb: 2 }}
          data-testid="router-test-result"
          data-online={String(tested.status.online)}
        >
          {testText(t, tested.status)}
        </Alert>
      ) : null}
      <TableContainer>
        <Table size="small" data-testid="routers-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('routers.name')}</TableCell>
              <TableCell>{t('routers.address')}</TableCell>
              <TableCell>{t('routers.status')}</TableCell>
              <TableCell>{t('routers.identity')}</TableCell>
              <TableCell align="right">{t('routers.pendingJobs')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {routers.map((router) => (
              <TableRow
                key={router.id}
                hover
                selected={router.id === selectedId}
                onClick={() => useNetworkStore.getState().select(router.id)}
                sx={{ cursor: 'pointer' }}
                data-testid={`router-row-${router.name}`}
              >
                <TableCell sx={{ fontWeight: 600 }}>{router.name}</TableCell>
                <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>
                  {router.host}:{router.port}
                  {router.tls ? ' (TLS)' : ''}
                </TableCell>
                <TableCell>
                  <StatusChip status={router.status} testId={`router-status-${router.name}`} />
                </TableCell>
                <TableCell>
                  {router.status.identity ?? '–'}
                  {router.status.version ? ` · RouterOS ${router.status.version}` : ''}
                </TableCell>
                <TableCell align="right">{router.pendingJobs}</TableCell>
                <TableCell
                  align="right"
                  sx={{ whiteSpace: 'nowrap' }}
                  onClick={(event) => event.stopPropagation()}
                >
                  <Tooltip title={t('routers.test')}>
                    <span>
                      <IconButton
                        size="small"
                        disabled={testing === router.id}
                        onClick={() => void test(router)}
                        data-testid={`router-test-${router.name}`}
                      >
                        <NetworkCheckIcon fontSize="small" />
                      </IconButton>
                    </span>
                  </Tooltip>
                  {canManage ? (
                    <>
                      <Tooltip title={t('common.edit')}>
                        <IconButton
                          size="small"
                          onClick={() => setEditing(router)}
                          data-testid={`router-edit-${router.name}`}
                        >
                          <EditIcon fontSize="small" />
                        </IconButton>
                      </Tooltip>
                      <Tooltip title={t('routers.remove')}>
                        <IconButton
                          size="small"
                          color="error"
                          onClick={() => setRemoving(router)}
                          data-testid={`router-remove-${router.name}`}
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
        {routers.length === 0 ? (
          <EmptyState
            icon={<RouterIcon />}
            title={t('routers.empty')}
            description={t('routers.emptyHelp')}
            testId="routers-empty"
          />
        ) : null}
      </TableContainer>
      {selectedId ? <RouterDashboard key={selectedId} routerId={selectedId} /> : null}
      {editing ? (
        <RouterDialog router={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('routers.removeTitle', { name: removing?.name ?? '' })}
        body={t('routers.removeBody')}
        confirmLabel={t('routers.remove')}
        danger
        testId="router-remove-dialog"
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          const result = await call('network.routers.remove', { id: removing.id });
          if (result.ok) {
            notify(t('routers.removed', { name: removing.name }), 'success');
            await useNetworkStore.getState().loadRouters();
          }
          setRemoving(null);
        }}
      />
    </Box>
  );
}
