import { describe, expect, it } from 'vitest';
import { reminderDue, reminderSchedule } from '../../../electron/core/scheduler/reminder-schedule';
import { agingBucket } from '../../../electron/core/scheduler/aging-report';

const policy = { beforeDays: [3], onDue: true, afterDays: [1, 3] };
const DUE = '2030-02-11';

describe('reminder schedule', () => {
  it('lists before, on and after the due date, oldest first', () => {
    expect(reminderSchedule(DUE, policy).map((s) => [s.step, s.date])).toEqual([
      ['reminder:before:3', '2030-02-08'],
      ['reminder:due', '2030-02-11'],
      ['reminder:after:1', '2030-02-12'],
      ['reminder:after:3', '2030-02-14'],
    ]);
  });

  it('on a live day, sends the step that falls on it and nothing between steps', () => {
    expect(reminderDue(DUE, '2030-02-07', policy, new Set())).toBeNull();
    expect(reminderDue(DUE, '2030-02-08', policy, new Set())?.step).toBe('reminder:before:3');
    expect(reminderDue(DUE, '2030-02-09', policy, new Set(['reminder:before:3']))).toBeNull();
    expect(reminderDue(DUE, '2030-02-11', policy, new Set(['reminder:before:3']))?.kind).toBe('due');
  });

  it('after missed days, only the newest step that applies, once', () => {
    expect(reminderDue(DUE, '2030-02-13', policy, new Set())?.step).toBe('reminder:after:1');
    expect(reminderDue(DUE, '2030-03-30', policy, new Set())?.step).toBe('reminder:after:3');
    expect(reminderDue(DUE, '2030-03-30', policy, new Set(['reminder:after:3']))).toBeNull();
  });

  it('ignores zero and repeated offsets', () => {
    expect(
      reminderSchedule(DUE, { beforeDays: [0, 3, 3], onDue: false, afterDays: [] }).map((s) => s.step),
    ).toEqual(['reminder:before:3']);
  });
});

describe('aging buckets', () => {
  it.each([
    [-5, 'current'],
    [0, 'current'],
    [1, 'd1_30'],
    [30, 'd1_30'],
    [31, 'd31_60'],
    [60, 'd31_60'],
    [61, 'd61_90'],
    [90, 'd61_90'],
    [91, 'd90plus'],
  ] as const)('%i days past due → %s', (days, bucket) => {
    expect(agingBucket(days)).toBe(bucket);
  });
});
