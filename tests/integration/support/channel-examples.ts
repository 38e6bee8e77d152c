import { randomUUID } from 'node:crypto';
import type { Channel, ChannelInput } from '../../../shared/contract/index';
import type { AppErrorCode } from '../../../shared/domain/errors';
import type { DefaultRoleKey } from '../../../shared/domain/permissions';
import { OWNER_USERNAME, PASSWORD, unwrap, type Signed, type TestCore } from './core-fixture';
import { staticQris } from './shop';
import { dashboardExamples, dashboardPassAnswers } from './examples/dashboard.examples';
import {
  customersExamples,
  customersPassAnswers,
  prepareCustomersExamples,
  type CustomersExampleContext,
} from './examples/customers.examples';
import {
  mapExamples,
  mapPassAnswers,
  prepareMapExamples,
  type MapExampleContext,
} from './examples/map.examples';
import {
  plansExamples,
  plansPassAnswers,
  preparePlansExamples,
  type PlansExampleContext,
} from './examples/plans.examples';
import {
  subscriptionsExamples,
  subscriptionsPassAnswers,
  prepareSubscriptionsExamples,
  type SubscriptionsExampleContext,
} from './examples/subscriptions.examples';
import {
  billingExamples,
  billingPassAnswers,
  prepareBillingExamples,
  type BillingExampleContext,
} from './examples/billing.examples';
import {
  schedulerExamples,
  schedulerPassAnswers,
  prepareSchedulerExamples,
  type SchedulerExampleContext,
} from './examples/scheduler.examples';
import {
  notifyExamples,
  notifyPassAnswers,
  prepareNotifyExamples,
  type NotifyExampleContext,
} from './examples/notify.examples';

/** Ids and names an example input may point at; made by the fixture that runs the examples. */
export type BaseExampleContext = {
  /** The password of every fixture user (so a password change can keep it). */
  password: string;
  ownerUsername: string;
  /** A cashier nobody signs in as, safe to rename and disable. */
  victimUserId: string;
  cashierRoleId: string;
  /** A custom (non-system) role, safe to change. */
  customRoleId: string;
  /** A backup in the backups folder. */
  backupFileName: string;
  /** The shop floor made by setup (WH-01) and a second warehouse (WH-02). */
  warehouseId: string;
  secondWarehouseId: string;
  categoryId: string;
  /** A product whose one item has plenty of stock in WH-01 and a member price. */
  productId: string;
  itemId: string;
  /** A product nothing else points at, safe to archive. */
  archivableProductId: string;
  /** A transfer WH-01 → WH-02 with units still in transit. */
  transferId: string;
  /** Open count sheets of WH-02: one to record on, one with the item counted to approve, one to cancel. */
  countId: string;
  approvableCountId: string;
  cancellableCountId: string;
  /** The seeded member price list (not retail) and a customer group buying at it. */
  memberPriceListId: string;
  customerGroupId: string;
  /** This till's open shift. */
  shiftId: string;
  /** A cash sale with a line of several units, nothing refunded yet. */
  saleId: string;
  saleLineId: string;
  /** A second cash sale, safe to void. */
  voidableSaleId: string;
  heldCartId: string;
  /** A movement that took stock below zero under the "allow" policy, not yet reviewed. */
  flaggedMovementId: string;
  /** A PENDING order (safe to move on) and a customer to attach or change. */
  orderId: string;
  customerId: string;
  /**
   * A router nothing answers for (127.0.0.1, port 1), so its reads answer ROUTER_UNREACHABLE and its
   * changes wait as jobs. Its first job has been tried once and waits for its retry; every later job
   * of this router queues behind it, so no example starts router work in the background.
   */
  routerId: string;
  /** A second such router, safe to remove. */
  removableRouterId: string;
  /** A PPP secret Gerai manages on the router, safe to remove. */
  managedSecretName: string;
  /** An address-list entry Gerai manages, safe to remove. */
  addressList: { list: string; address: string };
  /** Waiting router jobs: one to retry, one to cancel. */
  retryJobId: string;
  cancelJobId: string;
  /** A batch of hotspot vouchers (for the cards PDF). */
  voucherBatchId: string;
};

