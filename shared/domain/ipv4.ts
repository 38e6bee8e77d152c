/**
 * IPv4 addresses and address ranges, as 32-bit unsigned numbers. Used by IP pools ("10.10.0.0/24,
 * 10.20.0.2-10.20.0.254") and static addresses given to subscriptions.
 */

/** An inclusive range of addresses, start ≤ end. */
export type Ipv4Range = { start: number; end: number };

export type RangesParse =
  { ok: true; ranges: Ipv4Range[] } | { ok: false; error: { id: string; en: string } };

const OCTET = /^(0|[1-9]\d{0,2})$/;

/** The address as a number, or null when it is not a dotted quad (leading zeros are refused: 010 reads as octal elsewhere). */
export function parseIpv4(text: string): number | null {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** True for a well-formed dotted quad. */
export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== null;
}

/** One range: "10.0.0.0/24" (the whole block, host bits must be zero), "10.0.0.2-10.0.0.9", or one address. */
export function parseRange(text: string): Ipv4Range | { error: { id: string; en: string } } {
  const trimmed = text.trim();
  const shown = trimmed || '(kosong)';
  if (trimmed.includes('/')) {
    const [addressText = '', prefixText = ''] = trimmed.split('/');
    const address = parseIpv4(addressText);
    if (address === null || !/^\d{1,2}$/.test(prefixText.trim()) || Number(prefixText) > 32) {
      return {
        error: {
          id: `"${shown}" bukan blok CIDR yang sah (contoh 10.10.0.0/24)`,
          en: `"${shown}" is not a valid CIDR block (e.g. 10.10.0.0/24)`,
        },
      };
    }
    const prefix = Number(prefixText);
    const size = 2 ** (32 - prefix);
    const start = Math.floor(address / size) * size;
    if (start !== address) {
      const fixed = `${formatIpv4(start)}/${prefix}`;
      return {
        error: {
          id: `"${shown}" bukan awal blok; maksudnya ${fixed}?`,
          en: `"${shown}" is not the start of its block; did you mean ${fixed}?`,
        },
      };
    }
    return { start, end: start + size - 1 };
  }
  if (trimmed.includes('-')) {
    const [fromText = '', toText = ''] = trimmed.split('-');
    const start = parseIpv4(fromText);
    const end = parseIpv4(toText);
    if (start === null || end === null || trimmed.split('-').length !== 2) {
      return {
        error: {
          id: `"${shown}" bukan rentang alamat yang sah (contoh 10.20.0.2-10.20.0.254)`,
          en: `"${shown}" is not a valid address range (e.g. 10.20.0.2-10.20.0.254)`,
        },
      };
    }
    if (start > end) {
      return {
        error: {
          id: `"${shown}": alamat awal lebih besar dari alamat akhir`,
          en: `"${shown}": the first address is above the last`,
        },
      };
    }
    return { start, end };
  }
  const single = parseIpv4(trimmed);
  if (single === null) {
    return {
      error: {
        id: `"${shown}" bukan alamat IPv4 atau rentang`,
        en: `"${shown}" is not an IPv4 address or range`,
      },
    };
  }
  return { start: single, end: single };
}

/**
 * A pool's ranges separated by commas (or new lines). Refuses an empty list and ranges that overlap
 * each other; answers them sorted by start.
 */
export function parseRanges(text: string): RangesParse {
  const pieces = text
    .split(/[,\n;]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  if (pieces.length === 0) {
    return {
      ok: false,
      error: { id: 'Isi minimal satu rentang alamat', en: 'Enter at least one address range' },
    };
  }
  const ranges: Ipv4Range[] = [];
  for (const piece of pieces) {
    const range = parseRange(piece);
    if ('error' in range) return { ok: false, error: range.error };
    ranges.push(range);
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const previous = ranges[i - 1]!;
    const current = ranges[i]!;
    if (current.start <= previous.end) {
      const a = formatRange(previous);
      const b = formatRange(current);
      return {
        ok: false,
        error: { id: `Rentang ${a} dan ${b} bertumpuk`, en: `Ranges ${a} and ${b} overlap` },
      };
    }
  }
  return { ok: true, ranges };
}

/** "10.0.0.0-10.0.0.255" style, or one address when the range holds one. */
export function formatRange(range: Ipv4Range): string {
  return range.start === range.end
    ? formatIpv4(range.start)
    : `${formatIpv4(range.start)}-${formatIpv4(range.end)}`;
}

/** How many addresses the (non-overlapping) ranges hold. */
export function rangesSize(ranges: readonly Ipv4Range[]): number {
  return ranges.reduce((sum, range) => sum + (range.end - range.start + 1), 0);
}

export function rangesContain(ranges: readonly Ipv4Range[], address: number): boolean {
  return ranges.some((range) => address >= range.start && address <= range.end);
}

/** The first pair of ranges (one from each list) that share an address, or null. */
export function findOverlap(a: readonly Ipv4Range[], b: readonly Ipv4Range[]): [Ipv4Range, Ipv4Range] | null {
  for (const x of a) for (const y of b) if (x.start <= y.end && y.start <= x.end) return [x, y];
  return null;
}

/** A block's size when the range is a whole CIDR block of 4 or more addresses, else 0. */
function blockSize(range: Ipv4Range): number {
  const size = range.end - range.start + 1;
  return size >= 4 && Number.isInteger(Math.log2(size)) && range.start % size === 0 ? size : 0;
}

/** True for the network or broadcast address of a block in the ranges (x.x.x.0 / x.x.x.255 of a /24). */
export function isBlockEdge(ranges: readonly Ipv4Range[], address: number): boolean {
  return ranges.some((range) => blockSize(range) > 0 && (address === range.start || address === range.end));
}

/**
 * Up to `limit` addresses of the ranges, in order, that are not in `used`. Skips a block's network
 * and broadcast addresses (x.x.x.0 and x.x.x.255 of CIDR blocks larger than /31) — they cannot be
 * handed to a customer.
 */
export function freeAddresses(
  ranges: readonly Ipv4Range[],
  used: ReadonlySet<number>,
  limit: number,
): number[] {
  const out: number[] = [];
  for (const range of ranges) {
    const isBlock = blockSize(range) > 0;
    const first = isBlock ? range.start + 1 : range.start;
    const last = isBlock ? range.end - 1 : range.end;
    for (let address = first; address <= last && out.length < limit; address++) {
      if (!used.has(address)) out.push(address);
    }
    if (out.length >= limit) break;
  }
  return out;
}
