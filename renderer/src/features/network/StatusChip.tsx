import Chip from '@mui/material/Chip';
import type { RouterStatus } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';

/** Online with latency, offline, or not checked yet. */
export function StatusChip({ status, testId }: { status: RouterStatus; testId?: string }) {
  const t = useT();
  return status.online ? (
    <Chip
      size="small"
      color="success"
      data-testid={testId}
      data-online="true"
      label={
        status.latencyMs !== null
          ? t('routers.onlineLatency', { ms: Math.round(status.latencyMs) })
          : t('routers.online')
      }
    />
  ) : (
    <Chip
      size="small"
      color={status.checkedAt === null ? 'default' : 'error'}
      variant="outlined"
      data-testid={testId}
      data-online="false"
      label={status.checkedAt === null ? t('routers.unchecked') : t('routers.offline')}
    />
  );
}
