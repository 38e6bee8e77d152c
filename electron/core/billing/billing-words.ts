/** How billing names days and periods in what customers read (Bahasa Indonesia). */
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

/** '2030-02-10' → '10 Februari 2030'. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}

/** '2030-02' → 'Februari 2030'; no period (a one-off invoice) → '-'. */
export function periodName(period: string | null): string {
  if (!period) return '-';
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1] ?? ''} ${y}`;
}

export const METHOD_NAMES: Record<string, string> = {
  cash: 'Tunai',
  transfer: 'Transfer bank',
  qris: 'QRIS',
  credit: 'Saldo pelanggan',
};
