import type { Sale } from '../../../../shared/contract/pos.contract';

/** Paper width in millimetres; thermal receipt printers come in these two sizes. */
export type PaperWidth = 58 | 80;

/** Everything a receipt shows, gathered by the POS service before rendering. */
export type ReceiptData = {
  sale: Sale;
  branch: {
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
  width: PaperWidth;
  reprint: boolean;
  printedAt: number;
};
