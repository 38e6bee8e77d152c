import { appendAudit } from '../audit/audit.service';
import type { HandlerContext } from '../context';

/**
 * For channels that must talk to a router before they write (`writes: false` in the contract, since
 * no transaction may wait on a router): runs `work` in one transaction of its own with the same
 * guarantees the dispatcher gives writing channels — `ctx.db` is the transaction, `ctx.audit` writes
 * in it, `ctx.afterCommit` effects run only once it has committed.
 */
export async function inOwnTransaction<T>(ctx: HandlerContext, work: (tx: HandlerContext) => Promise<T>): Promise<T> {
  const effects: (() => void)[] = [];
  const actor = { userId: ctx.session?.user.id ?? null, username: ctx.session?.user.username ?? null };
  const result = await ctx.store.db.transaction().execute((trx) =>
    work({
      ...ctx,
      db: trx,
      afterCommit: (effect) => effects.push(effect),
      audit: (entry) => appendAudit(trx, ctx, actor, ctx.channel, entry),
    }),
  );
  for (const effect of effects) {
    try {
      effect();
    } catch (error) {
      ctx.logger.error('after-commit effect failed', { channel: ctx.channel, error: String(error) });
    }
  }
  ctx.syncStatus.changed();
  return result;
}
