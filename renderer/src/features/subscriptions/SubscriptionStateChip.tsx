import Chip from '@mui/material/Chip';
import type { SubscriptionState } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';

export const SUBSCRIPTION_STATES: readonly SubscriptionState[] = [
  'pending',
  'active',
  'isolated',
  'terminated',
];

const COLORS: Record<SubscriptionState, 'default' | 'success' | 'warning' | 'error' | 'info'> = {
  pending: 'info',
  active: 'success',
  isolated: 'warning',
  terminated: 'default',
};

/** A subscription's lifecycle state as a coloured chip. */
export function SubscriptionStateChip({ state }: { state: SubscriptionState }) {
  const t = useT();
  return (
    <Chip
      size="small"
      color={COLORS[state]}
      variant={state === 'terminated' ? 'outlined' : 'filled'}
      label={t(`subs.state.${state}`)}
      data-testid={`subscription-state-${state}`}
    />
  );
}
