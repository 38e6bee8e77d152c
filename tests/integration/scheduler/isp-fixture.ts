import { randomUUID } from 'node:crypto';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/index';
import { addDays, startOfLocalDay } from '../../../shared/domain/calendar';
import { openTestCore, unwrap, type Signed, type TestCore } from '../support/core-fixture';

/** A branch with the ISP office set up: a router nobody answers for, a plan, dunning rules. */
export type Isp = {
  t: TestCore;
  owner: Signed;
  routerId: string;
  planId: string;
  /** Sets the manual clock to 09:00 on a local day (Asia/Jakarta) and signs the owner in again. */
  setDay(day: string): Promise<void>;
  customer(name: string): Promise<string>;
  /** A customer with an active subscription; answers both ids. */
  subscriber(name: string): Promise<{ customerId: string; subscriptionId: string }>;
  runDue(until?: string): Promise<ChannelOutput<'scheduler.runDue'>>;
  pay(
    customerId: string,
    amount: number,
    method?: 'cash' | 'transfer' | 'qris',
    token?: string,
  ): Promise<void>;
  /** Raw reads for what no channel shows (dunning steps, scheduler rows). */
  rows<T>(query: string, ...params: unknown[]): T[];
};

const TZ = 'Asia/Jakarta';
const NINE_AM = 9 * 60 * 60 * 1000;

/** The dunning rules the scheduler tests use (billing day 1, due after 10 days). */
export const DUNNING: ChannelInput<'billing.settings.update'> = {
  billingMode: 'fixed',
  billingDay: 1,
  issueDaysBefore: 0,
  dueDays: 10,
  reminderBeforeDays: [3],
  reminderOnDue: true,
  reminderAfterDays: [1, 3],
  graceDays: 3,
  lateFeeType: 'fixed',
  lateFeeValue: 10_000,
  isolirAfterDays: 5,
  autoIsolir: true,
};

export async function openIsp(options: { core?: Parameters<typeof openTestCore>[0] } = {}): Promise<Isp> {
  const t = await openTestCore(options.core);
  // The owner's current session (a time jump signs them in again).
  const session = { owner: await t.setupOwner() };
  const call = <C extends Parameters<TestCore['call']>[0]>(
    channel: C,
    input: ChannelInput<C>,
    token?: string,
  ) => t.call(channel, input, token ?? session.owner.token).then(unwrap);
  const router = await call('network.routers.create', {
    name: 'POP Condongcatur',
    host: '127.0.0.1',
    port: 1,
    username: 'gerai-api',
    password: 'Router-Contoh-2030',
  });
  const plan = await call('plans.create', {
    name: 'Rumahan 20 Mbps',
    downloadKbps: 20_000,
    uploadKbps: 5_000,
    price: 200_000,
    taxMode: 'exempt',
    routerProfile: 'paket-20M',
    isolirMethod: 'profile',
    isolirProfile: 'isolir',
  });
  await call('billing.settings.update', DUNNING);
  // Messages are held (no gateway) but queued, so the outbox shows every reminder.
  await call('notify.settings.update', { whatsapp: { enabled: true } });
  let serial = 0;
  const isp: Isp = {
    t,
    get owner() {
      return session.owner;
    },
    routerId: router.id,
    planId: plan.id,
    async setDay(day) {
      t.clock.set(startOfLocalDay(day, TZ) + NINE_AM);
      // Time jumps past the idle timeout: the old session has ended.
      session.owner = await t.login(session.owner.username);
    },
    async customer(name) {
      serial += 1;
      const phone = `0812${String(3000_0000 + serial)}`;
      return (await call('customers.create', { name, phone })).id;
    },
    async subscriber(name) {
      const customerId = await isp.customer(name);
      const { subscription } = await call('subscriptions.create', {
        customerId,
        planId: plan.id,
        routerId: router.id,
      });
      await call('subscriptions.activate', { id: subscription.id, reason: 'pasang baru' });
      return { customerId, subscriptionId: subscription.id };
    },
    runDue: (until) => call('scheduler.runDue', until ? { until } : {}),
    async pay(customerId, amount, method = 'cash', token) {
      await call('billing.payments.record', { id: randomUUID(), customerId, amount, method }, token);
    },
    rows: <T>(query: string, ...params: unknown[]) =>
      t.core.deps.store.sqlite.prepare(query).all(...params) as T[],
  };
  return isp;
}

/** The day after `day` (test readability). */
export const nextDay = (day: string) => addDays(day, 1);
