import { describe, expect, it } from 'vitest';
import { formatIndonesianPhone, normalizeIndonesianPhone } from '../../shared/domain/phone';

describe('Indonesian phone numbers', () => {
  it('normalises every way people write a number to +62…', () => {
    for (const written of ['0812-3456-7890', '62812 3456 7890', '+62 812-3456-7890', '812.3456.7890'])
      expect(normalizeIndonesianPhone(written), written).toBe('+6281234567890');
    expect(normalizeIndonesianPhone('(0274) 512345')).toBe('+62274512345');
    for (const wrong of ['', '12345', '+1 212 555 0100', '0812', 'nomor saya'])
      expect(normalizeIndonesianPhone(wrong)).toBeNull();
  });

  it('shows a stored number grouped the way people read it', () => {
    expect(formatIndonesianPhone('+6281234567890')).toBe('+62 812-3456-7890');
    expect(formatIndonesianPhone('+62812345678')).toBe('+62 812-3456-78');
    expect(formatIndonesianPhone('+62274512345')).toBe('+62 274 512345');
    expect(formatIndonesianPhone('')).toBe('');
    expect(formatIndonesianPhone('Discord')).toBe('Discord');
  });

  it('reads back what it shows', () => {
    for (const stored of ['+6281234567890', '+6285712345678', '+62274512345'])
      expect(normalizeIndonesianPhone(formatIndonesianPhone(stored))).toBe(stored);
  });
});
