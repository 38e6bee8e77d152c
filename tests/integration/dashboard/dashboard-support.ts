/**
 * Set-up for the dashboard tests: a core with an owner, the shop floor (WH-01) and one router nothing
 * answers for. Sales, stock, routers and notices go through the channels where a channel makes them
 * plainly; ISP rows the other parts would make (plans, subscriptions, invoices, invoice payments) and
 * local status rows (router status, router jobs, outbox entries) are written straight to the store so
 * each number the dashboard shows is known exactly.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/index';
import type { SubscriptionState } from '../../../electron/core/subscriptions/subscriptions.tables';
import type { RouterJobState } from '../../../electron/core/network/network.tables';
import type { NotifyState } from '../../../electron/core/notify/notify.tables';
import { openTestCore, unwrap, type Signed, type TestCore } from '../support/core-fixture';
import { addUnreachableRouter, insertPlanRow } from '../support/isp-rows';

export type DashboardTest = {
  t: TestCore;
  owner: Signed;
  warehouseId: string;
  routerId: string;
  planId: string;
  /** A one-item product; answers the item id. */
  item(sku: string, price: number, lowStockThreshold?: number): Promise<string>;
  receive(itemId: string, quantity: number, warehouseId?: string): Promise<void>;
  openShift(openingFloat?: number): Promise<ChannelOutput<'pos.shifts.open'>>;
  sell(
    lines: ChannelInput<'pos.sales.complete'>['lines'],
    payments: ChannelInput<'pos.sales.complete'>['payments'],
    token?: string,
  ): Promise<ChannelOutput<'pos.sales.complete'>>;
  router(name: string): Promise<string>;
  customer(name: string): Promise<string>;
  subscription(customerId: string, state: SubscriptionState): Promise<string>;
  invoice(fields: {
    customerId: string;
    dueDate: string;
    status: 'draft' | 'issued' | 'partial' | 'paid' | 'void';
    total: number;
    paid?: number;
    credited?: number;
  }): Promise<string>;
  billingPayment(fields: {
    customerId: string;
    amount: number;
    receivedOn: string;
    voided?: boolean;
  }): Promise<void>;
  routerStatus(routerId: string, online: boolean, checkedAt?: number): Promise<void>;
  routerJob(routerId: string, state: RouterJobState): Promise<void>;
  outboxEntry(state: NotifyState, held?: boolean): Promise<void>;
  summary(token?: string): Promise<ChannelOutput<'dashboard.summary'>>;
};

let serial = 0;