/** Everything the examples point at: the base above and what each ISP-office slice prepares. */
export type ExampleContext = BaseExampleContext &
  CustomersExampleContext &
  MapExampleContext &
  PlansExampleContext &
  SubscriptionsExampleContext &
  BillingExampleContext &
  SchedulerExampleContext &
  NotifyExampleContext;

let serial = 0;
/**
 * A suffix no earlier example call used. Examples that create something with a unique name or code
 * use it, so every caller the gate lets through can succeed on the same database.
 */
export function fresh(): string {
  serial += 1;
  return String(serial).padStart(4, '0');
}

/**
 * One valid input per channel. The mapped type makes a new channel without an example a type error.
 * Examples are written to be repeatable on the same database (a second run may answer CONFLICT, never
 * VALIDATION) and not to lock anyone out: the password change keeps the password, logout ends only the
 * caller's own session, the disabled user is nobody's login. Each call makes a new example: client ids
 * (sales, refunds), names and codes are fresh, so creating examples succeed every time; the ones that
 * use up what they point at (approving a sheet, closing the shift) are listed in PASS_ANSWER. Run in
 * contract order on one database, every writing example succeeds once, except that opening a shift
 * needs the prepared one closed first.
 */
export const channelExamples: { [C in Channel]: (ctx: ExampleContext) => ChannelInput<C> } = {
  ...customersExamples,
  ...mapExamples,
  ...plansExamples,
  ...subscriptionsExamples,
  ...billingExamples,
  ...schedulerExamples,
  ...notifyExamples,
  ...dashboardExamples,
  'setup.status': () => ({}),
  'setup.owner.create': (ctx) => ({
    name: 'Pemilik Kedua',
    username: 'pemilik.kedua',
    password: ctx.password,
    branchName: 'Cabang Bogor',
  }),
  'auth.session.login': (ctx) => ({ username: ctx.ownerUsername, password: ctx.password }),
  'auth.session.logout': () => ({}),
  'auth.session.me': () => ({}),
  'auth.password.change': (ctx) => ({ currentPassword: ctx.password, newPassword: ctx.password }),
  'users.list': () => ({ search: 'a' }),
  'users.create': (ctx) => ({
    username: 'kasir.contoh',
    name: 'Kasir Contoh',
    password: ctx.password,
    roleId: ctx.cashierRoleId,
  }),
  'users.update': (ctx) => ({ id: ctx.victimUserId, name: 'Korban Berganti Nama' }),
  'users.disable': (ctx) => ({ id: ctx.victimUserId }),
  'roles.list': () => ({}),
  'roles.create': () => ({ name: 'Peran Contoh', permissions: ['reports.view'] }),
  'roles.update': (ctx) => ({ id: ctx.customRoleId, permissions: ['reports.view', 'dashboard.view'] }),
  'audit.log.list': () => ({ limit: 5 }),
  'audit.log.verify': () => ({}),
  'settings.get': () => ({}),
  'settings.update': () => ({ branchPhone: '021-7654321', idleTimeoutMinutes: 45 }),
  'backup.create': () => ({}),
  'backup.list': () => ({}),
  'backup.restore': (ctx) => ({ fileName: ctx.backupFileName }),
  'system.info': () => ({}),
  'sync.status': () => ({}),
  'catalog.categories.list': () => ({}),
  'catalog.categories.create': () => ({ name: `Kategori Contoh ${fresh()}` }),
  'catalog.products.create': (ctx) => ({
    name: 'Kopi Bubuk Contoh',
    categoryId: ctx.categoryId,
    items: [{ sku: `EX-KOPI-${fresh()}`, price: 12_000 }],
  }),
  'catalog.products.update': (ctx) => ({ id: ctx.productId, description: 'Beras pulen, panen baru' }),
  'catalog.products.archive': (ctx) => ({ id: ctx.archivableProductId }),
  'catalog.products.get': (ctx) => ({ id: ctx.productId }),
  'catalog.products.list': (ctx) => ({ categoryId: ctx.categoryId }),
  'catalog.products.search': (ctx) => ({ query: 'beras', warehouseId: ctx.warehouseId }),
  'catalog.priceLists.list': () => ({}),
  'catalog.priceLists.create': () => ({ name: `Grosir Contoh ${fresh()}` }),
  'catalog.priceLists.prices': (ctx) => ({ priceListId: ctx.memberPriceListId }),
  'catalog.priceLists.setPrice': (ctx) => ({
    priceListId: ctx.memberPriceListId,
    itemId: ctx.itemId,
    minQuantity: 10,
    price: 4_000,
  }),
  'catalog.customerGroups.list': () => ({}),
  'catalog.customerGroups.create': (ctx) => ({
    name: `Grup Contoh ${fresh()}`,
    priceListId: ctx.memberPriceListId,
  }),
  'inventory.warehouses.list': () => ({}),
  'inventory.warehouses.create': () => ({ code: `WH-EX-${fresh()}`, name: 'Gudang Contoh' }),
  'inventory.warehouses.update': (ctx) => ({ id: ctx.secondWarehouseId, name: 'Gudang Belakang' }),
  'inventory.stock.levels': (ctx) => ({ warehouseId: ctx.warehouseId }),
  'inventory.thresholds.set': (ctx) => ({
    itemId: ctx.itemId,
    warehouseId: ctx.secondWarehouseId,
    lowStockThreshold: 4,
  }),
  'inventory.stock.history': (ctx) => ({ itemId: ctx.itemId }),
  'inventory.stock.receive': (ctx) => ({
    warehouseId: ctx.warehouseId,
    supplier: 'CV Sumber Rejeki',
    lines: [{ itemId: ctx.itemId, quantity: 10, unitCost: 3_200 }],
  }),
  'inventory.stock.adjust': (ctx) => ({
    warehouseId: ctx.warehouseId,
    itemId: ctx.itemId,
    quantity: 1,
    reason: 'selisih hitung',
  }),
  'inventory.stock.rebuild': () => ({}),
  'inventory.transfers.send': (ctx) => ({
    fromWarehouseId: ctx.warehouseId,
    toWarehouseId: ctx.secondWarehouseId,
    lines: [{ itemId: ctx.itemId, quantity: 1 }],
  }),
  'inventory.transfers.receive': (ctx) => ({
    transferId: ctx.transferId,
    lines: [{ itemId: ctx.itemId, quantity: 1 }],
  }),
  'inventory.transfers.list': () => ({ openOnly: true }),
  'inventory.counts.create': (ctx) => ({ warehouseId: ctx.secondWarehouseId, note: 'opname bulanan' }),
  'inventory.counts.record': (ctx) => ({ countId: ctx.countId, lines: [{ itemId: ctx.itemId, counted: 4 }] }),
  'inventory.counts.get': (ctx) => ({ id: ctx.countId }),
  'inventory.counts.list': () => ({}),
  'inventory.counts.approve': (ctx) => ({ id: ctx.approvableCountId }),
  'inventory.counts.cancel': (ctx) => ({ id: ctx.cancellableCountId }),
  'inventory.reviews.list': () => ({}),
  'inventory.reviews.resolve': (ctx) => ({ movementId: ctx.flaggedMovementId, note: 'sudah dicek di rak' }),
  'inventory.import.products': () => ({ csv: `nama;sku;harga\nTeh Celup Contoh;EX-TEH-${fresh()};7.500\n` }),
  'inventory.export.products': () => ({ delimiter: ';' }),
  'inventory.export.xlsx': (ctx) => ({ kind: 'stock', warehouseId: ctx.warehouseId }),
  'inventory.counts.exportCsv': (ctx) => ({ id: ctx.countId, delimiter: ';' }),
  'inventory.counts.importCsv': (ctx) => ({ countId: ctx.countId, csv: 'sku;counted\nEX-BERAS-5;4\n' }),
  'pos.shifts.open': (ctx) => ({ warehouseId: ctx.warehouseId, openingFloat: 200_000 }),
  'pos.shifts.current': () => ({}),
  'pos.shifts.cashMove': () => ({ kind: 'cash_in', amount: 50_000, reason: 'tambah uang kembalian' }),
  'pos.shifts.close': () => ({ denominations: { '100000': 2, '5000': 1 }, note: 'tutup sore' }),
  'pos.shifts.report': () => ({}),
  'pos.sales.complete': (ctx) => ({
    id: randomUUID(),
    lines: [{ itemId: ctx.itemId, quantity: 1 }],
    payments: [{ method: 'cash', amount: 10_000 }],
  }),
  'pos.sales.get': (ctx) => ({ id: ctx.saleId }),
  'pos.sales.list': (ctx) => ({ shiftId: ctx.shiftId }),
  'pos.sales.refund': (ctx) => ({
    id: randomUUID(),
    saleId: ctx.saleId,
    warehouseId: ctx.warehouseId,
    method: 'cash',
    reason: 'kemasan sobek',
    lines: [{ saleLineId: ctx.saleLineId, quantity: 1 }],
  }),
  'pos.sales.void': (ctx) => ({ saleId: ctx.voidableSaleId, reason: 'salah input kasir' }),
  'pos.receipts.render': (ctx) => ({ saleId: ctx.saleId, width: 58 }),
  'pos.receipts.print': (ctx) => ({ saleId: ctx.saleId, toFile: true }),
  'pos.carts.hold': (ctx) => ({
    label: 'Ibu baju merah',
    cart: { lines: [{ itemId: ctx.itemId, quantity: 2 }] },
  }),
  'pos.carts.list': () => ({}),
  'pos.carts.recall': (ctx) => ({ id: ctx.heldCartId }),
  'pos.qris.dynamic': () => ({ amount: 25_000 }),
  'auth.pin.set': (ctx) => ({ currentPassword: ctx.password, pin: '2468' }),
  'orders.create': (ctx) => ({
    id: randomUUID(),
    channel: 'whatsapp',
    customerName: 'Siti Contoh',
    customerPhone: '0812-1111-2222',
    shippingAddress: 'Jl. Contoh 1, Sleman',
    shippingFee: 10_000,
    lines: [{ itemId: ctx.itemId, quantity: 1 }],
  }),
  'orders.setStatus': (ctx) => ({ ids: [ctx.orderId], status: 'PROCESSED' }),
  'orders.payments.record': (ctx) => ({
    orderId: ctx.orderId,
    method: 'transfer',
    amount: 1_000,
    reference: 'BCA 001',
  }),
  'orders.list': () => ({ status: 'PENDING' }),
  'orders.get': (ctx) => ({ id: ctx.orderId }),
  'orders.documents.pdf': (ctx) => ({ id: ctx.orderId, kind: 'label' }),
  'network.routers.create': () => ({
    name: `POP Contoh ${fresh()}`,
    host: '127.0.0.1',
    port: 1,
    username: 'gerai-api',
    password: 'Router-Contoh-2030',
  }),
  'network.routers.update': (ctx) => ({ id: ctx.routerId, notes: 'tiang dekat masjid' }),
  'network.routers.list': () => ({}),
  'network.routers.test': (ctx) => ({ id: ctx.routerId }),
  'network.routers.remove': (ctx) => ({ id: ctx.removableRouterId }),
  'network.routers.dashboard': (ctx) => ({ id: ctx.routerId }),
  'network.traffic.watch': (ctx) => ({ routerId: ctx.routerId, interface: 'ether1' }),
  'network.ppp.profiles.list': (ctx) => ({ routerId: ctx.routerId }),
  'network.ppp.profiles.upsert': (ctx) => ({
    routerId: ctx.routerId,
    name: 'paket-10M',
    rateLimit: '2M/10M',
  }),
  'network.ppp.secrets.list': (ctx) => ({ routerId: ctx.routerId }),
  'network.ppp.secrets.upsert': (ctx) => ({
    routerId: ctx.routerId,
    name: 'pelanggan.contoh',
    password: 'ppp-contoh-1',
    profile: 'paket-10M',
  }),
  'network.ppp.secrets.remove': (ctx) => ({ routerId: ctx.routerId, name: ctx.managedSecretName }),
  'network.ppp.active.list': (ctx) => ({ routerId: ctx.routerId }),
  'network.ppp.active.kick': (ctx) => ({ routerId: ctx.routerId, name: 'pelanggan.contoh' }),
  'network.hotspot.profiles.list': (ctx) => ({ routerId: ctx.routerId }),
  'network.hotspot.users.list': (ctx) => ({ routerId: ctx.routerId }),
  'network.hotspot.active.list': (ctx) => ({ routerId: ctx.routerId }),
  'network.hotspot.active.kick': (ctx) => ({ routerId: ctx.routerId, user: 'vc-contoh' }),
  'network.hotspot.vouchers.generate': (ctx) => ({
    routerId: ctx.routerId,
    count: 3,
    profile: 'default',
    price: 5_000,
  }),
  'network.hotspot.vouchers.pdf': (ctx) => ({ batchId: ctx.voucherBatchId }),
  'network.queues.list': (ctx) => ({ routerId: ctx.routerId }),
  'network.queues.upsert': (ctx) => ({
    routerId: ctx.routerId,
    name: 'antrian-contoh',
    target: '10.10.0.2/32',
    maxLimit: '2M/5M',
  }),
  'network.addressList.list': (ctx) => ({ routerId: ctx.routerId }),
  'network.addressList.add': (ctx) => ({ routerId: ctx.routerId, list: 'isolir', address: '10.10.0.99' }),
  'network.addressList.remove': (ctx) => ({ routerId: ctx.routerId, ...ctx.addressList }),
  'network.jobs.list': (ctx) => ({ routerId: ctx.routerId }),
  'network.jobs.retry': (ctx) => ({ id: ctx.retryJobId }),
  'network.jobs.cancel': (ctx) => ({ id: ctx.cancelJobId }),
  'network.reconcile.preview': (ctx) => ({ routerId: ctx.routerId }),
  'network.reconcile.apply': (ctx) => ({ routerId: ctx.routerId }),
};

