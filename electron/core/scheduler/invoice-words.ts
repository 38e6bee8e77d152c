const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** '2030-02-10' → '10 Februari 2030' (messages to customers are in Bahasa Indonesia). */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}

/**
 * The variables an invoice reminder template may use. Raw values: the notify templates format them
 * (numbers as rupiah, 'YYYY-MM-DD' as "11 Februari 2030", 'YYYY-MM' as "Februari 2030").
 */
export function invoiceMessageVars(
  invoice: {
    number: string;
    period: string | null;
    planName: string | null;
    total: number;
    balance: number;
    dueDate: string;
  },
  days: number,
): Record<string, string | number> {
  return {
    nomor: invoice.number,
    periode: invoice.period ?? '-',
    paket: invoice.planName ?? '-',
    jumlah: invoice.total,
    saldo: invoice.balance,
    jatuh_tempo: invoice.dueDate,
    hari: days,
  };
}
