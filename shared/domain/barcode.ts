/** GTIN check digit (EAN-8, UPC-A, EAN-13, GTIN-14): weights 3,1 from the right. */
export function gtinCheckDigit(digitsWithoutCheck: string): number {
  let sum = 0;
  for (let i = digitsWithoutCheck.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) {
    sum += Number(digitsWithoutCheck[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True for an EAN-8, UPC-A (12), EAN-13 or GTIN-14 with a correct check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && isValidGtin(code);
}
