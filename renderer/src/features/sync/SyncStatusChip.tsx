import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import SyncIcon from '@mui/icons-material/Sync';
import SyncProblemIcon from '@mui/icons-material/SyncProblem';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { ReactElement } from 'react';
import type { SyncStatus } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useSyncStore } from './sync-store';

type State = SyncStatus['state'];

function iconFor(state: State): ReactElement {
  switch (state) {
    case 'local-only':
    case 'offline':
      return <CloudOffIcon fontSize="small" />;
    case 'idle':
      return <CloudDoneIcon fontSize="small" />;
    case 'syncing':
      return <SyncIcon fontSize="small" />;
    case 'error':
      return <SyncProblemIcon fontSize="small" />;
    default:
      return state satisfies never;
  }
}

function colorFor(state: State): 'default' | 'success' | 'info' | 'warning' | 'error' {
  switch (state) {
    case 'local-only':
      return 'default';
    case 'idle':
      return 'success';
    case 'syncing':
      return 'info';
    case 'offline':
      return 'warning';
    case 'error':
      return 'error';
    default:
      return state satisfies never;
  }
}

/** Sync state at a glance; the tooltip says how many local changes wait to be sent. */
export function SyncStatusChip() {
  const t = useT();
  const format = useFormat();
  const status = useSyncStore((state) => state.status);
  if (!status) return null;
  const lines = [
    status.state === 'local-only' ? t('sync.localOnlyHint') : null,
    t('sync.pending', { count: format.number(status.pendingChanges) }),
    status.lastSyncedAt !== null
      ? t('sync.lastSynced', { time: format.dateTime(status.lastSyncedAt) })
      : null,
  ].filter((line): line is string => line !== null);
  return (
    <Tooltip title={<span data-testid="sync-tooltip">{lines.join(' ')}</span>}>
      <Chip
        icon={iconFor(status.state)}
        label={t(`sync.${status.state}`)}
        color={colorFor(status.state)}
        variant="outlined"
        size="small"
        data-testid="sync-chip"
        data-state={status.state}
        data-pending={status.pendingChanges}
        tabIndex={0}
      />
    </Tooltip>
  );
}
