import { describe, expect, it } from 'vitest';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { openIsp, type Isp } from './isp-fixture';

useTestCores();

type Step = { step: string; taken_on: string };

function invoicesOf(isp: Isp, subscriptionId: string) {
  return isp.rows<{ id: string; period: string; due_date: string; status: string; total: number }>(
    'SELECT id, period, due_date, status, total FROM invoices WHERE subscription_id = ? ORDER BY period',
    subscriptionId,
  );
}
const stepsOf = (isp: Isp, invoiceId: string) =>
  isp.rows<Step>(
    'SELECT step, taken_on FROM dunning_steps WHERE invoice_id = ? ORDER BY taken_on, step',
    invoiceId,
  );
const lateFeeLines = (isp: Isp, invoiceId: string) =>
  isp.rows<{ amount: number }>(
    "SELECT amount FROM invoice_lines WHERE invoice_id = ? AND kind = 'late_fee'",
    invoiceId,
  );
const isolateEvents = (isp: Isp, subscriptionId: string) =>
  isp.rows<{ reason: string; user_id: string | null }>(
    "SELECT reason, user_id FROM subscription_events WHERE subscription_id = ? AND kind = 'isolate'",
    subscriptionId,
  );
const remindersQueued = (isp: Isp, customerId: string) =>
  isp.rows<{ template_key: string; dedupe_key: string; body: string }>(
    "SELECT template_key, dedupe_key, body FROM notify_outbox WHERE customer_id = ? AND template_key LIKE 'invoice.reminder.%' ORDER BY created_at",
    customerId,
  );
const stateOf = (isp: Isp, subscriptionId: string) =>
  isp.rows<{ state: string }>('SELECT state FROM subscriptions WHERE id = ?', subscriptionId)[0]!.state;
const schedulerRows = (isp: Isp, day: string) =>
  isp
    .rows<{ task: string }>('SELECT task FROM scheduler_days WHERE day = ? ORDER BY task', day)
    .map((r) => r.task);

/** Activated on 15 Jan, January's (prorated) invoice paid; February's is issued 1 Feb and due 11 Feb. */
async function paidUpSubscriber(isp: Isp) {
  const sub = await isp.subscriber('Pak Joko');
  const first = await isp.runDue();
  expect(first.from).toBe('2030-01-15');
  expect(first.until).toBe('2030-01-15');
  const [january] = invoicesOf(isp, sub.subscriptionId);
  expect(january?.period).toBe('2030-01');
  await isp.pay(sub.customerId, january!.total);
  return sub;
}

describe('the first run', () => {
  it('runs only today, every task once, and a second run the same day does nothing', async () => {
    const isp = await openIsp();
    const result = await isp.runDue();
    expect(result.days.map((d) => d.day)).toEqual(['2030-01-15']);
    expect(result.days[0]!.tasks.map((t) => t.task)).toEqual([
      'billing',
      'late-fees',
      'reminders',
      'isolir',
      'alerts',
    ]);
    const again = await isp.runDue();
    expect(again.days).toEqual([]);
    expect(Object.values(again.totals).every((n) => n === 0)).toBe(true);
    const status = unwrap(await isp.t.call('scheduler.status', {}, isp.owner.token));
    expect(status).toMatchObject({ today: '2030-01-15', lastDay: '2030-01-15', daysBehind: 0 });
  });

  it('refuses a date more than a year ahead, bilingually, and runs nothing', async () => {
    const isp = await openIsp();
    const result = await isp.t.call('scheduler.runDue', { until: '2031-06-01' }, isp.owner.token, 'id');
    expect(codeOf(result)).toBe('VALIDATION');
    expect(!result.ok && result.error.message).toMatch(/hari setelah hari ini/);
    expect(isp.rows('SELECT * FROM scheduler_days')).toEqual([]);
  });
});

