import { NIK_MESSAGES, nikProblem } from '../../../shared/domain/nik';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';

/** A valid NIK (or empty) that no other live customer holds; VALIDATION / CONFLICT with `fields.nik` otherwise. */
export async function assertNikUsable(
  ctx: HandlerContext,
  nik: string,
  exceptCustomerId?: string,
): Promise<void> {
  const problem = nikProblem(nik);
  if (problem) {
    const message = NIK_MESSAGES[problem];
    throw new AppError('VALIDATION', message, { fields: { nik: message[ctx.locale] } });
  }
  if (nik === '') return;
  let query = ctx.db
    .selectFrom('customers')
    .select(['code', 'name'])
    .where('nik', '=', nik)
    .where('deleted_at', 'is', null);
  if (exceptCustomerId) query = query.where('id', '!=', exceptCustomerId);
  const holder = await query.executeTakeFirst();
  if (holder) {
    const message = {
      id: `NIK ini sudah dipakai pelanggan ${holder.code} (${holder.name}).`,
      en: `This NIK already belongs to customer ${holder.code} (${holder.name}).`,
    };
    throw new AppError('CONFLICT', message, { fields: { nik: message[ctx.locale] } });
  }
}

/** A location is both coordinates or neither; VALIDATION naming the missing one otherwise. */
export function assertLocationPair(
  ctx: HandlerContext,
  latitude: number | null,
  longitude: number | null,
): void {
  if ((latitude === null) === (longitude === null)) return;
  const message = {
    id: 'Lokasi perlu lintang dan bujur sekaligus (atau kosongkan keduanya).',
    en: 'A location needs both latitude and longitude (or neither).',
  };
  const missing = latitude === null ? 'latitude' : 'longitude';
  throw new AppError('VALIDATION', message, { fields: { [missing]: message[ctx.locale] } });
}

/**
 * The manual status moves: terminated ↔ prospect. `active` belongs to the subscriptions part (set on
 * activation), so a customer with a live subscription can be neither terminated nor put back by hand.
 */
export async function assertStatusChange(
  ctx: HandlerContext,
  customerId: string,
  from: 'prospect' | 'active' | 'terminated',
  to: 'prospect' | 'terminated',
): Promise<void> {
  if (from === to) return;
  const live = await ctx.db
    .selectFrom('subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('state', '!=', 'terminated')
    .executeTakeFirstOrThrow();
  if (Number(live.n) > 0) {
    const message =
      to === 'terminated'
        ? {
            id: 'Pelanggan masih punya langganan yang berjalan. Hentikan langganannya dulu.',
            en: 'The customer still has a running subscription. Terminate it first.',
          }
        : {
            id: 'Status pelanggan dengan langganan berjalan diatur oleh langganannya.',
            en: 'A customer with a running subscription gets their status from it.',
          };
    throw new AppError('CONFLICT', message, { fields: { status: message[ctx.locale] } });
  }
}