/**
 * What an example answers a caller the gate lets through, where that is not `ok`: one code for
 * every such caller, or what the first one gets and what the ones after it get (the first caller
 * used up what the example points at: a sheet already approved, a shift already closed).
 */
export type PassAnswer = AppErrorCode | 'ok' | { first: AppErrorCode | 'ok'; then: AppErrorCode | 'ok' };

export const PASS_ANSWER: Partial<Record<Channel, PassAnswer>> = {
  ...customersPassAnswers,
  ...mapPassAnswers,
  ...plansPassAnswers,
  ...subscriptionsPassAnswers,
  ...billingPassAnswers,
  ...schedulerPassAnswers,
  ...notifyPassAnswers,
  ...dashboardPassAnswers,
  // Setup is done in the fixture, so a second owner is refused by the use case, not by the gate.
  'setup.owner.create': 'CONFLICT',
  // The prepared till already has its shift open (sales need one): one open shift per device.
  'pos.shifts.open': 'CONFLICT',
  'pos.shifts.close': { first: 'ok', then: 'CONFLICT' },
  'pos.sales.void': { first: 'ok', then: 'CONFLICT' },
  'pos.carts.recall': { first: 'ok', then: 'NOT_FOUND' },
  'inventory.counts.approve': { first: 'ok', then: 'CONFLICT' },
  'inventory.counts.cancel': { first: 'ok', then: 'CONFLICT' },
  'inventory.reviews.resolve': { first: 'ok', then: 'CONFLICT' },
  // The example order is PENDING once; after one caller moves it to PROCESSED, moving it again is a
  // per-order failure inside an ok answer, so every caller gets ok.
  // The example router cannot be reached: what must read it now says so (changes become jobs).
  'network.traffic.watch': 'ROUTER_UNREACHABLE',
  'network.ppp.profiles.list': 'ROUTER_UNREACHABLE',
  'network.ppp.active.list': 'ROUTER_UNREACHABLE',
  'network.hotspot.profiles.list': 'ROUTER_UNREACHABLE',
  'network.hotspot.users.list': 'ROUTER_UNREACHABLE',
  'network.hotspot.active.list': 'ROUTER_UNREACHABLE',
  'network.queues.list': 'ROUTER_UNREACHABLE',
  'network.reconcile.preview': 'ROUTER_UNREACHABLE',
  'network.reconcile.apply': 'ROUTER_UNREACHABLE',
  'network.routers.remove': { first: 'ok', then: 'NOT_FOUND' },
  'network.ppp.secrets.remove': { first: 'ok', then: 'NOT_FOUND' },
  'network.addressList.remove': { first: 'ok', then: 'NOT_FOUND' },
};