export async function openDashboardTest(): Promise<DashboardTest> {
  const t = await openTestCore({ core: { network: { statusIntervalMs: 0 } } });
  const owner = await t.setupOwner();
  const { writer, store } = t.core.deps;
  const db = store.db;
  const warehouseId = unwrap(await t.call('inventory.warehouses.list', {}, owner.token)).find(
    (w) => w.code === 'WH-01',
  )!.id;
  const router = (name: string) => addUnreachableRouter(t, owner.token, name);
  const routerId = await router('POP Uji');
  const plan = await insertPlanRow(t);

  const test: DashboardTest = {
    t,
    owner,
    warehouseId,
    routerId,
    planId: plan.id,
    router,
    async item(sku, price, lowStockThreshold = 0) {
      const product = unwrap(
        await t.call(
          'catalog.products.create',
          { name: `Barang ${sku}`, items: [{ sku, price, lowStockThreshold }] },
          owner.token,
        ),
      );
      return product.items[0]!.id;
    },
    async receive(itemId, quantity, into = warehouseId) {
      unwrap(
        await t.call(
          'inventory.stock.receive',
          { warehouseId: into, supplier: 'CV Pemasok', lines: [{ itemId, quantity, unitCost: 1_000 }] },
          owner.token,
        ),
      );
    },
    async openShift(openingFloat = 200_000) {
      return unwrap(await t.call('pos.shifts.open', { warehouseId, openingFloat }, owner.token));
    },
    async sell(lines, payments, token = owner.token) {
      return unwrap(await t.call('pos.sales.complete', { id: randomUUID(), lines, payments }, token));
    },
    async customer(name) {
      return unwrap(await t.call('customers.create', { name }, owner.token)).id;
    },
    async subscription(customerId, state) {
      serial += 1;
      const row = await writer.insert(db, 'subscriptions', {
        code: `LGN-${String(serial).padStart(5, '0')}`,
        customer_id: customerId,
        plan_id: plan.id,
        router_id: routerId,
        username: `pelanggan.${serial}`,
        ppp_secret_id: null,
        remote_address: '',
        odp_id: null,
        state,
        anchor_day: 1,
        activated_on: state === 'pending' ? null : '2030-01-01',
        terminated_on: state === 'terminated' ? '2030-01-10' : null,
        notes: '',
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
        subtotal: fields.total,
        discount: 0,
        ppn: 0,
        total: fields.total,
        paid: fields.paid ?? 0,
        credited: fields.credited ?? 0,
        notes: '',
        void_reason: '',
        paid_on: null,
      });
      return row.id;
    },
    async billingPayment(fields) {
      serial += 1;
      await writer.insert(db, 'billing_payments', {
        number: `BYR-UJI-${serial}`,
        customer_id: fields.customerId,
        amount: fields.amount,
        method: 'cash',
        reference: '',
        received_by: owner.userId,
        shift_id: null,
        received_on: fields.receivedOn,
        voided_at: fields.voided ? t.clock.now() : null,
        notes: '',
      });
    },
    async routerStatus(id, online, checkedAt = t.clock.now()) {
      await db
        .insertInto('router_status')
        .values({
          router_id: id,
          online: online ? 1 : 0,
          latency_ms: online ? 3 : null,
          last_seen_at: online ? checkedAt : checkedAt - 3_600_000,
          checked_at: checkedAt,
          version: null,
          identity: null,
          board: null,
          uptime: null,
          cpu_load: null,
          free_memory: null,
          total_memory: null,
          last_error: online ? null : 'connect ECONNREFUSED',
        })
        .onConflict((oc) =>
          oc.column('router_id').doUpdateSet({ online: online ? 1 : 0, checked_at: checkedAt }),
        )
        .execute();
    },
    async routerJob(id, state) {
      const now = t.clock.now();
      await db
        .insertInto('router_jobs')
        .values({
          id: randomUUID(),
          router_id: id,
          operation: 'ppp.secret.upsert',
          payload: '{}',
          label: `Tugas uji ${state}`,
          state,
          attempts: state === 'pending' ? 1 : 3,
          // A pending job waits an hour of the (manual) clock: the runner leaves it alone meanwhile.
          next_attempt_at: state === 'pending' ? now + 3_600_000 : null,
          last_error: state === 'failed' ? 'router menolak' : null,
          result: null,
          created_by: owner.userId,
          created_at: now,
          updated_at: now,
          finished_at: state === 'done' || state === 'failed' || state === 'cancelled' ? now : null,
        })
        .execute();
    },
    async outboxEntry(state, held = false) {
      const now = t.clock.now();
      serial += 1;
      await db
        .insertInto('notify_outbox')
        .values({
          id: randomUUID(),
          dedupe_key: `uji:${serial}`,
          channel: 'whatsapp',
          adapter: 'fonnte',
          template_key: 'invoice.reminder.due',
          customer_id: null,
          recipient: '+6281234567890',
          subject: '',
          body: 'Tagihan jatuh tempo hari ini.',
          payload: '{}',
          state,
          attempts: state === 'failed' ? 5 : 0,
          next_attempt_at: state === 'pending' && !held ? now + 3_600_000 : null,
          last_error: state === 'failed' ? 'HTTP 500' : null,
          provider_id: null,
          created_at: now,
          updated_at: now,
          sent_at: state === 'sent' ? now : null,
        })
        .execute();
    },
    async summary(token = owner.token) {
      return unwrap(await t.call('dashboard.summary', {}, token));
    },
  };
  return test;
}
