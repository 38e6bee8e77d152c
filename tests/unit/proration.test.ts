import { describe, expect, it } from 'vitest';
import { periodContaining, periodOf } from '../../shared/domain/billing-cycle';
import { prorateChange, prorationNet } from '../../shared/domain/proration';

const OLD = 150_000;
const NEW = 250_000;

describe('prorateChange: unused days of the old plan credited, the new plan charged for the same days', () => {
  it('a 31-day period, changed mid-month (upgrade)', () => {
    const period = periodOf('2030-01', 1);
    expect(period).toMatchObject({ start: '2030-01-01', end: '2030-01-31', days: 31 });
    const p = prorateChange(OLD, NEW, period, '2030-01-16');
    // 16 days left (16th to 31st): 150,000 × 16/31 = 77,419.35…; 250,000 × 16/31 = 129,032.25…
    expect(p).toEqual({
      periodKey: '2030-01',
      periodStart: '2030-01-01',
      periodEnd: '2030-01-31',
      periodDays: 31,
      from: '2030-01-16',
      days: 16,
      credit: -77_419,
      charge: 129_032,
    });
    expect(prorationNet([p])).toBe(51_613);
  });

  it('a 30-day period, changed on its last day: one day of each', () => {
    const period = periodOf('2030-04', 1);
    expect(period.days).toBe(30);
    const p = prorateChange(OLD, NEW, period, '2030-04-30');
    expect(p).toMatchObject({ days: 1, credit: -5_000, charge: 8_333 });
  });

  it('a 28-day February period (downgrade): the net is negative', () => {
    const period = periodOf('2030-02', 1);
    expect(period).toMatchObject({ start: '2030-02-01', end: '2030-02-28', days: 28 });
    const p = prorateChange(NEW, OLD, period, '2030-02-15');
    // 14 of 28 days: exactly half of each.
    expect(p).toMatchObject({ days: 14, credit: -125_000, charge: 75_000 });
    expect(prorationNet([p])).toBe(-50_000);
  });

  it('changed on the first day: the whole month of each', () => {
    const period = periodOf('2030-03', 1);
    const p = prorateChange(OLD, NEW, period, '2030-03-01');
    expect(p).toMatchObject({ days: 31, credit: -OLD, charge: NEW });
  });

  it('an anniversary period across two months (anchor 15)', () => {
    const period = periodContaining('2030-02-01', 15);
    expect(period).toMatchObject({ key: '2030-01', start: '2030-01-15', end: '2030-02-14', days: 31 });
    const p = prorateChange(100_000, 200_000, period, '2030-02-14');
    // One day: 100,000/31 = 3,225.8… and 200,000/31 = 6,451.6…, both rounded down.
    expect(p).toMatchObject({ days: 1, credit: -3_225, charge: 6_451 });
  });

  it('rounds each amount down on its own, never up', () => {
    const period = periodOf('2030-01', 1);
    for (let day = 1; day <= 31; day += 1) {
      const date = `2030-01-${String(day).padStart(2, '0')}`;
      const p = prorateChange(99_999, 133_333, period, date);
      expect(-p.credit).toBe(Math.floor((99_999 * p.days) / 31));
      expect(p.charge).toBe(Math.floor((133_333 * p.days) / 31));
      expect(p.days).toBe(32 - day);
    }
  });

  it('the same price credits and charges the same: nothing to pay', () => {
    const p = prorateChange(OLD, OLD, periodOf('2030-01', 1), '2030-01-10');
    expect(prorationNet([p])).toBe(0);
  });

  it('a free plan gives no credit (zero, not minus zero)', () => {
    const p = prorateChange(0, NEW, periodOf('2030-01', 1), '2030-01-10');
    expect(Object.is(p.credit, 0)).toBe(true);
  });

  it('refuses a day outside the period', () => {
    expect(() => prorateChange(OLD, NEW, periodOf('2030-01', 1), '2030-02-01')).toThrow(RangeError);
    expect(() => prorateChange(OLD, NEW, periodOf('2030-01', 1), '2029-12-31')).toThrow(RangeError);
  });
});
