import type { Kysely, Transaction } from 'kysely';
import type { Settings } from '../../../shared/contract/index';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import type { BranchRow, DB, SyncColumns } from '../db/schema';
import { verifyQris } from '../../../shared/domain/qris';
import { AppError, notFound } from '../platform/errors';

type Db = Kysely<DB> | Transaction<DB>;

export const DEFAULT_IDLE_MINUTES = 30;

/** This installation's branch (one per installation). */
export function findBranch(db: Db): Promise<BranchRow | undefined> {
  return db.selectFrom('branches').selectAll().where('deleted_at', 'is', null).orderBy('created_at').limit(1).executeTakeFirst();
}

/** The branch's time zone, for document numbers, day boundaries and what the UI shows. */
export async function branchTimeZone(db: Db): Promise<string> {
  return (await findBranch(db))?.time_zone ?? 'Asia/Jakarta';
}

export async function idleTimeoutMinutes(db: Db): Promise<number> {
  return (await findBranch(db))?.idle_timeout_minutes ?? DEFAULT_IDLE_MINUTES;
}

function toSettings(row: BranchRow): Settings {
  return {
    branchName: row.name,
    branchAddress: row.address,
    branchPhone: row.phone,
    npwp: row.npwp,
    pkp: row.pkp === 1,
    timeZone: row.time_zone,
    language: row.language === 'en' ? 'en' : 'id',
    idleTimeoutMinutes: row.idle_timeout_minutes,
    cashRounding: row.cash_rounding === 100 || row.cash_rounding === 500 || row.cash_rounding === 1000 ? row.cash_rounding : 0,
    discountLimitPercent: row.discount_limit_percent,
    ppnRatePercent: row.ppn_rate_percent,
    qrisStatic: row.qris_static,
    receiptWidth: row.receipt_width === 80 ? 80 : 58,
    receiptPrinter: row.receipt_printer,
    receiptFooter: row.receipt_footer,
  };
}

async function requireBranch(db: Db): Promise<BranchRow> {
  const branch = await findBranch(db);
  if (!branch) throw notFound({ id: 'Cabang', en: 'Branch' });
  return branch;
}

export async function getSettings(ctx: HandlerContext): Promise<Settings> {
  return toSettings(await requireBranch(ctx.db));
}

/** Changes any branch setting; one audit entry with what changed. */
export async function updateSettings(ctx: HandlerContext, input: ParsedInput<'settings.update'>): Promise<Settings> {
  const branch = await requireBranch(ctx.db);
  const before = toSettings(branch);
  const patch: Partial<Omit<BranchRow, keyof SyncColumns>> = {};
  if (input.branchName !== undefined) patch.name = input.branchName;
  if (input.branchAddress !== undefined) patch.address = input.branchAddress;
  if (input.branchPhone !== undefined) patch.phone = input.branchPhone;
  if (input.npwp !== undefined) patch.npwp = input.npwp;
  if (input.pkp !== undefined) patch.pkp = input.pkp ? 1 : 0;
  if (input.timeZone !== undefined) patch.time_zone = input.timeZone;
  if (input.language !== undefined) patch.language = input.language;
  if (input.idleTimeoutMinutes !== undefined) patch.idle_timeout_minutes = input.idleTimeoutMinutes;
  if (input.cashRounding !== undefined) patch.cash_rounding = input.cashRounding;
  if (input.discountLimitPercent !== undefined) patch.discount_limit_percent = input.discountLimitPercent;
  if (input.ppnRatePercent !== undefined) patch.ppn_rate_percent = input.ppnRatePercent;
  if (input.qrisStatic !== undefined) {
    if (input.qrisStatic !== '' && !verifyQris(input.qrisStatic)) {
      throw new AppError('VALIDATION', { id: 'QRIS statis tidak valid (CRC salah).', en: 'The static QRIS is not valid (CRC mismatch).' }, { fields: { qrisStatic: 'invalid QRIS' } });
    }
    patch.qris_static = input.qrisStatic;
  }
  if (input.receiptWidth !== undefined) patch.receipt_width = input.receiptWidth;
  if (input.receiptPrinter !== undefined) patch.receipt_printer = input.receiptPrinter;
  if (input.receiptFooter !== undefined) patch.receipt_footer = input.receiptFooter;
  await ctx.writer.update(ctx.db, 'branches', branch.id, patch);
  const after = toSettings((await findBranch(ctx.db))!);
  await ctx.audit({ entity: 'settings', entityId: branch.id, before, after });
  return after;
}
