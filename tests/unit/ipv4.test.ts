import { describe, expect, it } from 'vitest';
import {
  findOverlap,
  formatIpv4,
  formatRange,
  freeAddresses,
  isBlockEdge,
  isIpv4,
  parseIpv4,
  parseRange,
  parseRanges,
  rangesContain,
  rangesSize,
  type Ipv4Range,
} from '../../shared/domain/ipv4';

function ranges(text: string): Ipv4Range[] {
  const parsed = parseRanges(text);
  if (!parsed.ok) throw new Error(parsed.error.en);
  return parsed.ranges;
}

describe('IPv4 addresses', () => {
  it('parses and formats dotted quads, ends included', () => {
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('255.255.255.255')).toBe(2 ** 32 - 1);
    expect(parseIpv4(' 10.10.0.1 ')).toBe(10 * 2 ** 24 + 10 * 2 ** 16 + 1);
    expect(formatIpv4(parseIpv4('192.168.88.1')!)).toBe('192.168.88.1');
    expect(formatIpv4(2 ** 32 - 1)).toBe('255.255.255.255');
  });

  it('refuses what is not an address', () => {
    for (const text of [
      '',
      '10.0.0',
      '10.0.0.0.1',
      '256.0.0.1',
      '10.0.0.-1',
      '10.0.0.01',
      'a.b.c.d',
      '10..0.1',
      '10.0.0.1/24',
    ]) {
      expect(isIpv4(text), text).toBe(false);
    }
  });
});

describe('ranges', () => {
  it('reads CIDR blocks, a-b ranges and single addresses', () => {
    expect(formatRange(parseRange('10.10.0.0/24') as Ipv4Range)).toBe('10.10.0.0-10.10.0.255');
    expect(formatRange(parseRange('10.20.0.2 - 10.20.0.254') as Ipv4Range)).toBe('10.20.0.2-10.20.0.254');
    expect(formatRange(parseRange('10.0.0.7') as Ipv4Range)).toBe('10.0.0.7');
    expect(rangesSize([parseRange('0.0.0.0/0') as Ipv4Range])).toBe(2 ** 32);
    expect(rangesSize([parseRange('10.0.0.5/32') as Ipv4Range])).toBe(1);
  });

  it('says what is wrong with a bad range, in both languages', () => {
    const misaligned = parseRange('10.10.0.1/24');
    expect(misaligned).toEqual({
      error: expect.objectContaining({ en: expect.stringContaining('did you mean 10.10.0.0/24') }),
    });
    expect(parseRange('10.10.0.0/33')).toHaveProperty('error');
    expect(parseRange('10.0.0.9-10.0.0.2')).toEqual({
      error: expect.objectContaining({ id: expect.stringContaining('alamat awal lebih besar') }),
    });
    expect(parseRange('10.0.0.1-10.0.0.2-10.0.0.3')).toHaveProperty('error');
    expect(parseRange('sepuluh')).toHaveProperty('error');
  });

  it('reads a comma-separated list, sorted, and refuses one that overlaps itself or is empty', () => {
    const list = ranges('10.20.0.2-10.20.0.254, 10.10.0.0/24');
    expect(list.map(formatRange)).toEqual(['10.10.0.0-10.10.0.255', '10.20.0.2-10.20.0.254']);
    expect(rangesSize(list)).toBe(256 + 253);
    const overlapping = parseRanges('10.10.0.0/24, 10.10.0.200-10.10.1.5');
    expect(overlapping.ok).toBe(false);
    if (!overlapping.ok) expect(overlapping.error.en).toContain('overlap');
    expect(parseRanges(' , ').ok).toBe(false);
  });

  it('tells membership and overlap between two lists', () => {
    const list = ranges('10.10.0.0/24, 10.20.0.2-10.20.0.254');
    expect(rangesContain(list, parseIpv4('10.10.0.77')!)).toBe(true);
    expect(rangesContain(list, parseIpv4('10.20.0.1')!)).toBe(false);
    expect(rangesContain(list, parseIpv4('10.20.0.254')!)).toBe(true);
    expect(findOverlap(list, ranges('10.20.0.254-10.20.1.10'))?.map(formatRange)).toEqual([
      '10.20.0.2-10.20.0.254',
      '10.20.0.254-10.20.1.10',
    ]);
    expect(findOverlap(list, ranges('10.10.1.0/24'))).toBeNull();
  });

  it('lists free addresses in order, skipping used ones and a block’s network and broadcast addresses', () => {
    const list = ranges('10.10.0.0/30, 10.20.0.2-10.20.0.4');
    const used = new Set([parseIpv4('10.10.0.1')!, parseIpv4('10.20.0.3')!]);
    expect(freeAddresses(list, used, 10).map(formatIpv4)).toEqual(['10.10.0.2', '10.20.0.2', '10.20.0.4']);
    expect(freeAddresses(list, used, 2).map(formatIpv4)).toEqual(['10.10.0.2', '10.20.0.2']);
    expect(isBlockEdge(list, parseIpv4('10.10.0.0')!)).toBe(true);
    expect(isBlockEdge(list, parseIpv4('10.10.0.3')!)).toBe(true);
    expect(isBlockEdge(list, parseIpv4('10.20.0.2')!)).toBe(false);
  });

  it('walks a large pool without listing it', () => {
    const list = ranges('10.0.0.0/8');
    expect(freeAddresses(list, new Set(), 3).map(formatIpv4)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
  });
});
