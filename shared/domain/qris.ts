/**
 * QRIS (EMVCo merchant-presented QR) helpers: turn a merchant's static QRIS string into a dynamic one
 * that carries the amount. TLV: two-digit tag, two-digit length, value.
 */

export type Tlv = { tag: string; value: string };

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as 4 uppercase hex digits. */
export function crc16Ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

export function parseTlv(payload: string): Tlv[] {
  const out: Tlv[] = [];
  let at = 0;
  while (at < payload.length) {
    const tag = payload.slice(at, at + 2);
    const length = Number(payload.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(tag) || !/^\d{2}$/.test(payload.slice(at + 2, at + 4)) || at + 4 + length > payload.length) {
      throw new QrisError(`malformed TLV at position ${at}`);
    }
    out.push({ tag, value: payload.slice(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return out;
}

export function formatTlv(items: readonly Tlv[]): string {
  return items
    .map(({ tag, value }) => {
      if (value.length > 99) throw new QrisError(`tag ${tag} is longer than 99 characters`);
      return tag + String(value.length).padStart(2, '0') + value;
    })
    .join('');
}

export class QrisError extends Error {
  override name = 'QrisError';
}

/** Checks a QRIS string's shape and CRC. */
export function verifyQris(payload: string): boolean {
  if (payload.length < 8 || payload.slice(-8, -4) !== '6304') return false;
  return crc16Ccitt(payload.slice(0, -4)) === payload.slice(-4).toUpperCase();
}

/**
 * A dynamic QRIS for one payment: point of initiation 12, tag 54 with the amount (whole rupiah),
 * fresh CRC in tag 63. The static string must be a valid QRIS (its CRC is checked).
 */
export function dynamicQris(staticPayload: string, amount: number): string {
  const trimmed = staticPayload.trim();
  if (!verifyQris(trimmed)) throw new QrisError('the static QRIS string is not valid (CRC mismatch)');
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new QrisError('amount must be a positive whole number of rupiah');
  const items = parseTlv(trimmed).filter((item) => item.tag !== '63' && item.tag !== '54');
  const poi = items.find((item) => item.tag === '01');
  if (poi) poi.value = '12';
  else items.splice(1, 0, { tag: '01', value: '12' });
  const amountItem = { tag: '54', value: String(amount) };
  const insertAt = items.findIndex((item) => Number(item.tag) > 54);
  if (insertAt === -1) items.push(amountItem);
  else items.splice(insertAt, 0, amountItem);
  const body = formatTlv(items) + '6304';
  return body + crc16Ccitt(body);
}