/** The answer the `n`-th caller (0-based) the gate lets through should get. */
export function passAnswer(channel: Channel, n: number): AppErrorCode | 'ok' {
  const answer = PASS_ANSWER[channel] ?? 'ok';
  if (typeof answer === 'string') return answer;
  return n === 0 ? answer.first : answer.then;
}

/** Sets up what the examples point at: one signed-in user per default role, a victim, a custom role, a backup. */
export async function prepareExamples(
  t: TestCore,
): Promise<{ ctx: ExampleContext; signed: Record<DefaultRoleKey, Signed> }> {
  const signed = await t.loginAll();
  const owner = signed.owner.token;
  const cashierRoleId = await t.roleId('cashier');
  const victim = unwrap(
    await t.call(
      'users.create',
      { username: 'korban', name: 'Kasir Korban', password: PASSWORD, roleId: cashierRoleId },
      owner,
    ),
  );
  const role = unwrap(
    await t.call('roles.create', { name: 'Peran Khusus', permissions: ['reports.view'] }, owner),
  );
  const backup = unwrap(await t.call('backup.create', {}, owner));
  const shop = await prepareShop(t, owner);
  const network = await prepareNetwork(t, owner);
  const base: BaseExampleContext = {
    password: PASSWORD,
    ownerUsername: OWNER_USERNAME,
    victimUserId: victim.id,
    cashierRoleId,
    customRoleId: role.id,
    backupFileName: backup.fileName,
    ...shop,
    ...network,
  };
  // The ISP office's slices, each building on what the earlier ones made.
  const withCustomers = { ...base, ...(await prepareCustomersExamples(t, owner, base)) };
  const withMap = { ...withCustomers, ...(await prepareMapExamples(t, owner, withCustomers)) };
  const withPlans = { ...withMap, ...(await preparePlansExamples(t, owner, withMap)) };
  const withSubscriptions = { ...withPlans, ...(await prepareSubscriptionsExamples(t, owner, withPlans)) };
  const withBilling = {
    ...withSubscriptions,
    ...(await prepareBillingExamples(t, owner, withSubscriptions)),
  };
  const withScheduler = { ...withBilling, ...(await prepareSchedulerExamples(t, owner, withBilling)) };
  const ctx: ExampleContext = { ...withScheduler, ...(await prepareNotifyExamples(t, owner, withScheduler)) };
  return { signed, ctx };
}

