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
