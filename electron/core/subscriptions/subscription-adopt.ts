/**
 * Adopting an ISP's existing PPPoE secrets: the secrets already on a MikroTik that Gerai does not
 * manage become customers (existing or new) and live subscriptions without retyping anything. The
 * router is read first (no transaction waits on a router); the rows are written in one transaction
 * of their own, all or nothing, and one `ppp.secret.sync` job tags the secrets `gerai:<row id>`
 * with the password, profile, service, address and disabled flag the router already has, so the sync
 * changes nothing else and kicks no session of an enabled secret.
 */
import type {
  AdoptCandidate,
  AdoptError,
  SubscriptionState,
} from '../../../shared/contract/subscriptions.contract';
import { anniversaryAnchor } from '../../../shared/domain/billing-cycle';
import { formatIpv4, parseIpv4 } from '../../../shared/domain/ipv4';
import { normalizeIndonesianPhone } from '../../../shared/domain/phone';
import type { ParsedInput } from '../api-types';
import { readBillingSettings } from '../billing/billing-settings';
import type { HandlerContext } from '../context';
import { nextCode } from '../documents/document-number';
import { checkAddress } from '../ipam/ip-assign';
import { inOwnTransaction } from '../network/own-transaction';
import { enqueuePppSecretSync } from '../network/ppp.service';
import { routerBool, taggedRowId } from '../network/router-comment';
import { readFromRouter, type RouterRecord } from '../network/routers.service';
import { pppSecretName, storeSecret } from '../network/secret-store';
import type { Message } from '../platform/errors';
import type { PlanRow } from '../plans/plans.tables';
import type { Isolation } from './subscription-provisioning';
import { branchToday, refreshCustomerStatus } from './subscription-records';

type Db = Pick<HandlerContext, 'db'>;

/** The reason every adoption event carries. */
export const ADOPT_REASON = 'adopted from router';

const ADOPT_PROPS = [
  '.id',
  'name',
  'password',
  'profile',
  'service',
  'remote-address',
  'disabled',
  'comment',
  'caller-id',
] as const;

/** A router's secret as adoption reads it. */
type RouterSecret = {
  name: string;
  password: string | null;
  profile: string;
  service: string;
  /** Canonical dotted quad when it parses, else as the router shows it; empty when none. */
  remoteAddress: string;
  disabled: boolean;
  comment: string;
  callerId: string;
};

function toRouterSecret(item: RouterRecord): RouterSecret {
  const address = (item['remote-address'] ?? '').trim();
  const parsed = address ? parseIpv4(address) : null;
  return {
    name: item.name ?? '',
    password: item.password ?? null,
    profile: item.profile ?? 'default',
    service: item.service ?? 'any',
    remoteAddress: parsed === null ? address : formatIpv4(parsed),
    disabled: routerBool(item.disabled),
    comment: item.comment ?? '',
    callerId: item['caller-id'] ?? '',
  };
}

/** The comment without a stale `gerai:<id>` tag (a row deleted in Gerai, the item left behind). */
function plainComment(comment: string): string {
  if (taggedRowId(comment) === null) return comment.trim();
  const space = comment.indexOf(' ');
  return space === -1 ? '' : comment.slice(space + 1).trim();
}