type NetworkContext = Pick<
  BaseExampleContext,
  | 'routerId'
  | 'removableRouterId'
  | 'managedSecretName'
  | 'addressList'
  | 'retryJobId'
  | 'cancelJobId'
  | 'voucherBatchId'
>;

type ShopContext = Omit<
  BaseExampleContext,
  | 'password'
  | 'ownerUsername'
  | 'victimUserId'
  | 'cashierRoleId'
  | 'customRoleId'
  | 'backupFileName'
  | keyof NetworkContext
>;

/** Routers the network examples point at, made through the channels (see ExampleContext.routerId). */
async function prepareNetwork(t: TestCore, owner: string): Promise<NetworkContext> {
  const call = t.call;
  // Port 1 on the loopback: nothing listens there, and no test can bind it.
  const unreachable = { host: '127.0.0.1', port: 1, username: 'gerai-api', password: 'Router-Contoh-2030' };
  const router = unwrap(await call('network.routers.create', { name: 'POP Contoh', ...unreachable }, owner));
  const removable = unwrap(await call('network.routers.create', { name: 'POP Lama', ...unreachable }, owner));
  // Checked now: the background refresh only probes routers whose last check is old.
  for (const id of [router.id, removable.id]) unwrap(await call('network.routers.test', { id }, owner));
  const managedSecretName = 'contoh.hapus';
  unwrap(
    await call(
      'network.ppp.secrets.upsert',
      { routerId: router.id, name: managedSecretName, password: 'ppp-contoh-2', profile: 'default' },
      owner,
    ),
  );
  // The router's first job is tried (and fails) now; it then waits for a retry the manual clock
  // never reaches, and every later job of this router waits behind it.
  await t.core.deps.network.jobs.runDue();
  const retry = unwrap(
    await call('network.ppp.active.kick', { routerId: router.id, name: 'contoh.ulang' }, owner),
  );
  const cancel = unwrap(
    await call('network.hotspot.active.kick', { routerId: router.id, user: 'contoh.batal' }, owner),
  );
  const addressList = { list: 'isolir', address: '10.10.0.77' };
  unwrap(await call('network.addressList.add', { routerId: router.id, ...addressList }, owner));
  const batch = unwrap(
    await call(
      'network.hotspot.vouchers.generate',
      { routerId: router.id, count: 3, profile: 'default', price: 5_000 },
      owner,
    ),
  );
  return {
    routerId: router.id,
    removableRouterId: removable.id,
    managedSecretName,
    addressList,
    retryJobId: retry.id,
    cancelJobId: cancel.id,
    voucherBatchId: batch.id,
  };
}

