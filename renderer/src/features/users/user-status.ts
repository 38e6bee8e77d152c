import type { User } from '../../../../shared/contract/index';

/** Locked by too many failed sign-ins, and the lock has not run out yet. */
export function isLocked(user: Pick<User, 'lockedUntil'>, now = Date.now()): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}
