import { dynamicQris, QrisError } from '../../../shared/domain/qris';
import { requireSession } from '../auth/auth.service';
import { hashPassword, verifyPassword } from '../auth/password';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError, notFound } from '../platform/errors';
import { uuidv7 } from '../platform/ids';
import { findBranch } from '../settings/settings.service';


const MAX_CART_BYTES = 256 * 1024;

function toHeld(row: { id: string; label: string; created_at: number; cart: string }) {
  return { id: row.id, label: row.label, createdAt: row.created_at, cart: JSON.parse(row.cart) as unknown };
}

/** Held carts are this till's own scratch space: kept locally, never synced. */
export async function holdCart(ctx: HandlerContext, input: ParsedInput<'pos.carts.hold'>) {
  const session = requireSession(ctx);
  const cart = JSON.stringify(input.cart ?? null);
  if (cart.length > MAX_CART_BYTES) throw new AppError('VALIDATION', { id: 'Keranjang terlalu besar.', en: 'The cart is too large.' }, { fields: { cart: 'too large' } });
  const row = { id: uuidv7(), user_id: session.user.id, label: input.label, cart, created_at: ctx.clock.now() };
  await ctx.db.insertInto('held_carts').values(row).execute();
  await ctx.audit({ entity: 'held_cart', entityId: row.id, before: null, after: { label: row.label } });
  return toHeld(row);
}

export async function listCarts(ctx: HandlerContext) {
  const rows = await ctx.db.selectFrom('held_carts').selectAll().orderBy('created_at').execute();
  return rows.map(toHeld);
}

export async function recallCart(ctx: HandlerContext, input: ParsedInput<'pos.carts.recall'>) {
  const row = await ctx.db.selectFrom('held_carts').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound({ id: 'Keranjang', en: 'Held cart' });
  await ctx.db.deleteFrom('held_carts').where('id', '=', input.id).execute();
  await ctx.audit({ entity: 'held_cart', entityId: row.id, before: { label: row.label }, after: null });
  return toHeld(row);
}

export async function qrisFor(ctx: HandlerContext, input: ParsedInput<'pos.qris.dynamic'>) {
  const branch = await findBranch(ctx.db);
  if (!branch?.qris_static) {
    throw new AppError('VALIDATION', {
      id: 'QRIS statis toko belum diisi di Pengaturan.',
      en: 'The shop’s static QRIS is not set in Settings.',
    }, { fields: { qris: 'not configured' } });
  }
  try {
    return { payload: dynamicQris(branch.qris_static, input.amount) };
  } catch (error) {
    if (error instanceof QrisError) {
      throw new AppError('VALIDATION', { id: `QRIS statis tidak valid: ${error.message}`, en: `The static QRIS is not valid: ${error.message}` }, { fields: { qris: error.message } });
    }
    throw error;
  }
}

export async function setPin(ctx: HandlerContext, input: ParsedInput<'auth.pin.set'>) {
  const session = requireSession(ctx);
  const user = await ctx.db.selectFrom('users').select(['id', 'password_hash']).where('id', '=', session.user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError('VALIDATION', { id: 'Kata sandi salah.', en: 'Wrong password.' }, { fields: { currentPassword: 'wrong password' } });
  }
  await ctx.writer.update(ctx.db, 'users', user.id, { pin_hash: await hashPassword(input.pin) });
  await ctx.audit({ entity: 'user', entityId: user.id, before: null, after: { pinSet: true } });
  return { ok: true as const };
}
