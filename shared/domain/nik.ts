/**
 * NIK (Nomor Induk Kependudukan), the 16-digit number on an Indonesian KTP:
 * PP KK CC DDMMYY SSSS — province, regency, district, date of birth (women's day + 40), sequence.
 */

export type NikProblem = 'length' | 'digits' | 'province' | 'day' | 'month';

/** A message per problem, in both languages (the UI and the core show the same words). */
export const NIK_MESSAGES: Record<NikProblem, { id: string; en: string }> = {
  length: { id: 'NIK harus 16 digit.', en: 'A NIK has 16 digits.' },
  digits: { id: 'NIK hanya boleh berisi angka.', en: 'A NIK holds digits only.' },
  province: {
    id: 'Kode provinsi NIK (2 digit pertama) harus 11–94.',
    en: 'The NIK province code (first 2 digits) must be 11–94.',
  },
  day: {
    id: 'Tanggal lahir di NIK (digit 7–8) harus 01–31, atau 41–71 untuk perempuan.',
    en: 'The NIK birth day (digits 7–8) must be 01–31, or 41–71 for women.',
  },
  month: {
    id: 'Bulan lahir di NIK (digit 9–10) harus 01–12.',
    en: 'The NIK birth month (digits 9–10) must be 01–12.',
  },
};

/** What people type ("3404 0712-3456.0001") without the spaces, dots and dashes. */
export function normalizeNik(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

/** The first problem of a normalised NIK, or null when it is valid. An empty NIK is allowed (not known yet). */
export function nikProblem(nik: string): NikProblem | null {
  if (nik === '') return null;
  if (!/^\d*$/.test(nik)) return 'digits';
  if (nik.length !== 16) return 'length';
  const province = Number(nik.slice(0, 2));
  if (province < 11 || province > 94) return 'province';
  const day = Number(nik.slice(6, 8));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return 'day';
  const month = Number(nik.slice(8, 10));
  if (month < 1 || month > 12) return 'month';
  return null;
}

export type NikFacts = {
  provinceCode: string;
  /** Day of birth 1–31 (the +40 of women removed). */
  birthDay: number;
  birthMonth: number;
  /** Two digits only: the century is not in the NIK. */
  birthYear2: string;
  gender: 'L' | 'P';
};

/** What a valid NIK says about its holder, or null when it is empty or invalid. */
export function readNik(nik: string): NikFacts | null {
  if (nik === '' || nikProblem(nik) !== null) return null;
  const day = Number(nik.slice(6, 8));
  return {
    provinceCode: nik.slice(0, 2),
    birthDay: day > 40 ? day - 40 : day,
    birthMonth: Number(nik.slice(8, 10)),
    birthYear2: nik.slice(10, 12),
    gender: day > 40 ? 'P' : 'L',
  };
}