/** Lower case, letters and digits only, single spaces: how names are compared. */
function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function titleCase(text: string): string {
  return text.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

/** A new customer's name: the comment when it has letters, else the secret's name ("budi.santoso" → "Budi Santoso"). */
export function suggestedCustomerName(secretName: string, comment: string): string {
  const fromComment = plainComment(comment).replace(/\s+/g, ' ').trim();
  if (/\p{L}/u.test(fromComment) && normalizeIndonesianPhone(fromComment) === null) {
    const name = fromComment === fromComment.toLowerCase() ? titleCase(fromComment) : fromComment;
    return name.slice(0, 100);
  }
  const fromName = secretName
    .replace(/@.*$/, '')
    .replace(/[._\-\s]+/g, ' ')
    .trim();
  return titleCase(fromName || secretName).slice(0, 100);
}

type CustomerBrief = { id: string; code: string; name: string };

/** Finds customers by code, name or WhatsApp number; a key two customers share finds nobody. */
class CustomerIndex {
  private readonly byCode = new Map<string, CustomerBrief>();
  private readonly byPhone = new Map<string, CustomerBrief | null>();
  private readonly byName = new Map<string, CustomerBrief | null>();

  constructor(rows: readonly (CustomerBrief & { phone: string })[]) {
    for (const row of rows) {
      const brief = { id: row.id, code: row.code, name: row.name };
      this.byCode.set(row.code.toLowerCase(), brief);
      if (row.phone) this.byPhone.set(row.phone, this.byPhone.has(row.phone) ? null : brief);
      const key = nameKey(row.name);
      if (key) this.byName.set(key, this.byName.has(key) ? null : brief);
    }
  }

  match(secretName: string, comment: string): CustomerBrief | null {
    const texts = [secretName, plainComment(comment)].filter((text) => text.trim() !== '');
    for (const text of texts) {
      const byCode = this.byCode.get(text.trim().toLowerCase());
      if (byCode) return byCode;
    }
    for (const text of texts) {
      const phone = normalizeIndonesianPhone(text);
      const byPhone = phone ? this.byPhone.get(phone) : undefined;
      if (byPhone) return byPhone;
    }
    for (const text of texts) {
      const byName = this.byName.get(nameKey(text));
      if (byName) return byName;
    }
    return null;
  }
}

async function customerIndex(ctx: Db): Promise<CustomerIndex> {
  const rows = await ctx.db
    .selectFrom('customers')
    .select(['id', 'code', 'name', 'phone'])
    .where('deleted_at', 'is', null)
    .execute();
  return new CustomerIndex(rows);
}

/** Live PPPoE plans, first by name per router profile. */
async function plansByProfile(ctx: Db): Promise<Map<string, PlanRow>> {
  const rows = await ctx.db
    .selectFrom('plans')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('archived', '=', 0)
    .where('service', '=', 'pppoe')
    .orderBy('name')
    .execute();
  const out = new Map<string, PlanRow>();
  for (const row of rows) if (!out.has(row.router_profile)) out.set(row.router_profile, row);
  return out;
}

/** Names Gerai manages on the router: its live PPP secrets and the usernames of live subscriptions. */
async function namesInUse(
  ctx: Db,
  routerId: string,
): Promise<{ secrets: Set<string>; subscriptions: Set<string> }> {
  const secrets = await ctx.db
    .selectFrom('ppp_secrets')
    .select('name')
    .where('router_id', '=', routerId)
    .where('deleted_at', 'is', null)
    .execute();
  const subscriptions = await ctx.db
    .selectFrom('subscriptions')
    .select('username')
    .where('router_id', '=', routerId)
    .where('deleted_at', 'is', null)
    .where('state', '!=', 'terminated')
    .execute();
  return {
    secrets: new Set(secrets.map((row) => row.name)),
    subscriptions: new Set(subscriptions.map((row) => row.username)),
  };
}

/** Whether the secret is isolated under the plan: disabled, or on the plan's isolir profile. */
function isolatedUnder(secret: RouterSecret, plan: PlanRow | null): boolean {
  if (secret.disabled) return true;
  return Boolean(
    plan && plan.isolir_method === 'profile' && plan.isolir_profile && secret.profile === plan.isolir_profile,
  );
}

function nameUsedBySubscription(name: string): Message {
  return {
    id: `Nama ${name} sudah dipakai langganan lain di Gerai (belum aktif).`,
    en: `The name ${name} is already used by another subscription in Gerai (not active yet).`,
  };
}

/** Reads the router's PPP secrets (with passwords) and keeps those with a name. */
async function readRouterSecrets(ctx: HandlerContext, routerId: string): Promise<RouterSecret[]> {
  const items = await readFromRouter(ctx, routerId, (client) =>
    client.print('/ppp/secret', { proplist: ADOPT_PROPS }),
  );
  return items.map(toRouterSecret).filter((secret) => secret.name !== '');
}

// ---- preview -------------------------------------------------------------------------------------

export async function previewAdoption(
  ctx: HandlerContext,
  input: ParsedInput<'subscriptions.adopt.preview'>,
) {
  const secrets = await readRouterSecrets(ctx, input.routerId);
  const inUse = await namesInUse(ctx, input.routerId);
  const plans = await plansByProfile(ctx);
  const customers = await customerIndex(ctx);
  const out: AdoptCandidate[] = [];
  let managed = 0;
  for (const secret of secrets) {
    if (inUse.secrets.has(secret.name)) {
      managed += 1;
      continue;
    }
    const plan = plans.get(secret.profile) ?? null;
    let conflict: Message | null = null;
    if (inUse.subscriptions.has(secret.name)) conflict = nameUsedBySubscription(secret.name);
    else if (secret.remoteAddress) {
      const problem = await checkAddress(ctx, input.routerId, secret.remoteAddress);
      if (problem?.reason === 'taken') conflict = problem.message;
    }
    out.push({
      name: secret.name,
      profile: secret.profile,
      service: secret.service,
      remoteAddress: secret.remoteAddress,
      disabled: secret.disabled,
      comment: secret.comment,
      callerId: secret.callerId,
      passwordReadable: secret.password !== null,
      suggestedPlan: plan ? { id: plan.id, name: plan.name } : null,
      suggestedCustomer: customers.match(secret.name, secret.comment),
      suggestedName: suggestedCustomerName(secret.name, secret.comment),
      suggestedState: isolatedUnder(secret, plan) ? 'isolated' : 'active',
      conflict,
    });
  }
  out.sort((a, b) => a.name.localeCompare(b.name));
  return { routerId: input.routerId, checkedAt: ctx.clock.now(), managed, secrets: out };
}

// ---- adopt ---------------------------------------------------------------------------------------

type AdoptInput = ParsedInput<'subscriptions.adopt'>;
type Item = AdoptInput['items'][number];

/** An item that passed every check, with what it adopts. */
type Checked = {
  item: Item;
  secret: RouterSecret & { password: string };
  plan: PlanRow;
  state: Exclude<SubscriptionState, 'pending' | 'terminated'>;
  isolation: Isolation | null;
};

/** Every item's problems (none written), or the items ready to write. */
async function checkItems(
  ctx: HandlerContext,
  routerId: string,
  items: readonly Item[],
  onRouter: readonly RouterSecret[],
): Promise<{ errors: AdoptError[]; checked: Checked[] }> {
  const errors: AdoptError[] = [];
  const fail = (name: string, field: string, message: Message) => errors.push({ name, field, message });
  const secrets = new Map(onRouter.map((secret) => [secret.name, secret]));
  const inUse = await namesInUse(ctx, routerId);
  const planIds = [...new Set(items.map((item) => item.planId))];
  const plans = new Map(
    (
      await ctx.db
        .selectFrom('plans')
        .selectAll()
        .where('id', 'in', planIds)
        .where('deleted_at', 'is', null)
        .execute()
    ).map((plan) => [plan.id, plan]),
  );
  const customerIds = [...new Set(items.flatMap((item) => (item.customerId ? [item.customerId] : [])))];
  const customers =
    customerIds.length === 0
      ? new Set<string>()
      : new Set(
          (
            await ctx.db
              .selectFrom('customers')
              .select('id')
              .where('id', 'in', customerIds)
              .where('deleted_at', 'is', null)
              .execute()
          ).map((row) => row.id),
        );
  const seenNames = new Set<string>();
  const seenAddresses = new Map<string, string>();
  const checked: Checked[] = [];
  for (const item of items) {
    const before = errors.length;
    const name = item.name;
    if (seenNames.has(name)) {
      fail(name, 'name', {
        id: `Secret ${name} disebut dua kali.`,
        en: `The secret ${name} is listed twice.`,
      });
      continue;
    }
    seenNames.add(name);
    const secret = secrets.get(name);
    if (!secret) {
      fail(name, 'name', {
        id: `Secret ${name} tidak ada di router ini.`,
        en: `There is no secret named ${name} on this router.`,
      });
      continue;
    }
    // A name Gerai already manages: the rest (its own address, …) would only repeat that.
    if (inUse.secrets.has(name)) {
      fail(name, 'name', {
        id: `Secret ${name} sudah dikelola Gerai.`,
        en: `The secret ${name} is already managed by Gerai.`,
      });
      continue;
    }
    if (inUse.subscriptions.has(name)) {
      fail(name, 'name', nameUsedBySubscription(name));
      continue;
    }
    if (secret.password === null) {
      fail(name, 'password', {
        id: `Router tidak menampilkan kata sandi ${name}: beri user API policy "sensitive".`,
        en: `The router did not show the password of ${name}: give the API user the "sensitive" policy.`,
      });
    }
    const plan = plans.get(item.planId) ?? null;
    if (!plan) {
      fail(name, 'planId', { id: 'Paket tidak ditemukan.', en: 'Plan not found.' });
    } else if (plan.archived === 1) {
      fail(name, 'planId', {
        id: `Paket ${plan.name} sudah diarsipkan.`,
        en: `Plan ${plan.name} is archived.`,
      });
    } else if (plan.service !== 'pppoe') {
      fail(name, 'planId', {
        id: `Paket ${plan.name} bukan paket PPPoE.`,
        en: `Plan ${plan.name} is not a PPPoE plan.`,
      });
    } else if (plan.isolir_method === 'address-list' && !secret.remoteAddress) {
      fail(name, 'planId', {
        id: `Paket ${plan.name} mengisolir lewat address-list, tetapi secret ${name} tidak punya IP statis.`,
        en: `Plan ${plan.name} isolates through an address list, but the secret ${name} has no static IP.`,
      });
    }
    if (Boolean(item.customerId) === Boolean(item.newCustomer)) {
      fail(name, 'customerId', {
        id: 'Pilih pelanggan yang ada atau isi pelanggan baru (salah satu).',
        en: 'Choose an existing customer or give a new one (one of the two).',
      });
    } else if (item.customerId && !customers.has(item.customerId)) {
      fail(name, 'customerId', { id: 'Pelanggan tidak ditemukan.', en: 'Customer not found.' });
    }
    if (secret.remoteAddress) {
      const other = seenAddresses.get(secret.remoteAddress);
      if (other) {
        fail(name, 'remoteAddress', {
          id: `${secret.remoteAddress} juga dipakai secret ${other} di daftar ini.`,
          en: `${secret.remoteAddress} is also used by the secret ${other} in this list.`,
        });
      } else {
        seenAddresses.set(secret.remoteAddress, name);
        const problem = await checkAddress(ctx, routerId, secret.remoteAddress);
        if (problem?.reason === 'taken') fail(name, 'remoteAddress', problem.message);
      }
    }
    const onIsolirProfile = isolatedUnder({ ...secret, disabled: false }, plan);
    if (item.state === 'active' && (secret.disabled || onIsolirProfile)) {
      fail(name, 'state', {
        id: `Secret ${name} ${secret.disabled ? 'dinonaktifkan' : 'ada di profil isolir'} di router: ambil sebagai terisolir.`,
        en: `The secret ${name} is ${secret.disabled ? 'disabled' : 'on the isolir profile'} on the router: adopt it as isolated.`,
      });
    }
    if (errors.length > before || !plan || secret.password === null) continue;
    const state = item.state ?? (isolatedUnder(secret, plan) ? 'isolated' : 'active');
    checked.push({
      item,
      secret: { ...secret, password: secret.password },
      plan,
      state,
      isolation:
        state === 'isolated' && onIsolirProfile ? { method: 'profile', profile: plan.isolir_profile } : null,
    });
  }
  return { errors, checked };
}

/**
 * Writes the customers, managed secrets (passwords sealed), live subscriptions and their events,
 * then queues one sync of every secret; audited once with the counts.
 */
async function writeAdoption(ctx: HandlerContext, routerId: string, checked: readonly Checked[]) {
  const today = await branchToday(ctx);
  const settings = await readBillingSettings(ctx);
  const anchorDay = settings.billingMode === 'anniversary' ? anniversaryAnchor(today) : settings.billingDay;
  const userId = ctx.session?.user.id ?? null;
  const existingCustomers = new Set<string>();
  const secretIds: string[] = [];
  const subscriptionIds: string[] = [];
  let customersCreated = 0;
  let isolated = 0;
  for (const { item, secret, plan, state, isolation } of checked) {
    let customerId = item.customerId;
    if (item.newCustomer) {
      const customer = await ctx.writer.insert(ctx.db, 'customers', {
        code: await nextCode(ctx.db, 'PLG', ctx.device.code),
        name: item.newCustomer.name,
        phone: item.newCustomer.phone,
        email: '',
        address: item.newCustomer.address,
        group_id: null,
        notes: '',
        nik: '',
        category: 'residential',
        latitude: null,
        longitude: null,
        status: 'active',
      });
      customerId = customer.id;
      customersCreated += 1;
    } else if (customerId) {
      existingCustomers.add(customerId);
    }
    const code = await nextCode(ctx.db, 'LGN', ctx.device.code);
    const row = await ctx.writer.insert(ctx.db, 'ppp_secrets', {
      router_id: routerId,
      name: secret.name,
      profile: secret.profile,
      service: secret.service,
      remote_address: secret.remoteAddress,
      disabled: secret.disabled ? 1 : 0,
      note: plainComment(secret.comment) || code,
    });
    await storeSecret(ctx.db, ctx.secrets, pppSecretName(row.id), secret.password, ctx.clock.now());
    secretIds.push(row.id);
    const sub = await ctx.writer.insert(ctx.db, 'subscriptions', {
      code,
      customer_id: customerId!,
      plan_id: plan.id,
      router_id: routerId,
      username: secret.name,
      ppp_secret_id: row.id,
      remote_address: secret.remoteAddress,
      odp_id: null,
      state,
      anchor_day: anchorDay,
      activated_on: today,
      terminated_on: null,
      notes: '',
    });
    subscriptionIds.push(sub.id);
    if (state === 'isolated') isolated += 1;
    await ctx.writer.insert(ctx.db, 'subscription_events', {
      subscription_id: sub.id,
      kind: 'activate',
      from_state: null,
      to_state: state,
      reason: ADOPT_REASON,
      user_id: userId,
      details: JSON.stringify({
        adopted: true,
        service: 'pppoe',
        secretId: row.id,
        profile: secret.profile,
        disabled: secret.disabled,
        anchorDay,
        activatedOn: today,
        ...(isolation ? { isolation } : {}),
      }),
    });
  }
  for (const customerId of existingCustomers) await refreshCustomerStatus(ctx, customerId);
  const job = await enqueuePppSecretSync(
    ctx,
    routerId,
    secretIds,
    `PPP: adopt ${secretIds.length} secret${secretIds.length === 1 ? '' : 's'}`,
  );
  await ctx.audit({
    entity: 'subscription',
    entityId: null,
    before: null,
    after: {
      adoptedFromRouter: routerId,
      adopted: checked.length,
      active: checked.length - isolated,
      isolated,
      customersCreated,
      existingCustomers: existingCustomers.size,
      jobId: job.id,
    },
  });
  return { customersCreated, subscriptionIds, jobIds: [job.id] };
}

export async function adoptSecrets(ctx: HandlerContext, input: AdoptInput) {
  // Read before the transaction: nothing may hold the database while a router thinks.
  const onRouter = await readRouterSecrets(ctx, input.routerId);
  return inOwnTransaction(ctx, async (tx) => {
    const { errors, checked } = await checkItems(tx, input.routerId, input.items, onRouter);
    if (errors.length > 0) {
      return { adopted: 0, customersCreated: 0, subscriptionIds: [], jobIds: [], errors };
    }
    const written = await writeAdoption(tx, input.routerId, checked);
    return { adopted: checked.length, ...written, errors: [] };
  });
}
