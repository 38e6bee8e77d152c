import { describe, expect, it } from 'vitest';
import { demoCustomerInput } from '../../electron/core/demo/customers';
import { generateDemo } from '../../electron/core/demo/generate';
import { customersChannels } from '../../shared/contract/customers.contract';
import { nikProblem, normalizeNik, readNik } from '../../shared/domain/nik';

describe('NIK', () => {
  it('accepts a man’s and a woman’s NIK and reads the birth date and gender', () => {
    expect(nikProblem('3404071205880001')).toBeNull();
    expect(readNik('3404071205880001')).toEqual({
      provinceCode: '34',
      birthDay: 12,
      birthMonth: 5,
      birthYear2: '88',
      gender: 'L',
    });
    expect(nikProblem('3404075205880001')).toBeNull();
    expect(readNik('3404075205880001')).toMatchObject({ birthDay: 12, gender: 'P' });
  });

  it('allows an empty NIK (not known yet)', () => {
    expect(nikProblem('')).toBeNull();
    expect(readNik('')).toBeNull();
  });

  it('refuses anything but 16 digits', () => {
    expect(nikProblem('340407120588000')).toBe('length');
    expect(nikProblem('34040712058800012')).toBe('length');
    expect(nikProblem('34040712058800O1')).toBe('digits');
    expect(nikProblem('3404-0712-0588-0001')).toBe('digits');
  });

  it('checks the province code is 11–94', () => {
    expect(nikProblem('1004071205880001')).toBe('province');
    expect(nikProblem('1104071205880001')).toBeNull();
    expect(nikProblem('9404071205880001')).toBeNull();
    expect(nikProblem('9504071205880001')).toBe('province');
  });

  it('checks the birth day: 1–31 for men, 41–71 for women, nothing in between', () => {
    for (const day of ['01', '31', '41', '71']) expect(nikProblem(`340407${day}05880001`), day).toBeNull();
    for (const day of ['00', '32', '40', '72', '99'])
      expect(nikProblem(`340407${day}05880001`), day).toBe('day');
  });

  it('checks the birth month is 1–12', () => {
    expect(nikProblem('3404071201880001')).toBeNull();
    expect(nikProblem('3404071212880001')).toBeNull();
    expect(nikProblem('3404071200880001')).toBe('month');
    expect(nikProblem('3404071213880001')).toBe('month');
  });

  it('drops the spaces, dots and dashes people type', () => {
    expect(normalizeNik(' 3404 0712-0588.0001 ')).toBe('3404071205880001');
  });
});

describe('demo customers’ NIKs', () => {
  const data = generateDemo({ seed: 'nik-test', scale: 2 });

  it('are valid, unique, match the gender of a person customer, and are the same for the same seed', () => {
    const niks = data.customers.map((c) => c.nik);
    expect(niks.filter((nik) => nikProblem(nik) !== null || nik === '')).toEqual([]);
    expect(new Set(niks).size).toBe(niks.length);
    // Most KTPs were issued in Sleman (34.04); some came from elsewhere.
    const sleman = niks.filter((nik) => nik.startsWith('3404')).length;
    expect(sleman / niks.length).toBeGreaterThan(0.5);
    expect(sleman).toBeLessThan(niks.length);
    expect(new Set(niks.map((nik) => readNik(nik)!.gender))).toEqual(new Set(['L', 'P']));
    expect(generateDemo({ seed: 'nik-test', scale: 2 }).customers.map((c) => c.nik)).toEqual(niks);
  });

  it('become valid customers.create input with a location near the branch', () => {
    const input = customersChannels['customers.create'].input.parse(demoCustomerInput(data.customers[0]!));
    expect(input.nik).toBe(data.customers[0]!.nik);
    expect(input.phone).toBe(data.customers[0]!.whatsapp);
    expect(Math.abs(input.latitude! - -7.762)).toBeLessThan(0.05);
    expect(Math.abs(input.longitude! - 110.4)).toBeLessThan(0.05);
  });
});
