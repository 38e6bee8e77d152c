import { contract } from '../../../shared/contract/index';
import type { RouterJob, VoucherBatch } from '../../../shared/contract/network.contract';
import { formatRupiah } from '../../../shared/domain/money';
import type { ParsedInput } from '../api-types';
import { createProduct } from '../catalog/catalog.service';
import type { HandlerContext } from '../context';
import { receiveGoods } from '../inventory/inventory.service';
import { AppError, notFound } from '../platform/errors';
import { findBranch } from '../settings/settings.service';
import type { RouterRow, VoucherBatchRow } from './network.tables';
import { hotspotUserOperations } from './hotspot-users';
import { inOwnTransaction } from './own-transaction';
import { geraiComment, routerBool } from './router-comment';
import { describeFailure } from './router-errors';
import { enqueueJob, type JobOperations } from './router-jobs';
import { itemsByKey, removeItems, settleAll } from './router-ops';
import { readFromRouter, requireRouter } from './routers.service';
import { isRouterError } from './routeros/routeros-errors';
import { makeVoucherCodes, voucherCardsPdf, type VoucherCode } from './voucher-cards';

const BATCH = { id: 'Batch voucher', en: 'Voucher batch' };

export async function listHotspotProfiles(ctx: HandlerContext, input: ParsedInput<'network.hotspot.profiles.list'>) {
  const rows = await readFromRouter(ctx, input.routerId, (client) => client.print('/ip/hotspot/user/profile'));
  return rows.map((row) => ({
    routerItemId: row['.id'] ?? '',
    name: row.name ?? '',
    rateLimit: row['rate-limit'] ?? '',
    sharedUsers: row['shared-users'] ?? '',
  }));
}

/** Hotspot users; `comment` keeps those whose comment contains it (a batch's note, or `gerai:<batch id>`). */
export async function listHotspotUsers(ctx: HandlerContext, input: ParsedInput<'network.hotspot.users.list'>) {
  const rows = await readFromRouter(ctx, input.routerId, (client) => client.print('/ip/hotspot/user'));
  const filter = input.comment?.toLowerCase();
  return rows
    .filter((row) => !filter || (row.comment ?? '').toLowerCase().includes(filter))
    .map((row) => ({
      routerItemId: row['.id'] ?? '',
      name: row.name ?? '',
      profile: row.profile ?? '',
      limitUptime: row['limit-uptime'] ?? '',
      limitBytesTotal: row['limit-bytes-total'] ?? '',
      uptime: row.uptime ?? '',
      bytesIn: row['bytes-in'] ?? '',
      bytesOut: row['bytes-out'] ?? '',
      disabled: routerBool(row.disabled),
      comment: row.comment ?? '',
    }));
}

export async function listHotspotActive(ctx: HandlerContext, input: ParsedInput<'network.hotspot.active.list'>) {
  const rows = await readFromRouter(ctx, input.routerId, (client) => client.print('/ip/hotspot/active'));
  return rows.map((row) => ({
    routerItemId: row['.id'] ?? '',
    user: row.user ?? '',
    address: row.address ?? '',
    macAddress: row['mac-address'] ?? '',
    uptime: row.uptime ?? '',
  }));
}

export async function kickHotspotUser(ctx: HandlerContext, input: ParsedInput<'network.hotspot.active.kick'>): Promise<RouterJob> {
  await requireRouter(ctx, input.routerId);
  const job = await enqueueJob(ctx, input.routerId, 'hotspot.active.kick', { user: input.user }, `Hotspot ${input.user}: log out`);
  await ctx.audit({ entity: 'hotspot_session', entityId: null, before: null, after: { routerId: input.routerId, user: input.user, jobId: job.id } });
  return job;
}

// ---- vouchers ------------------------------------------------------------------------------------

