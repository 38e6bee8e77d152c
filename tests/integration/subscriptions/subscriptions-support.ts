/**
 * Shared set-up for the subscription tests: a network test core (owner signed in, fast router
 * options), a RouterOS simulator with a router row, a customer and plans made through the channels.
 */
import type { Plan } from '../../../shared/contract/plans.contract';
import type { Router } from '../../../shared/contract/network.contract';
import type { ChannelInput } from '../../../shared/contract/index';
import { unwrap } from '../support/core-fixture';
import type { RouterOsSim } from '../../sim/routeros/routeros-sim';
import { networkTest, type NetworkTest } from '../network/network-support';
import { sim } from '../network/routeros-support';

export type SubscriptionTest = NetworkTest & {
  router: RouterOsSim;
  routerRow: Router;
  customerId: string;
  plan(fields?: Partial<ChannelInput<'plans.create'>>): Promise<Plan>;
  /** Moves the manual clock on by whole days and signs the owner in again (idle sessions end). */
  advanceDays(days: number): Promise<void>;
};

let planSerial = 0;

export async function subscriptionTest(): Promise<SubscriptionTest> {
  const n = await networkTest();
  const router = await sim();
  const routerRow = await n.addRouter(router);
  const customer = unwrap(
    await n.t.call('customers.create', { name: 'Budi Santoso', phone: '0812-3456-7890' }, n.owner.token),
  );
  const test: SubscriptionTest = {
    ...n,
    router,
    routerRow,
    customerId: customer.id,
    async plan(fields = {}) {
      planSerial += 1;
      return unwrap(
        await n.t.call(
          'plans.create',
          {
            name: `Rumah ${planSerial}`,
            downloadKbps: 10_000,
            uploadKbps: 5_000,
            price: 150_000,
            routerProfile: `paket-${planSerial}`,
            isolirProfile: 'isolir',
            ...fields,
          },
          test.owner.token,
        ),
      );
    },
    async advanceDays(days) {
      n.t.clock.advance(days * 86_400_000);
      test.owner = await n.t.login(n.owner.username, n.owner.password);
    },
  };
  return test;
}
