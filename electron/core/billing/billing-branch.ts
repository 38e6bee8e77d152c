import { localDate, type LocalDate } from '../../../shared/domain/calendar';
import type { PpnRule } from '../../../shared/domain/tax';
import type { HandlerContext } from '../context';
import type { BranchRow } from '../db/schema';
import { notFound } from '../platform/errors';
import { findBranch } from '../settings/settings.service';

/** What billing needs of the branch: its time zone, whether it collects PPN and at what rate. */
export type BillingBranch = {
  row: BranchRow;
  timeZone: string;
  pkp: boolean;
  rule: PpnRule;
  today: LocalDate;
};

/** The branch as billing sees it, with today's local date in its time zone. */
export async function billingBranch(ctx: Pick<HandlerContext, 'db' | 'clock'>): Promise<BillingBranch> {
  const row = await findBranch(ctx.db);
  if (!row) throw notFound({ id: 'Cabang', en: 'Branch' });
  return {
    row,
    timeZone: row.time_zone,
    pkp: row.pkp === 1,
    // PMK 131/2024: PPN at the branch's rate of a DPP of 11/12 of the price.
    rule: { ratePercent: row.ppn_rate_percent, dppNumerator: 11, dppDenominator: 12 },
    today: localDate(ctx.clock.now(), row.time_zone),
  };
}
