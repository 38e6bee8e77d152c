import type { TranslationKey } from '../../app/i18n/id';

export type MovementKind =
  | 'receipt'
  | 'sale'
  | 'sale_return'
  | 'sale_void'
  | 'transfer_out'
  | 'transfer_in'
  | 'adjustment'
  | 'write_off'
  | 'count'
  | 'order_ship'
  | 'order_return';

export function movementLabel(kind: MovementKind): TranslationKey {
  return `movement.${kind}`;
}
