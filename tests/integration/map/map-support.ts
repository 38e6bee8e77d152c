/**
 * Shared set-up for the map and IP pool tests: a core with an owner, a router nothing answers for
 * (no test here talks to a router), and rows the other ISP parts would make (plans, subscriptions,
 * invoices, managed PPP secrets) written straight through the outbox writer, so these tests do not
 * depend on those parts' channels.
 */
import type { SubscriptionState } from '../../../electron/core/subscriptions/subscriptions.tables';
import { openTestCore, unwrap, type Signed, type TestCore } from '../support/core-fixture';
import { addUnreachableRouter, insertPlanRow } from '../support/isp-rows';

export type MapTest = {
  t: TestCore;
  owner: Signed;
  routerId: string;
  planId: string;
  /** A customer through customers.create; with a location when lat/lng are given. */
  customer(name: string, location?: [number, number]): Promise<string>;
  subscription(fields: {
    customerId: string;
    state: SubscriptionState;
    routerId?: string;
    remoteAddress?: string;
    odpId?: string | null;
    pppSecretId?: string | null;
  }): Promise<string>;
  /** A PPP secret Gerai manages (a row; no router job). */
  pppSecret(name: string, remoteAddress: string, routerId?: string): Promise<string>;
  invoice(fields: {
    customerId: string;
    dueDate: string;
    status: 'issued' | 'partial' | 'paid' | 'void' | 'draft';
  }): Promise<string>;
  setCustomerStatus(customerId: string, status: 'prospect' | 'active' | 'terminated'): Promise<void>;
  router(name: string): Promise<string>;
};

let serial = 0;

export async function openMapTest(): Promise<MapTest> {
  const t = await openTestCore({ core: { network: { statusIntervalMs: 0 } } });
  const owner = await t.setupOwner();
  const { writer, store } = t.core.deps;
  const db = store.db;
  const router = (name: string) => addUnreachableRouter(t, owner.token, name);
  const routerId = await router('POP Uji');
  const plan = await insertPlanRow(t);

  return {
    t,
    owner,
    routerId,
    planId: plan.id,
    router,
    async customer(name, location) {
      const id = unwrap(await t.call('customers.create', { name }, owner.token)).id;
      if (location) {
        unwrap(
          await t.call(
            'map.customers.setLocation',
            { customerId: id, latitude: location[0], longitude: location[1] },
            owner.token,
          ),
        );
      }
      return id;
    },
    async subscription(fields) {
      serial += 1;
      const row = await writer.insert(db, 'subscriptions', {
        code: `LGN-${String(serial).padStart(5, '0')}`,
        customer_id: fields.customerId,
        plan_id: plan.id,
        router_id: fields.routerId ?? routerId,
        username: `pelanggan.${serial}`,
        ppp_secret_id: fields.pppSecretId ?? null,
        remote_address: fields.remoteAddress ?? '',
        odp_id: fields.odpId ?? null,
        state: fields.state,
        anchor_day: 1,
        activated_on: fields.state === 'pending' ? null : '2030-01-01',
        terminated_on: fields.state === 'terminated' ? '2030-01-10' : null,
        notes: '',
      });
      return row.id;
    },
    async pppSecret(name, remoteAddress, onRouter) {
      const row = await writer.insert(db, 'ppp_secrets', {
        router_id: onRouter ?? routerId,
        name,
        profile: 'default',
        service: 'pppoe',
        remote_address: remoteAddress,
        disabled: 0,
        note: '',
      });
      return row.id;
    },
    async invoice(fields) {
      serial += 1;
      const row = await writer.insert(db, 'invoices', {
        number: `INV-UJI-${serial}`,
        customer_id: fields.customerId,
        subscription_id: null,
        period: null,
        period_start: null,
        period_end: null,
        issue_date: '2030-01-01',
        due_date: fields.dueDate,
        status: fields.status,
        subtotal: 150_000,
        discount: 0,
        ppn: 0,
        total: 150_000,
        paid: 0,
        credited: 0,
        notes: '',
        void_reason: '',
        paid_on: null,
      });
      return row.id;
    },
    async setCustomerStatus(customerId, status) {
      await writer.update(db, 'customers', customerId, { status });
    },
  };
}
