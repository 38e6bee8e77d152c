import type { ChannelInput } from '../../../../shared/contract/index';
import type { notifyChannels } from '../../../../shared/contract/notify.contract';
import type { BaseExampleContext, ExampleContext, PassAnswer } from '../channel-examples';
import { unwrap, type TestCore } from '../core-fixture';
import type { CustomersExampleContext } from './customers.examples';
import type { MapExampleContext } from './map.examples';
import type { PlansExampleContext } from './plans.examples';
import type { SubscriptionsExampleContext } from './subscriptions.examples';
import type { BillingExampleContext } from './billing.examples';
import type { SchedulerExampleContext } from './scheduler.examples';

type NotifyChannel = keyof typeof notifyChannels;

/** What the notify examples point at (ids made by prepareNotifyExamples). */
export type NotifyExampleContext = {
  /**
   * Outbox messages held because no gateway is set up (no gateway is ever set up in the examples,
   * so nothing is sent in the background): one to retry, one to cancel.
   */
  notifyRetryId: string;
  notifyCancelId: string;
};

/** Makes what the notify examples point at, through the channels, as the owner. */
export async function prepareNotifyExamples(
  t: TestCore,
  owner: string,
  _prior: BaseExampleContext &
    CustomersExampleContext &
    MapExampleContext &
    PlansExampleContext &
    SubscriptionsExampleContext &
    BillingExampleContext &
    SchedulerExampleContext,
): Promise<NotifyExampleContext> {
  const retry = unwrap(await t.call('notify.test', { channel: 'whatsapp', to: '0812-3456-7890' }, owner));
  const cancel = unwrap(
    await t.call('notify.test', { channel: 'email', to: 'pelanggan@example.com' }, owner),
  );
  return { notifyRetryId: retry.entry.id, notifyCancelId: cancel.entry.id };
}

/** One valid input per notify channel (see channelExamples). */
export const notifyExamples: { [C in NotifyChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {
  'notify.outbox.list': () => ({ state: 'pending', query: '0812' }),
  'notify.outbox.retry': (ctx) => ({ id: ctx.notifyRetryId }),
  'notify.outbox.cancel': (ctx) => ({ id: ctx.notifyCancelId }),
  'notify.templates.list': () => ({}),
  'notify.templates.update': () => ({
    key: 'invoice.issued',
    channel: 'whatsapp',
    body: 'Halo {nama}, tagihan {nomor} sebesar {jumlah} jatuh tempo {jatuh_tempo}.',
  }),
  'notify.templates.reset': () => ({ key: 'invoice.reminder.due', channel: 'email' }),
  'notify.settings.get': () => ({}),
  // Changes nothing that would let a channel send (no gateway in the examples).
  'notify.settings.update': () => ({
    adminEmail: 'admin@example.com',
    email: { port: 587, security: 'starttls' },
  }),
  'notify.test': () => ({ channel: 'discord' }),
};

/** Where a notify example answers a caller the gate lets through something other than ok. */
export const notifyPassAnswers: Partial<Record<NotifyChannel, PassAnswer>> = {};
