/**
 * The ISP office from end to end through the channels, every part real: a customer placed on the
 * map, a subscription provisioned on a RouterOS simulator, the daily scheduler moved past due + grace
 * (invoice issued, reminder queued, isolir on the router), payment at the counter (reactivated on the
 * router), AR aging before and after. The browser test walks the same path through the UI.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, test } from 'vitest';
import { addDays, localDate } from '../../shared/domain/calendar';
import { unwrap } from './support/core-fixture';
import { subscriptionTest, type SubscriptionTest } from './subscriptions/subscriptions-support';

let s: SubscriptionTest | undefined;
afterEach(async () => {
  await s?.router.close();
  s = undefined;
});

function secretOf(test: SubscriptionTest, name: string) {
  return test.router.state().menus['/ppp/secret']?.find((row) => row.name === name);
}
function sessionOf(test: SubscriptionTest, name: string) {
  return test.router.state().menus['/ppp/active']?.find((row) => row.name === name);
}

test('customer on the map → provisioned → billed → isolated after due + grace → paid → reactivated', async () => {
  s = await subscriptionTest();
  const { t } = s;
  const call: typeof t.call = (channel, input, token = s!.owner.token) => t.call(channel, input, token);
  const today = localDate(t.clock.now(), 'Asia/Jakarta');

  // A customer placed on the map.
  const customer = unwrap(
    await call('customers.create', {
      name: 'Sri Wahyuni',
      phone: '0813-1111-2222',
      latitude: -7.7601,
      longitude: 110.4012,
    }),
  );
  const overview = unwrap(await call('map.overview', {}));
  expect(overview.customers.find((m) => m.id === customer.id)?.state).toBe('prospect');

  // A subscription on the simulator router: the secret appears with the plan's profile.
  const plan = await s.plan({ price: 155_000, routerProfile: 'rumah-10m', isolirProfile: 'isolir' });
  const created = unwrap(
    await call('subscriptions.create', {
      customerId: customer.id,
      planId: plan.id,
      routerId: s.routerRow.id,
      username: 'sri.wahyuni',
      password: 'pppoe-sri-2030',
    }),
  );
  unwrap(await call('subscriptions.activate', { id: created.subscription.id, reason: 'pasang baru' }));
  await s.runJobs();
  expect(secretOf(s, 'sri.wahyuni')?.profile).toBe('rumah-10m');
  s.router.dialIn('sri.wahyuni');
  expect(sessionOf(s, 'sri.wahyuni')).toBeDefined();

  // The scheduler runs every day up to due + isolir days: invoices issued, a reminder queued, isolir.
  const until = addDays(today, 21);
  unwrap(await call('scheduler.runDue', { until }));
  const invoices = unwrap(await call('billing.invoices.list', { customerId: customer.id }));
  expect(invoices.invoices.length).toBeGreaterThanOrEqual(1);
  const first = invoices.invoices.find((invoice) => invoice.period === today.slice(0, 7))!;
  expect(first.total).toBeGreaterThan(0);
  const pdf = unwrap(await call('billing.invoices.pdf', { id: first.id }));
  expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await s.runJobs();
  const isolated = unwrap(await call('subscriptions.get', { id: created.subscription.id }));
  expect(isolated.subscription.state).toBe('isolated');
  expect(secretOf(s, 'sri.wahyuni')?.profile).toBe('isolir');
  expect(sessionOf(s, 'sri.wahyuni')).toBeUndefined();

  const outbox = unwrap(await call('notify.outbox.list', { query: '' }));
  const reminders = outbox.entries.filter(
    (m) => m.customerId === customer.id && m.templateKey.startsWith('invoice.reminder'),
  );
  expect(reminders.length).toBeGreaterThan(0);

  const agingBefore = unwrap(await call('billing.reports.aging', { asOf: until }));
  expect(agingBefore.totals.total).toBeGreaterThan(0);
  expect(agingBefore.rows.some((row) => row.customerId === customer.id)).toBe(true);
  expect(unwrap(await call('map.overview', {})).customers.find((m) => m.id === customer.id)?.state).toBe(
    'isolated',
  );

  // Paid at the counter: reactivated on the router, nothing owed in the aging report.
  const balance = unwrap(await call('billing.customers.balance', { customerId: customer.id }));
  unwrap(
    await call('billing.payments.record', {
      id: randomUUID(),
      customerId: customer.id,
      amount: balance.due,
      method: 'cash',
    }),
  );
  await s.runJobs();
  const active = unwrap(await call('subscriptions.get', { id: created.subscription.id }));
  expect(active.subscription.state).toBe('active');
  expect(secretOf(s, 'sri.wahyuni')?.profile).toBe('rumah-10m');

  const agingAfter = unwrap(await call('billing.reports.aging', { asOf: until }));
  expect(agingAfter.rows.some((row) => row.customerId === customer.id)).toBe(false);
  expect(agingAfter.totals.total).toBe(agingBefore.totals.total - balance.due);
});
