import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  invoiceBalance,
  invoiceTotals,
  isOverdue,
  priceInvoiceLine,
  settledStatus,
  sumStoredLines,
} from '../../shared/domain/invoice-math';
import { DEFAULT_PPN } from '../../shared/domain/tax';

describe('invoice totals and PPN', () => {
  it('adds PPN on excluded lines and finds it inside included ones, rounded down per line', () => {
    const totals = invoiceTotals(
      [
        { amount: 100_000, taxMode: 'excluded' },
        { amount: 9_999, taxMode: 'excluded' },
        { amount: 10_000, taxMode: 'included' },
        { amount: 5_000, taxMode: 'exempt' },
      ],
      DEFAULT_PPN,
      true,
    );
    expect(totals.lines.map((l) => l.ppn)).toEqual([11_000, 1_099, 990, 0]);
    expect(totals).toMatchObject({
      subtotal: 124_999,
      discount: 0,
      ppn: 13_089,
      total: 100_000 + 11_000 + 9_999 + 1_099 + 10_000 + 5_000,
    });
    expect(totals.base).toBe(100_000 + 9_999 + 9_010 + 5_000);
  });

  it('collects no PPN when the branch is not PKP (every line exempt)', () => {
    const totals = invoiceTotals(
      [
        { amount: 100_000, taxMode: 'excluded' },
        { amount: 111_000, taxMode: 'included' },
      ],
      DEFAULT_PPN,
      false,
    );
    expect(totals.ppn).toBe(0);
    expect(totals.total).toBe(211_000);
    expect(totals.lines.every((l) => l.taxMode === 'exempt')).toBe(true);
  });

  it('uses the branch rate (11% × 11/12)', () => {
    const line = priceInvoiceLine(
      { amount: 1_000_000, taxMode: 'excluded' },
      { ratePercent: 11, dppNumerator: 11, dppDenominator: 12 },
      true,
    );
    expect(line).toMatchObject({ ppn: 100_833, gross: 1_100_833 });
  });

  it('takes back exactly the PPN of the matching charge on a negative line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.constantFrom('included' as const, 'excluded' as const, 'exempt' as const),
        (amount, taxMode) => {
          const totals = invoiceTotals(
            [
              { amount, taxMode },
              { amount: -amount, taxMode },
            ],
            DEFAULT_PPN,
            true,
          );
          expect(totals.total).toBe(0);
          expect(totals.ppn).toBe(0);
          expect(totals.discount).toBe(amount);
        },
      ),
    );
  });

  it('sums stored lines to the same totals they were priced with', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amount: fc.integer({ min: -1_000_000, max: 5_000_000 }),
            taxMode: fc.constantFrom('included' as const, 'excluded' as const, 'exempt' as const),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (lines) => {
          const priced = invoiceTotals(lines, DEFAULT_PPN, true);
          const stored = sumStoredLines(
            priced.lines.map((l) => ({ amount: l.amount, taxMode: l.taxMode, ppn: l.ppn })),
          );
          expect(stored).toEqual({
            subtotal: priced.subtotal,
            discount: priced.discount,
            base: priced.base,
            ppn: priced.ppn,
            total: priced.total,
          });
        },
      ),
    );
  });
});

describe('invoice status', () => {
  it('moves issued → partial → paid by payments and credit notes, and keeps void', () => {
    expect(settledStatus({ total: 100, paid: 0, credited: 0, status: 'issued' })).toBe('issued');
    expect(settledStatus({ total: 100, paid: 40, credited: 0, status: 'issued' })).toBe('partial');
    expect(settledStatus({ total: 100, paid: 40, credited: 60, status: 'partial' })).toBe('paid');
    expect(settledStatus({ total: 150, paid: 100, credited: 0, status: 'paid' })).toBe('partial');
    expect(settledStatus({ total: 100, paid: 0, credited: 0, status: 'void' })).toBe('void');
    expect(invoiceBalance({ total: 100, paid: 30, credited: 10, status: 'partial' })).toBe(60);
    expect(invoiceBalance({ total: 100, paid: 0, credited: 0, status: 'void' })).toBe(0);
  });

  it('derives overdue from the due date for open invoices only', () => {
    expect(isOverdue({ status: 'issued', dueDate: '2030-01-25' }, '2030-01-26')).toBe(true);
    expect(isOverdue({ status: 'partial', dueDate: '2030-01-25' }, '2030-01-25')).toBe(false);
    expect(isOverdue({ status: 'paid', dueDate: '2030-01-25' }, '2030-02-26')).toBe(false);
  });
});
