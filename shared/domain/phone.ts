/**
 * Indonesian phone numbers to E.164 (+62…): "0812-3456-7890", "62812…", "+62 812 …", "812…" all
 * become "+6281234567890". Returns null for something that is not a plausible Indonesian number.
 */
export function normalizeIndonesianPhone(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, '');
  let national: string;
  if (/^\+62\d+$/.test(digits)) national = digits.slice(3);
  else if (/^62\d+$/.test(digits)) national = digits.slice(2);
  else if (/^0\d+$/.test(digits)) national = digits.slice(1);
  else if (/^8\d+$/.test(digits)) national = digits;
  else return null;
  // Mobile numbers are 8xx with 9–12 digits; landlines (area code 2x–9x) 7–11 digits.
  if (/^8\d{8,11}$/.test(national) || /^[2-9]\d{6,10}$/.test(national)) return `+62${national}`;
  return null;
}

/**
 * A stored +62… number as people read it: mobile "+62 812-3456-7890" (groups of 3-4-rest), other
 * numbers "+62 274 123456". Anything that is not +62… is shown as it is.
 */
export function formatIndonesianPhone(e164: string): string {
  const match = /^\+62(\d+)$/.exec(e164);
  if (!match) return e164;
  const national = match[1]!;
  if (national.startsWith('8')) {
    const groups = [national.slice(0, 3), national.slice(3, 7), national.slice(7)].filter(Boolean);
    return `+62 ${groups.join('-')}`;
  }
  return `+62 ${national.slice(0, 3)} ${national.slice(3)}`;
}