describe('catch-up after a month the app was closed', () => {
  it('takes every step once: the next invoice, one late fee, one isolir, and only the latest reminder', async () => {
    const isp = await openIsp();
    const { customerId, subscriptionId } = await paidUpSubscriber(isp);

    // Closed for 40 days: reopened on 24 Feb.
    await isp.setDay('2030-02-24');
    await isp.t.reopen();
    const status = unwrap(await isp.t.call('scheduler.status', {}, isp.owner.token));
    expect(status.daysBehind).toBe(40);

    const run = await isp.runDue();
    expect(run.from).toBe('2030-01-16');
    expect(run.until).toBe('2030-02-24');
    expect(run.days).toHaveLength(40);
    expect(run.days.filter((d) => d.missed)).toHaveLength(39);
    expect(run.totals).toMatchObject({ billing: 1, 'late-fees': 1, isolir: 1 });

    const invoices = invoicesOf(isp, subscriptionId);
    expect(invoices.map((i) => i.period)).toEqual(['2030-01', '2030-02']);
    const february = invoices[1]!;
    expect(february.due_date).toBe('2030-02-11');
    expect(lateFeeLines(isp, february.id)).toEqual([{ amount: 10_000 }]);
    expect(february.total).toBe(210_000);
    // Late fee on due + grace (14 Feb), isolir on due + 5 (16 Feb); reminders only today, and only the
    // newest that applies ("after 3"), not before 3 / due / after 1 as well.
    expect(stepsOf(isp, february.id)).toEqual([
      { step: 'late_fee', taken_on: '2030-02-14' },
      { step: 'isolir', taken_on: '2030-02-16' },
      { step: 'reminder:after:3', taken_on: '2030-02-24' },
    ]);
    expect(stateOf(isp, subscriptionId)).toBe('isolated');
    // Recorded with the invoice as the reason, by whoever ran the scheduler (here the owner's "run now").
    const [number] = isp.rows<{ number: string }>('SELECT number FROM invoices WHERE id = ?', february.id);
    expect(isolateEvents(isp, subscriptionId)).toEqual([
      { reason: `overdue ${number!.number}`, user_id: isp.owner.userId },
    ]);
    const reminders = remindersQueued(isp, customerId);
    expect(reminders.map((r) => r.template_key)).toEqual(['invoice.reminder.after']);
    expect(reminders[0]!.body).toContain(
      'sudah lewat 13 hari dari jatuh tempo (11 Februari 2030). Sisa: Rp 210.000',
    );

    // Running again (and again after a restart) creates nothing new.
    const again = await isp.runDue();
    expect(again.days).toEqual([]);
    await isp.t.reopen();
    expect((await isp.runDue()).days).toEqual([]);
    expect(invoicesOf(isp, subscriptionId)).toHaveLength(2);
    expect(lateFeeLines(isp, february.id)).toHaveLength(1);
    expect(isolateEvents(isp, subscriptionId)).toHaveLength(1);
    expect(remindersQueued(isp, customerId)).toHaveLength(1);
  });
});

describe('moving time forward day by day (until ahead of today)', () => {
  it('sends each reminder on its own day, the late fee after the grace period and isolates on due + 5', async () => {
    const isp = await openIsp();
    const { customerId, subscriptionId } = await paidUpSubscriber(isp);

    const toFifteenth = await isp.runDue('2030-02-15');
    expect(toFifteenth.days.every((d) => !d.missed)).toBe(true);
    const february = invoicesOf(isp, subscriptionId)[1]!;
    expect(stepsOf(isp, february.id)).toEqual([
      { step: 'reminder:before:3', taken_on: '2030-02-08' },
      { step: 'reminder:due', taken_on: '2030-02-11' },
      { step: 'reminder:after:1', taken_on: '2030-02-12' },
      { step: 'late_fee', taken_on: '2030-02-14' },
      { step: 'reminder:after:3', taken_on: '2030-02-14' },
    ]);
    expect(remindersQueued(isp, customerId).map((r) => r.template_key)).toEqual([
      'invoice.reminder.before',
      'invoice.reminder.due',
      'invoice.reminder.after',
      'invoice.reminder.after',
    ]);
    expect(stateOf(isp, subscriptionId)).toBe('active');

    await isp.runDue('2030-02-16');
    expect(stateOf(isp, subscriptionId)).toBe('isolated');
    await isp.runDue('2030-03-05');
    expect(invoicesOf(isp, subscriptionId).map((i) => i.period)).toEqual(['2030-01', '2030-02', '2030-03']);
    expect(isolateEvents(isp, subscriptionId)).toHaveLength(1);
  });

  it('sends nothing, charges nothing and isolates no one once the invoice is paid', async () => {
    const isp = await openIsp();
    const { customerId, subscriptionId } = await paidUpSubscriber(isp);
    await isp.runDue('2030-02-01');
    const february = invoicesOf(isp, subscriptionId)[1]!;
    await isp.pay(customerId, february.total, 'transfer');
    await isp.runDue('2030-02-28');
    expect(stepsOf(isp, february.id)).toEqual([]);
    expect(remindersQueued(isp, customerId)).toEqual([]);
    expect(stateOf(isp, subscriptionId)).toBe('active');
  });

  it('charges a percentage late fee of the balance, rounded down', async () => {
    const isp = await openIsp();
    unwrap(
      await isp.t.call(
        'billing.settings.update',
        { lateFeeType: 'percent', lateFeeValue: 3 },
        isp.owner.token,
      ),
    );
    const { customerId, subscriptionId } = await paidUpSubscriber(isp);
    await isp.runDue('2030-02-01');
    const february = invoicesOf(isp, subscriptionId)[1]!;
    await isp.pay(customerId, 33_333);
    await isp.runDue('2030-02-14');
    // 3% of 166,667 = 5,000.01 → 5,000.
    expect(lateFeeLines(isp, february.id)).toEqual([{ amount: 5_000 }]);
  });
});

