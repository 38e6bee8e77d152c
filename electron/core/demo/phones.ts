import type { Random } from './random';

export type Operator = 'Telkomsel' | 'Indosat' | 'XL' | 'Tri' | 'Smartfren';

/** Mobile prefixes (the four digits after the trunk 0) each operator was allocated. */
export const OPERATOR_PREFIXES: Readonly<Record<Operator, readonly string[]>> = {
  Telkomsel: ['0811', '0812', '0813', '0821', '0822', '0823', '0851', '0852', '0853'],
  Indosat: ['0814', '0815', '0816', '0855', '0856', '0857', '0858'],
  XL: ['0817', '0818', '0819', '0859', '0877', '0878'],
  Tri: ['0895', '0896', '0897', '0898', '0899'],
  Smartfren: ['0881', '0882', '0883', '0884', '0885', '0886', '0887', '0888', '0889'],
};

const OPERATORS = Object.keys(OPERATOR_PREFIXES) as Operator[];
/** Rough subscriber shares in Java; Telkomsel leads, Tri and Smartfren are popular with students. */
const OPERATOR_WEIGHTS: readonly number[] = [45, 20, 17, 11, 7];

const PREFIX_TO_OPERATOR = new Map<string, Operator>(
  OPERATORS.flatMap((operator) => OPERATOR_PREFIXES[operator].map((prefix) => [prefix, operator] as const)),
);

/** The operator a number (local `08…` or E.164 `+628…`) belongs to, or null for an unknown prefix. */
export function operatorOf(phone: string): Operator | null {
  const local = phone.startsWith('+62') ? `0${phone.slice(3)}` : phone;
  return PREFIX_TO_OPERATOR.get(local.slice(0, 4)) ?? null;
}

/**
 * Normalizes how people write Indonesian mobile numbers ("0812-3456-7890", "62 812 3456 7890",
 * "+62 (812) 3456-7890") to E.164 (`+6281234567890`). Null when it is not one.
 */
export function toE164(phone: string): string | null {
  let digits = phone.replace(/[\s().-]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (digits.startsWith('62')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  if (!/^8\d{8,11}$/.test(digits)) return null;
  return `+62${digits}`;
}

/** "+6281234567890" → "0812-3456-7890", the way numbers are written on receipts and WhatsApp. */
export function formatLocal(e164: string): string {
  const local = `0${e164.slice(3)}`;
  const rest = local.slice(4);
  const groups = rest.length <= 4 ? [rest] : [rest.slice(0, 4), rest.slice(4)];
  return [local.slice(0, 4), ...groups].join('-');
}

export type MobileNumber = { e164: string; operator: Operator };

/**
 * A mobile number in E.164. Most Indonesian mobile numbers have 11–12 digits written locally
 * (0812-3456-789, 0812-3456-7890); newer ranges have 13 (0896-1234-56789).
 */
export function generateMobile(random: Random): MobileNumber {
  const operator = random.weighted(OPERATORS, OPERATOR_WEIGHTS);
  const prefix = random.pick(OPERATOR_PREFIXES[operator]);
  const subscriberLength = random.weighted([7, 8, 9], [22, 66, 12]);
  // A subscriber number does not start with 0 in practice.
  const subscriber = String(random.int(1, 9)) + random.digits(subscriberLength - 1);
  return { e164: `+62${prefix.slice(1)}${subscriber}`, operator };
}

/** A mobile number not in `taken` (which it is then added to): every customer has their own WhatsApp. */
export function generateUniqueMobile(random: Random, taken: Set<string>): MobileNumber {
  for (;;) {
    const number = generateMobile(random);
    if (!taken.has(number.e164)) {
      taken.add(number.e164);
      return number;
    }
  }
}
