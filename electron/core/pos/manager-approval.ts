import type { Permission } from '../../../shared/domain/permissions';
import { verifyPassword } from '../auth/password';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';
import { permissionsOf } from '../roles/role-permissions';

/**
 * Who approves an action guarded by `permission`: the signed-in user when they hold it, otherwise
 * the active user whose PIN matches and who holds it. Answers FORBIDDEN when neither.
 */
export async function approverFor(ctx: HandlerContext, permission: Permission, pin: string | undefined, what: { id: string; en: string }): Promise<string> {
  const session = ctx.session;
  if (session && session.user.permissions.includes(permission)) return session.user.id;
  if (pin) {
    const candidates = await ctx.db
      .selectFrom('users')
      .innerJoin('roles', 'roles.id', 'users.role_id')
      .select(['users.id', 'users.pin_hash', 'roles.key', 'roles.permissions'])
      .where('users.pin_hash', 'is not', null)
      .where('users.disabled', '=', 0)
      .where('users.deleted_at', 'is', null)
      .execute();
    for (const candidate of candidates) {
      if (!permissionsOf(candidate).includes(permission)) continue;
      if (await verifyPassword(pin, candidate.pin_hash!)) return candidate.id;
    }
  }
  throw new AppError(
    'FORBIDDEN',
    {
      id: `${what.id} perlu persetujuan manajer: masukkan PIN manajer.`,
      en: `${what.en} needs a manager's approval: enter a manager PIN.`,
    },
    { fields: { managerPin: pin ? 'wrong PIN' : 'required' } },
  );
}
