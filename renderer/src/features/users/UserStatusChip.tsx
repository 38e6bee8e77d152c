import Chip from '@mui/material/Chip';
import type { User } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';
import { isLocked } from './user-status';

export function UserStatusChip({ user }: { user: User }) {
  const t = useT();
  if (user.disabled)
    return (
      <Chip
        size="small"
        label={t('users.status.disabled')}
        data-testid="user-status"
        data-status="disabled"
      />
    );
  if (isLocked(user)) {
    return (
      <Chip
        size="small"
        color="warning"
        label={t('users.status.locked')}
        data-testid="user-status"
        data-status="locked"
      />
    );
  }
  return (
    <Chip
      size="small"
      color="success"
      variant="outlined"
      label={t('users.status.active')}
      data-testid="user-status"
      data-status="active"
    />
  );
}
