import type { DashboardNotifications } from '../../../shared/contract/dashboard.contract';
import type { HandlerContext } from '../context';

/**
 * Messages held (pending with no next attempt: their channel has no gateway) and failed, counted over
 * the outbox's (state, next_attempt_at) index.
 */
export async function notificationsSection(ctx: Pick<HandlerContext, 'db'>): Promise<DashboardNotifications> {
  const [held, failed] = await Promise.all([
    ctx.db
      .selectFrom('notify_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'pending')
      .where('next_attempt_at', 'is', null)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('notify_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'failed')
      .executeTakeFirst(),
  ]);
  return { held: Number(held?.n ?? 0), failed: Number(failed?.n ?? 0) };
}