describe('a run that fails part-way', () => {
  it('keeps each (task, day) whole: done with its row or not at all, and the next run finishes it once', async () => {
    const isp = await openIsp();
    const { subscriptionId } = await paidUpSubscriber(isp);
    const sqlite = isp.t.core.deps.store.sqlite;
    // The isolir step's write fails after the subscription was isolated in the same transaction.
    sqlite.exec(`CREATE TRIGGER crash_isolir BEFORE INSERT ON dunning_steps WHEN NEW.step = 'isolir'
      BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
    const jobsBefore = isp.rows('SELECT id FROM router_jobs').length;

    const failed = await isp.t.call('scheduler.runDue', { until: '2030-02-20' }, isp.owner.token);
    expect(codeOf(failed)).toBe('INTERNAL');
    expect(schedulerRows(isp, '2030-02-15')).toEqual([
      'alerts',
      'billing',
      'isolir',
      'late-fees',
      'reminders',
    ]);
    expect(schedulerRows(isp, '2030-02-16')).toEqual(['billing', 'late-fees', 'reminders']);
    expect(schedulerRows(isp, '2030-02-17')).toEqual([]);
    // The isolation rolled back with its transaction: no state change, no event, no router job.
    expect(stateOf(isp, subscriptionId)).toBe('active');
    expect(isolateEvents(isp, subscriptionId)).toEqual([]);
    expect(isp.rows('SELECT id FROM router_jobs')).toHaveLength(jobsBefore);
    const status = unwrap(await isp.t.call('scheduler.status', {}, isp.owner.token));
    expect(status.tasks.find((t) => t.task === 'isolir')?.lastDay).toBe('2030-02-15');

    sqlite.exec('DROP TRIGGER crash_isolir');
    const resumed = await isp.runDue('2030-02-20');
    expect(resumed.from).toBe('2030-02-16');
    expect(resumed.days[0]).toMatchObject({ day: '2030-02-16' });
    expect(resumed.days[0]!.tasks.map((t) => t.task)).toEqual(['isolir', 'alerts']);
    expect(stateOf(isp, subscriptionId)).toBe('isolated');
    expect(isolateEvents(isp, subscriptionId)).toHaveLength(1);
    const february = invoicesOf(isp, subscriptionId)[1]!;
    expect(lateFeeLines(isp, february.id)).toHaveLength(1);
    expect(schedulerRows(isp, '2030-02-20')).toHaveLength(5);
  });
});

describe('a subscription that cannot be isolated', () => {
  it('does not stop the scheduler: it is reported to the admins and tried again the next day', async () => {
    const isp = await openIsp();
    const blocked = await isp.subscriber('Pak Joko');
    const other = await isp.subscriber('Bu Sri');
    await isp.runDue();
    for (const sub of [blocked, other]) {
      await isp.pay(sub.customerId, invoicesOf(isp, sub.subscriptionId)[0]!.total);
    }
    // Isolir by address list needs a static IP, which this subscription does not have.
    const { subscription } = unwrap(
      await isp.t.call('subscriptions.get', { id: blocked.subscriptionId }, isp.owner.token),
    );
    const isolirList = unwrap(
      await isp.t.call(
        'plans.create',
        {
          name: 'Rumahan 20 Mbps (daftar isolir)',
          downloadKbps: 20_000,
          uploadKbps: 5_000,
          price: 200_000,
          taxMode: 'exempt',
          routerProfile: 'paket-20M',
          isolirMethod: 'address-list',
          isolirAddressList: 'isolir',
        },
        isp.owner.token,
      ),
    );
    isp.t.core.deps.store.sqlite
      .prepare('UPDATE subscriptions SET plan_id = ? WHERE id = ?')
      .run(isolirList.id, subscription.id);

    const run = await isp.runDue('2030-02-17');
    expect(run.until).toBe('2030-02-17');
    expect(stateOf(isp, other.subscriptionId)).toBe('isolated');
    expect(stateOf(isp, blocked.subscriptionId)).toBe('active');
    const sixteenth = run.days.find((d) => d.day === '2030-02-16')!.tasks.find((t) => t.task === 'isolir')!;
    expect(sixteenth).toMatchObject({ count: 1, steps: 1, note: 'failed 1' });
    const alerts = isp.rows<{ subject: string; body: string }>(
      "SELECT subject, body FROM notify_outbox WHERE dedupe_key LIKE 'alert:isolir-failed:%' ORDER BY created_at",
    );
    expect(alerts).toHaveLength(2);
    expect(alerts[0]!.body).toContain('Pak Joko');
    const february = invoicesOf(isp, blocked.subscriptionId)[1]!;
    expect(stepsOf(isp, february.id).map((s) => s.step)).not.toContain('isolir');
  });
});
