import { describe, expect, it } from 'vitest';
import { unwrap, useTestCores } from '../support/core-fixture';
import { openIsp } from './isp-fixture';

useTestCores();

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`gave up waiting: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the background scheduler', () => {
  it('runs what is due at start as "system", one run at a time, and stops cleanly on close', async () => {
    const isp = await openIsp();
    const { subscriptionId } = await isp.subscriber('Pak Joko');
    // Closed over the 1st: reopened on 3 Feb with the background scheduler on.
    unwrap(await isp.t.call('scheduler.runDue', {}, isp.owner.token));
    await isp.setDay('2030-02-03');
    await isp.t.reopen({ scheduler: { enabled: true, intervalMs: 60_000 } });

    const status = await until(
      () => isp.t.call('scheduler.status', {}, isp.owner.token).then(unwrap),
      (s) => s.daysBehind === 0 && !s.running,
    );
    expect(status.lastDay).toBe('2030-02-03');
    expect(status.nextRunAt).toBeGreaterThan(isp.t.clock.now());
    const periods = isp.rows<{ period: string }>(
      'SELECT period FROM invoices WHERE subscription_id = ? ORDER BY period',
      subscriptionId,
    );
    expect(periods.map((p) => p.period)).toEqual(['2030-01', '2030-02']);
    // Audited as the system, not as a person.
    const audit = isp.rows<{ user_id: string | null; username: string | null }>(
      "SELECT user_id, username FROM audit_log WHERE entity = 'scheduler' AND entity_id = 'billing:2030-02-01'",
    );
    expect(audit).toEqual([{ user_id: null, username: 'system' }]);

    // A "run now" while nothing is due answers at once with nothing done.
    const [a, b] = await Promise.all([
      isp.t.call('scheduler.runDue', {}, isp.owner.token).then(unwrap),
      isp.t.call('scheduler.runDue', {}, isp.owner.token).then(unwrap),
    ]);
    expect([a.days, b.days]).toEqual([[], []]);
    await isp.t.close();
  });

  it('two runs asked at once take their turns: every (task, day) is done exactly once', async () => {
    const isp = await openIsp();
    await isp.subscriber('Pak Joko');
    const [a, b] = await Promise.all([isp.runDue('2030-02-20'), isp.runDue('2030-02-20')]);
    expect(a.days).toHaveLength(37);
    expect(b.days).toEqual([]);
    const counts = isp.rows<{ n: number }>('SELECT count(*) AS n FROM scheduler_days');
    expect(counts[0]!.n).toBe(37 * 5);
  });
});
