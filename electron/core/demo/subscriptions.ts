import { randomBytes } from 'node:crypto';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/index';
import { periodContaining } from '../../../shared/domain/billing-cycle';
import { addDays, daysBetween, localDate, type LocalDate } from '../../../shared/domain/calendar';
import { appendAudit } from '../audit/audit.service';
import { readBillingSettings } from '../billing/billing-settings';
import type { Core } from '../core';
import { pppSecretName, storeSecret } from '../network/secret-store';
import { formatCsv } from '../platform/csv';
import { branchTimeZone } from '../settings/settings.service';
import { ISP_PACKAGES, type CustomerCategory } from './customers';
import { demoCounts, demoRandom, type DemoData } from './generate';

/**
 * The ISP side of the demo: the routers, one service plan per package the demo sells, the customers
 * (through `customers.import`) and about 500 × scale active subscriptions — every customer who takes
 * the internet service, plus second lines (a kos with two access points, a shop with a backup line)
 * up to the scale's count, so scale 100 gives 50,000 subscriptions for the billing benchmark.
 *
 * Subscriptions have no bulk channel, and activating 50,000 through `subscriptions.activate` would
 * queue 100,000 router jobs for routers that do not exist; so they are written the way the service
 * writes them (outbox writer, the managed PPP secret with a sealed random password, an `activate`
 * event each, the customer marked active, one audit entry per batch) without queuing router jobs.
 * Their activation days fall in the current billing period, so the first billing run makes one
 * (prorated) invoice each instead of a backlog of months never billed.
 */

export type DemoPlan = {
  name: string;
  downloadKbps: number;
  uploadKbps: number;
  price: number;
  routerProfile: string;
  category: CustomerCategory;
};

export type DemoSubscription = {
  /** Index into `data.customers`. */
  customer: number;
  routerName: string;
  planName: string;
  username: string;
  /** Days after the current period's start it was activated on (never after today). */
  activationOffset: number;
};

export type IspLoadStage = 'routers' | 'plans' | 'customers' | 'subscriptions';
export type IspLoadProgress = (event: { stage: IspLoadStage; done: number; total: number }) => void;
export type IspLoadResult = {
  routers: number;
  plans: number;
  customers: number;
  subscriptions: number;
  secondLines: number;
  timings: Record<IspLoadStage, number>;
};

/** Subscriptions per write transaction: ≈ 50 ms of work each (DESIGN.md's slice). */
const SUBSCRIPTION_BATCH = 250;
/** The API password of the demo routers: a placeholder, since nothing answers at their addresses. */
export const DEMO_ROUTER_PASSWORD = 'ganti-password-router';

