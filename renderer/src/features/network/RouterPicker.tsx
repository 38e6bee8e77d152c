import RouterIcon from '@mui/icons-material/Router';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { EmptyState } from '../../app/components/EmptyState';
import { useT } from '../../app/i18n/use-t';
import { useNetworkStore } from './network-store';

/** The router a per-router tab works on; an empty state when there is none yet. */
export function RouterPicker({ children }: { children: (routerId: string) => ReactNode }) {
  const t = useT();
  const routers = useNetworkStore((state) => state.routers);
  const selectedId = useNetworkStore((state) => state.selectedId);
  if (!selectedId || routers.length === 0)
    return (
      <EmptyState icon={<RouterIcon />} title={t('routers.empty')} description={t('network.noRouter')} />
    );
  return (
    <>
      <TextField
        select
        size="small"
        label={t('network.router')}
        value={selectedId}
        onChange={(event) => useNetworkStore.getState().select(event.target.value)}
        sx={{ minWidth: 240, mb: 2 }}
        slotProps={{ htmlInput: { 'data-testid': 'network-router-picker' } }}
      >
        {routers.map((router) => (
          <MenuItem key={router.id} value={router.id}>
            {router.name}
          </MenuItem>
        ))}
      </TextField>
      {children(selectedId)}
    </>
  );
}