/** `VCR-<PROFILE>-<PRICE>`: one sellable item per profile and price, reused by later batches. */
export function voucherSku(profile: string, price: number): string {
  const slug = profile
    .toUpperCase()
    .replace(/[^A-Z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `VCR-${slug || 'HOTSPOT'}-${price}`;
}

function toVoucherBatch(row: VoucherBatchRow, vouchers: VoucherCode[]): VoucherBatch {
  return {
    id: row.id,
    routerId: row.router_id,
    createdAt: row.created_at,
    count: row.count,
    profile: row.profile,
    price: row.price,
    comment: row.comment,
    itemId: row.item_id,
    vouchers,
    jobId: row.job_id ?? '',
  };
}

/** Usernames of `names` this router's vouchers already use. */
async function usedNames(ctx: HandlerContext, routerId: string, names: readonly string[]): Promise<Set<string>> {
  const used = new Set<string>();
  for (let i = 0; i < names.length; i += 900) {
    const rows = await ctx.db
      .selectFrom('hotspot_vouchers')
      .select('username')
      .where('router_id', '=', routerId)
      .where('deleted_at', 'is', null)
      .where('username', 'in', names.slice(i, i + 900))
      .execute();
    for (const row of rows) used.add(row.username);
  }
  return used;
}

/** The voucher item (created the first time: tax exempt, sold whole) with the batch's cards received into stock. */
async function stockVouchers(ctx: HandlerContext, router: RouterRow, batch: VoucherBatchRow, warehouseId: string | undefined): Promise<string> {
  const sku = voucherSku(batch.profile, batch.price);
  let item = await ctx.db.selectFrom('items').select('id').where('sku', '=', sku).where('deleted_at', 'is', null).executeTakeFirst();
  if (!item) {
    const product = await createProduct(
      ctx,
      contract['catalog.products.create'].input.parse({
        name: `Voucher WiFi ${batch.profile} ${formatRupiah(batch.price)}`.slice(0, 120),
        unit: 'lembar',
        taxMode: 'exempt',
        tags: ['voucher', 'wifi', 'hotspot'],
        description: `Kartu voucher hotspot, profil ${batch.profile}.`,
        items: [{ sku, price: batch.price, negativePolicy: 'block' }],
      }),
    );
    item = { id: product.items[0]!.id };
  }
  const warehouse =
    warehouseId ??
    (await ctx.db.selectFrom('warehouses').select('id').where('deleted_at', 'is', null).where('archived', '=', 0).orderBy('code').executeTakeFirst())?.id;
  if (!warehouse) {
    throw new AppError('VALIDATION', { id: 'Belum ada gudang untuk stok voucher.', en: 'There is no warehouse to stock the vouchers in.' }, { fields: { warehouseId: 'required' } });
  }
  await receiveGoods(
    ctx,
    contract['inventory.stock.receive'].input.parse({
      warehouseId: warehouse,
      supplier: `Hotspot ${router.name}`.slice(0, 120),
      note: `Voucher batch ${batch.id}`,
      lines: [{ itemId: item.id, quantity: batch.count, unitCost: 0 }],
    }),
  );
  return item.id;
}

/**
 * A batch of vouchers: codes unique on this router (against Gerai's vouchers and, when the router
 * answers, its own hotspot users), stored with the batch, one `hotspot.vouchers.sync` job to create
 * them on the router, and — with `sellAtPos` — the cards received into stock as the POS item
 * "Voucher WiFi <profile> <price>".
 */
export async function generateVouchers(ctx: HandlerContext, input: ParsedInput<'network.hotspot.vouchers.generate'>): Promise<VoucherBatch> {
  const router = await requireRouter(ctx, input.routerId);
  // Read before the transaction: nothing may hold the database while a router thinks.
  let onRouter = new Set<string>();
  try {
    const client = await ctx.network.clients.get(ctx.store.db, router);
    onRouter = new Set((await client.print('/ip/hotspot/user', { proplist: ['name'] })).map((row) => row.name ?? ''));
  } catch (error) {
    if (!isRouterError(error)) throw error;
    ctx.logger.info('router unreachable: voucher codes checked against Gerai’s own vouchers only', { router: router.name, error: describeFailure(error) });
  }
  const spec = { prefix: input.prefix, length: input.length, charset: input.charset, codeOnly: input.codeOnly };
  return inOwnTransaction(ctx, async (tx) => {
    let codes = makeVoucherCodes({ ...spec, count: input.count }, (name) => onRouter.has(name));
    // Gerai's own vouchers on this router: replace any code one of them already has.
    for (let round = 0; ; round++) {
      const clashes = await usedNames(tx, router.id, codes.map((code) => code.username));
      if (clashes.size === 0) break;
      if (round >= 5) {
        throw new AppError('CONFLICT', { id: 'Terlalu banyak kode yang sudah dipakai.', en: 'Too many codes are taken.' }, { fields: { length: 'codes exhausted' } });
      }
      const kept = codes.filter((code) => !clashes.has(code.username));
      const names = new Set(kept.map((code) => code.username));
      const fresh = makeVoucherCodes({ ...spec, count: codes.length - kept.length }, (name) => onRouter.has(name) || clashes.has(name) || names.has(name));
      codes = [...kept, ...fresh];
    }
    const batch = await tx.writer.insert(tx.db, 'voucher_batches', {
      router_id: router.id,
      count: input.count,
      profile: input.profile,
      server: input.server,
      limit_uptime: input.limitUptime,
      limit_bytes_total: input.limitBytesTotal,
      price: input.price,
      comment: input.comment,
      item_id: null,
      job_id: null,
    });
    for (const code of codes) {
      await tx.writer.insert(tx.db, 'hotspot_vouchers', { batch_id: batch.id, router_id: router.id, username: code.username, password: code.password });
    }
    const job = await enqueueJob(tx, router.id, 'hotspot.vouchers.sync', { batchId: batch.id }, `${input.count} vouchers ${input.profile}`);
    const itemId = input.sellAtPos ? await stockVouchers(tx, router, batch, input.warehouseId) : null;
    await tx.writer.update(tx.db, 'voucher_batches', batch.id, { job_id: job.id, item_id: itemId });
    const out = toVoucherBatch({ ...batch, job_id: job.id, item_id: itemId }, codes);
    await tx.audit({
      entity: 'voucher_batch',
      entityId: batch.id,
      before: null,
      // The codes are the cards themselves: the audit keeps the batch, not every code.
      after: { routerId: router.id, count: input.count, profile: input.profile, price: input.price, limitUptime: input.limitUptime, sellAtPos: input.sellAtPos, itemId, jobId: job.id },
    });
    return out;
  });
}

export async function voucherBatchPdf(ctx: HandlerContext, input: ParsedInput<'network.hotspot.vouchers.pdf'>) {
  const batch = await ctx.db.selectFrom('voucher_batches').selectAll().where('id', '=', input.batchId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!batch) throw notFound(BATCH);
  const [router, vouchers, branch] = await Promise.all([
    ctx.db.selectFrom('routers').selectAll().where('id', '=', batch.router_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('hotspot_vouchers').select(['username', 'password']).where('batch_id', '=', batch.id).where('deleted_at', 'is', null).orderBy('username').execute(),
    findBranch(ctx.db),
  ]);
  const pdf = await voucherCardsPdf({
    branchName: branch?.name ?? router.name,
    routerName: router.name,
    profile: batch.profile,
    limitUptime: batch.limit_uptime,
    limitBytesTotal: batch.limit_bytes_total,
    price: batch.price,
    loginHost: router.hotspot_dns || router.host,
    vouchers,
  });
  const day = new Date(batch.created_at).toISOString().slice(0, 10);
  return { fileName: `voucher-${voucherSku(batch.profile, batch.price).toLowerCase()}-${day}.pdf`, pdfBase64: pdf.toString('base64'), cards: vouchers.length };
}

// ---- router operations ---------------------------------------------------------------------------

export const hotspotOperations: Pick<
  JobOperations,
  'hotspot.vouchers.sync' | 'hotspot.active.kick' | 'hotspot.user.sync' | 'hotspot.profile.upsert'
> = {
  ...hotspotUserOperations,

  /** Every voucher of the batch as a hotspot user, all at once; one that exists (a retry) is corrected. */
  async 'hotspot.vouchers.sync'({ batchId }, { db, client }) {
    const batch = await db.selectFrom('voucher_batches').selectAll().where('id', '=', batchId).executeTakeFirst();
    if (!batch || batch.deleted_at !== null) return { added: 0, updated: 0, note: 'batch removed' };
    const vouchers = await db.selectFrom('hotspot_vouchers').select(['username', 'password']).where('batch_id', '=', batchId).where('deleted_at', 'is', null).execute();
    const existing = await itemsByKey(
      client,
      '/ip/hotspot/user',
      vouchers.map((v) => v.username),
      { proplist: ['.id', 'name'] },
    );
    const counts = { added: 0, updated: 0 };
    await settleAll(
      vouchers,
      async (voucher) => {
        const attributes = {
          name: voucher.username,
          password: voucher.password,
          profile: batch.profile,
          server: batch.server,
          'limit-uptime': batch.limit_uptime || undefined,
          'limit-bytes-total': batch.limit_bytes_total > 0 ? batch.limit_bytes_total : undefined,
          comment: geraiComment(batch.id, batch.comment),
        };
        const id = existing.get(voucher.username)?.[0]?.['.id'];
        if (id) {
          await client.set('/ip/hotspot/user', id, attributes);
          counts.updated++;
        } else {
          await client.add('/ip/hotspot/user', attributes);
          counts.added++;
        }
      },
      (voucher) => voucher.username,
    );
    return counts;
  },

  /** Ends the user's hotspot sessions and removes their cookies, so the next visit asks for a login. */
  async 'hotspot.active.kick'({ user }, { client }) {
    const [sessions, cookies] = await Promise.all([
      client.print('/ip/hotspot/active', { query: { user }, proplist: ['.id', 'user'] }),
      client.print('/ip/hotspot/cookie', { query: { user }, proplist: ['.id', 'user'] }),
    ]);
    const kicked = await removeItems(client, '/ip/hotspot/active', sessions);
    const forgotten = await removeItems(client, '/ip/hotspot/cookie', cookies);
    return { kicked, cookies: forgotten };
  },
};
