import type { Sale } from '../../../../shared/contract/pos.contract';
import type { BranchRow } from '../../db/schema';

/** Paper width in millimetres; thermal receipt printers come in these two sizes. */
export type PaperWidth = 58 | 80;

/** What every receipt's header and footer show of the branch. */
export type ReceiptBranch = {
  name: string;
  address: string;
  phone: string;
  npwp: string;
  /** Pengusaha Kena Pajak: only a PKP may show PPN on its receipts. */
  pkp: boolean;
  footer: string;
  /** IANA zone of the branch (Asia/Jakarta, Asia/Makassar, Asia/Jayapura). */
  timeZone: string;
};

/** Everything a receipt shows, gathered by the POS service before rendering. */
export type ReceiptData = {
  sale: Sale;
  branch: ReceiptBranch;
  width: PaperWidth;
  reprint: boolean;
  printedAt: number;
};

/** The branch's settings as a receipt header and footer need them. */
export function receiptBranch(row: BranchRow): ReceiptBranch {
  return {
    name: row.name,
    address: row.address,
    phone: row.phone,
    npwp: row.npwp,
    pkp: row.pkp === 1,
    footer: row.receipt_footer,
    timeZone: row.time_zone,
  };
}

/** The paper in the branch's receipt printer (settings receiptWidth; 58 mm unless set to 80). */
export function branchPaperWidth(row: BranchRow): PaperWidth {
  return row.receipt_width === 80 ? 80 : 58;
}
