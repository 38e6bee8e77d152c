import type { ChannelOutput } from '../../../shared/contract/index';
import type { ParsedInput } from '../api-types';
import { hashPassword } from '../auth/password';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';
import { seedPriceLists } from '../catalog/price-lists.service';
import { seedDefaultWarehouse } from '../inventory/inventory.service';
import { findRoleByKey, seedDefaultRoles } from '../roles/roles.service';
import { toSessionUser } from '../users/users.mapper';
import { findUserById } from '../users/users.repository';

async function hasAnyUser(ctx: HandlerContext): Promise<boolean> {
  return (await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function setupStatus(ctx: HandlerContext): Promise<ChannelOutput<'setup.status'>> {
  return { needsOwner: !(await hasAnyUser(ctx)) };
}

/** First run: branch, default roles, price lists, the shop-floor warehouse and the owner, in one transaction. Works once. */
export async function createOwner(ctx: HandlerContext, input: ParsedInput<'setup.owner.create'>): Promise<ChannelOutput<'setup.owner.create'>> {
  if (await hasAnyUser(ctx)) {
    throw new AppError('CONFLICT', { id: 'Pemilik sudah dibuat. Silakan masuk.', en: 'The owner already exists. Please sign in.' });
  }
  const branch = await ctx.writer.insert(ctx.db, 'branches', {
    name: input.branchName,
    address: '',
    phone: '',
    npwp: '',
    pkp: 0,
    time_zone: 'Asia/Jakarta',
    language: 'id',
    idle_timeout_minutes: 30,
    cash_rounding: 0,
    discount_limit_percent: 10,
    ppn_rate_percent: 12,
    qris_static: '',
    receipt_width: 58,
    receipt_printer: '',
    receipt_footer: '',
  });
  await seedDefaultRoles(ctx.db, ctx);
  await seedPriceLists(ctx.db, ctx);
  await seedDefaultWarehouse(ctx);
  const ownerRole = (await findRoleByKey(ctx.db, 'owner'))!;
  const row = await ctx.writer.insert(ctx.db, 'users', {
    username: input.username,
    name: input.name,
    password_hash: await hashPassword(input.password),
    role_id: ownerRole.id,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    pin_hash: null,
  });
  const user = toSessionUser((await findUserById(ctx.db, row.id))!);
  await ctx.audit({ entity: 'branch', entityId: branch.id, before: null, after: { name: branch.name } });
  await ctx.audit({ entity: 'user', entityId: user.id, before: null, after: { username: user.username, name: user.name, role: 'owner' } });
  return { user };
}