/** The shop counter the catalog, inventory and POS examples point at, made through the channels. */
async function prepareShop(t: TestCore, owner: string): Promise<ShopContext> {
  const call = t.call;
  const warehouses = unwrap(await call('inventory.warehouses.list', {}, owner));
  const warehouseId = warehouses.find((w) => w.code === 'WH-01')!.id;
  const second = unwrap(await call('inventory.warehouses.create', { code: 'WH-02', name: 'Gudang' }, owner));
  const category = unwrap(await call('catalog.categories.create', { name: 'Sembako' }, owner));
  const product = unwrap(
    await call(
      'catalog.products.create',
      { name: 'Beras Contoh 5 kg', categoryId: category.id, items: [{ sku: 'EX-BERAS-5', price: 5_000 }] },
      owner,
    ),
  );
  const itemId = product.items[0]!.id;
  const archivable = unwrap(
    await call(
      'catalog.products.create',
      { name: 'Produk Lama', items: [{ sku: 'EX-LAMA', price: 1_000 }] },
      owner,
    ),
  );
  const minus = unwrap(
    await call(
      'catalog.products.create',
      { name: 'Es Batu', items: [{ sku: 'EX-ES', price: 2_000, negativePolicy: 'allow' }] },
      owner,
    ),
  );
  const flagged = unwrap(
    await call(
      'inventory.stock.adjust',
      { warehouseId, itemId: minus.items[0]!.id, quantity: -1, reason: 'terjual sebelum dicatat' },
      owner,
    ),
  );
  unwrap(
    await call(
      'inventory.stock.receive',
      { warehouseId, supplier: 'PT Beras Jaya', lines: [{ itemId, quantity: 100, unitCost: 3_000 }] },
      owner,
    ),
  );
  const transfer = unwrap(
    await call(
      'inventory.transfers.send',
      { fromWarehouseId: warehouseId, toWarehouseId: second.id, lines: [{ itemId, quantity: 5 }] },
      owner,
    ),
  );
  const count = unwrap(await call('inventory.counts.create', { warehouseId: second.id }, owner));
  unwrap(
    await call('inventory.counts.record', { countId: count.id, lines: [{ itemId, counted: 3 }] }, owner),
  );
  const approvable = unwrap(await call('inventory.counts.create', { warehouseId: second.id }, owner));
  unwrap(
    await call('inventory.counts.record', { countId: approvable.id, lines: [{ itemId, counted: 2 }] }, owner),
  );
  const cancellable = unwrap(await call('inventory.counts.create', { warehouseId: second.id }, owner));
  const member = unwrap(await call('catalog.priceLists.list', {}, owner)).find((l) => l.key === 'member')!;
  unwrap(
    await call(
      'catalog.priceLists.setPrice',
      { priceListId: member.id, itemId, minQuantity: 1, price: 4_500 },
      owner,
    ),
  );
  const group = unwrap(
    await call('catalog.customerGroups.create', { name: 'Pelanggan Setia', priceListId: member.id }, owner),
  );
  unwrap(await call('settings.update', { qrisStatic: staticQris() }, owner));
  const shift = unwrap(await call('pos.shifts.open', { warehouseId, openingFloat: 200_000 }, owner));
  const sale = unwrap(
    await call(
      'pos.sales.complete',
      { id: randomUUID(), lines: [{ itemId, quantity: 5 }], payments: [{ method: 'cash', amount: 50_000 }] },
      owner,
    ),
  );
  const voidable = unwrap(
    await call(
      'pos.sales.complete',
      { id: randomUUID(), lines: [{ itemId, quantity: 1 }], payments: [{ method: 'cash', amount: 5_000 }] },
      owner,
    ),
  );
  const customer = unwrap(
    await call('customers.create', { name: 'Pelanggan Contoh', groupId: group.id }, owner),
  );
  const order = unwrap(
    await call(
      'orders.create',
      {
        id: randomUUID(),
        channel: 'phone',
        customerName: 'Budi Contoh',
        customerId: customer.id,
        lines: [{ itemId, quantity: 2 }],
      },
      owner,
    ),
  );
  const held = unwrap(
    await call(
      'pos.carts.hold',
      { label: 'Bapak topi biru', cart: { lines: [{ itemId, quantity: 1 }] } },
      owner,
    ),
  );
  return {
    warehouseId,
    secondWarehouseId: second.id,
    categoryId: category.id,
    productId: product.id,
    itemId,
    archivableProductId: archivable.id,
    transferId: transfer.id,
    countId: count.id,
    approvableCountId: approvable.id,
    cancellableCountId: cancellable.id,
    memberPriceListId: member.id,
    customerGroupId: group.id,
    shiftId: shift.id,
    saleId: sale.id,
    saleLineId: sale.lines[0]!.id,
    voidableSaleId: voidable.id,
    heldCartId: held.id,
    flaggedMovementId: flagged.id,
    orderId: order.id,
    customerId: customer.id,
  };
}