/** One plan per package the demo sells: "Rumahan 20 Mbps" → 20 Mbps down, a quarter of it up. */
export function demoPlans(): DemoPlan[] {
  return (Object.keys(ISP_PACKAGES) as CustomerCategory[]).flatMap((category) =>
    ISP_PACKAGES[category].map((pkg) => {
      const mbps = Number(/(\d+) Mbps/.exec(pkg.name)?.[1] ?? 10);
      return {
        name: pkg.name,
        downloadKbps: mbps * 1000,
        uploadKbps: Math.max(1000, Math.round(mbps / 4) * 1000),
        price: pkg.monthlyFee,
        routerProfile: `paket-${pkg.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        category,
      };
    }),
  );
}

/**
 * The demo's subscriptions, deterministic for a seed and scale: one per customer with an ISP service,
 * then second (third, …) lines on randomly chosen subscribers until there are 500 × scale.
 */
export function planDemoSubscriptions(data: DemoData): DemoSubscription[] {
  const random = demoRandom(data.meta.seed).fork('subscriptions');
  const target = demoCounts(data.meta.scale).customers;
  const usernames = new Set<string>();
  const subs: DemoSubscription[] = [];
  const subscribers: number[] = [];
  data.customers.forEach((customer, index) => {
    if (!customer.isp) return;
    usernames.add(customer.isp.username);
    subscribers.push(index);
    subs.push({
      customer: index,
      routerName: customer.isp.routerName,
      planName: customer.isp.packageName,
      username: customer.isp.username,
      activationOffset: random.int(0, 27),
    });
  });
  while (subs.length < target && subscribers.length > 0) {
    const index = random.pick(subscribers);
    const isp = data.customers[index]!.isp!;
    let username = `${isp.username}.2`;
    for (let n = 3; usernames.has(username); n++) username = `${isp.username}.${n}`;
    usernames.add(username);
    const packages = ISP_PACKAGES[data.customers[index]!.category];
    subs.push({
      customer: index,
      routerName: isp.routerName,
      planName: random.pick(packages).name,
      username,
      activationOffset: random.int(0, 27),
    });
  }
  return subs;
}

/** The demo customers as a `customers.import` CSV (Indonesian headers). */
export function demoCustomersCsv(data: DemoData): string {
  return formatCsv([
    ['nama', 'whatsapp', 'nik', 'alamat', 'kategori', 'lat', 'lng', 'catatan'],
    ...data.customers.map((c) => [
      c.name,
      c.whatsapp,
      c.nik,
      c.address,
      c.category,
      c.lat,
      c.lng,
      c.category === 'business' ? `Kontak: ${c.contactName}` : '',
    ]),
  ]);
}

export type IspLoadOptions = {
  core: Core;
  /** A session token of the owner. */
  token: string;
  data: DemoData;
  onProgress?: IspLoadProgress;
};

export async function loadIspData(options: IspLoadOptions): Promise<IspLoadResult> {
  const { core, token, data } = options;
  const report = options.onProgress ?? (() => {});
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await core.dispatch(channel, input, { token, locale: 'en' });
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} — ${result.error.message}`);
    return result.data as ChannelOutput<C>;
  };
  const timings: Record<IspLoadStage, number> = { routers: 0, plans: 0, customers: 0, subscriptions: 0 };
  const timed = async <T>(stage: IspLoadStage, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      timings[stage] = Date.now() - started;
    }
  };

  const routerIds = await timed('routers', async () => {
    const ids = new Map<string, string>();
    for (const [i, router] of data.routers.entries()) {
      const created = await call('network.routers.create', {
        name: router.name,
        host: router.host,
        port: router.port,
        tls: router.tls,
        username: router.apiUsername,
        password: DEMO_ROUTER_PASSWORD,
        location: router.location,
        latitude: router.lat,
        longitude: router.lng,
        notes: `${router.boardName}, RouterOS ${router.routerOsVersion} (data demo)`,
      });
      ids.set(router.name, created.id);
      report({ stage: 'routers', done: i + 1, total: data.routers.length });
    }
    return ids;
  });

  const plans = demoPlans();
  const planIds = await timed('plans', async () => {
    const ids = new Map<string, string>();
    for (const [i, plan] of plans.entries()) {
      const created = await call('plans.create', {
        name: plan.name,
        downloadKbps: plan.downloadKbps,
        uploadKbps: plan.uploadKbps,
        price: plan.price,
        routerProfile: plan.routerProfile,
        isolirMethod: 'profile',
        isolirProfile: 'isolir',
        installationFee: plan.category === 'business' ? 500_000 : 250_000,
      });
      ids.set(plan.name, created.id);
      report({ stage: 'plans', done: i + 1, total: plans.length });
    }
    return ids;
  });

  const customerIds = await timed('customers', async () => {
    const result = await call('customers.import', { csv: demoCustomersCsv(data) });
    if (result.errors.length > 0) {
      const first = result.errors.slice(0, 5).map((e) => `row ${e.row} ${e.column}: ${e.message.en}`);
      throw new Error(
        `the demo customers were refused (${result.errors.length} errors): ${first.join('; ')}`,
      );
    }
    report({ stage: 'customers', done: result.created, total: data.customers.length });
    // No channel lists 50k customers by phone cheaply, so the ids are read back (a read only).
    const byPhone = new Map(
      (
        core.deps.store.sqlite.prepare('SELECT phone, id FROM customers WHERE deleted_at IS NULL').all() as {
          phone: string;
          id: string;
        }[]
      ).map((row) => [row.phone, row.id]),
    );
    return data.customers.map((customer) => {
      const id = byPhone.get(customer.whatsapp);
      if (!id) throw new Error(`customer ${customer.whatsapp} is not in the store after the import`);
      return id;
    });
  });

  const planned = planDemoSubscriptions(data);
  await timed('subscriptions', () =>
    writeSubscriptions(core, token, planned, { routerIds, planIds, customerIds }, report),
  );

  return {
    routers: routerIds.size,
    plans: planIds.size,
    customers: customerIds.length,
    subscriptions: planned.length,
    secondLines: planned.length - data.customers.filter((c) => c.isp).length,
    timings,
  };
}

async function writeSubscriptions(
  core: Core,
  token: string,
  planned: readonly DemoSubscription[],
  ids: { routerIds: Map<string, string>; planIds: Map<string, string>; customerIds: string[] },
  report: IspLoadProgress,
): Promise<void> {
  const deps = core.deps;
  const me = await core.dispatch('auth.session.me', {}, { token });
  if (!me.ok) throw new Error(`auth.session.me failed: ${me.error.code}`);
  const user = (me.data as ChannelOutput<'auth.session.me'>).user;
  const actor = { userId: user.id, username: user.username };
  const db = deps.store.db;
  const today = localDate(deps.clock.now(), await branchTimeZone(db));
  const settings = await readBillingSettings({ db });
  // Activation days fall in the current period (from the last billing day up to today).
  const periodStart = periodContaining(today, settings.billingDay).start;
  const span = Math.max(0, daysBetween(periodStart, today));
  const codes = await reserveCodes(core, planned.length);
  const plans = new Map(
    (await db.selectFrom('plans').select(['id', 'router_profile']).execute()).map((p) => [
      p.id,
      p.router_profile,
    ]),
  );
  const now = deps.clock.now();
  const activated = new Set<string>();

  for (let start = 0; start < planned.length; start += SUBSCRIPTION_BATCH) {
    const batch = planned.slice(start, start + SUBSCRIPTION_BATCH);
    await db.transaction().execute(async (trx) => {
      const rows = batch.map((sub, i) => {
        const activatedOn: LocalDate = addDays(periodStart, Math.min(span, sub.activationOffset));
        const routerId = ids.routerIds.get(sub.routerName);
        const planId = ids.planIds.get(sub.planName);
        if (!routerId || !planId) throw new Error(`no router ${sub.routerName} or plan ${sub.planName}`);
        return {
          code: codes[start + i]!,
          customer_id: ids.customerIds[sub.customer]!,
          plan_id: planId,
          router_id: routerId,
          username: sub.username,
          ppp_secret_id: null,
          remote_address: '',
          odp_id: null,
          state: 'active' as const,
          anchor_day:
            settings.billingMode === 'anniversary' ? Number(activatedOn.slice(8)) : settings.billingDay,
          activated_on: activatedOn,
          terminated_on: null,
          notes: 'data demo',
        };
      });
      // The managed PPP secret each subscription's activation would have made (its password sealed).
      const secrets = await deps.writer.insertMany(
        trx,
        'ppp_secrets',
        rows.map((row) => ({
          router_id: row.router_id,
          name: row.username,
          profile: plans.get(row.plan_id) ?? 'default',
          service: 'pppoe',
          remote_address: '',
          disabled: 0,
          note: row.code,
        })),
      );
      for (const secret of secrets) {
        await storeSecret(
          trx,
          deps.secrets,
          pppSecretName(secret.id),
          randomBytes(9).toString('base64url'),
          now,
        );
      }
      const inserted = await deps.writer.insertMany(
        trx,
        'subscriptions',
        rows.map((row, i) => ({ ...row, ppp_secret_id: secrets[i]!.id })),
      );
      await deps.writer.insertMany(
        trx,
        'subscription_events',
        inserted.map((sub) => ({
          subscription_id: sub.id,
          kind: 'activate' as const,
          from_state: 'pending' as const,
          to_state: 'active' as const,
          reason: 'data demo',
          user_id: actor.userId,
          details: JSON.stringify({ activatedOn: sub.activated_on, anchorDay: sub.anchor_day }),
        })),
      );
      for (const sub of inserted) {
        if (activated.has(sub.customer_id)) continue;
        activated.add(sub.customer_id);
        await deps.writer.update(trx, 'customers', sub.customer_id, { status: 'active' });
      }
      await appendAudit(trx, deps, actor, 'demo.load', {
        entity: 'subscription',
        entityId: null,
        before: null,
        after: {
          loaded: inserted.length,
          firstCode: rows[0]?.code ?? null,
          lastCode: rows.at(-1)?.code ?? null,
        },
      });
    });
    report({
      stage: 'subscriptions',
      done: Math.min(planned.length, start + batch.length),
      total: planned.length,
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  deps.syncStatus.changed();
}

/** `count` subscription codes in one step (`LGN-<device>-<seq>`, the sequence subscriptions.create uses). */
async function reserveCodes(core: Core, count: number): Promise<string[]> {
  const device = core.deps.device.code;
  const row = await core.deps.store.db
    .insertInto('doc_sequences')
    .values({ prefix: `LGN/${device}`, last: count })
    .onConflict((oc) =>
      oc.column('prefix').doUpdateSet((eb) => ({ last: eb('doc_sequences.last', '+', count) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  const first = row.last - count + 1;
  return Array.from({ length: count }, (_, i) => `LGN-${device}-${String(first + i).padStart(5, '0')}`);
}
