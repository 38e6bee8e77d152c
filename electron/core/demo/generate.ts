import { generateCustomers, type DemoCustomer } from './customers';
import { generateUniqueMobile } from './phones';
import { KECAMATAN } from './places';
import { generateProducts, type DemoProduct } from './products';
import { createRandom, type Random } from './random';
import { generateRouters, type DemoRouter } from './routers';
import { generateStaff, type DemoStaff } from './staff';
import { words } from './words';
import { generateWarehouses, type DemoWarehouse } from './warehouses';

/** Bumped whenever the same seed and scale would produce different data. */
export const DEMO_GENERATOR_VERSION = 1;

/** The largest scale accepted: 1,000,000 products and 500,000 customers. */
export const MAX_DEMO_SCALE = 1000;

export type DemoDataset = 'staff' | 'warehouses' | 'routers' | 'customers' | 'products';
export type DemoProgress = (event: { dataset: DemoDataset; done: number; total: number }) => void;

export type DemoOptions = {
  /** Any text or number; the same seed and scale always give the same data. */
  seed: string | number;
  /** 1 ≈ a branch with 1,000 products and 500 customers; products and customers grow linearly. */
  scale: number;
  onProgress?: DemoProgress;
};

export type DemoBranch = {
  name: string;
  address: string;
  /** The branch's WhatsApp business number, E.164. */
  phone: string;
};

export type DemoData = {
  meta: {
    generatorVersion: number;
    seed: string;
    scale: number;
    kecamatan: string;
    centre: { lat: number; lng: number };
    radiusMeters: number;
  };
  branch: DemoBranch;
  staff: DemoStaff[];
  warehouses: DemoWarehouse[];
  routers: DemoRouter[];
  customers: DemoCustomer[];
  products: DemoProduct[];
};

export type DemoCounts = Record<DemoDataset, number>;

/** How many records of each kind a scale gives. Fixed-size parts of a branch do not scale. */
export function demoCounts(scale: number): DemoCounts {
  if (!Number.isFinite(scale) || scale <= 0 || scale > MAX_DEMO_SCALE) {
    throw new RangeError(`scale must be a number above 0 and at most ${MAX_DEMO_SCALE}, not ${scale}`);
  }
  return {
    staff: 8,
    warehouses: 3,
    routers: 3,
    customers: Math.max(1, Math.round(500 * scale)),
    products: Math.max(1, Math.round(1000 * scale)),
  };
}

const BRANCH_WORDS = words(
  `Berkah, Sinar, Mitra, Sumber, Rejeki, Mandiri, Barokah, Lancar, Cahaya, Sejahtera`,
);
const BRANCH_SUFFIXES = words(`Net & Mart, Net & Swalayan, Media Net & Toko, Link & Mart`);

function branchFor(random: Random, mainShop: DemoWarehouse, takenPhones: Set<string>): DemoBranch {
  return {
    name: `${random.pick(BRANCH_WORDS)} ${random.pick(BRANCH_SUFFIXES)}`,
    address: mainShop.address,
    phone: generateUniqueMobile(random, takenPhones).e164,
  };
}

/** The root stream of a seed; every dataset (and the stock and price plans) draws from a fork of it. */
export function demoRandom(seed: string | number): Random {
  return createRandom(`gerai-demo/v${DEMO_GENERATOR_VERSION}/${String(seed)}`);
}

/**
 * Generates a whole demo branch in Kecamatan Depok, Sleman. Pure and deterministic: each dataset draws
 * from its own stream forked from the seed, so the same seed and scale give deep-equal (and, written
 * as JSON, byte-identical) data, and growing one dataset leaves the others unchanged.
 */
export function generateDemo(options: DemoOptions): DemoData {
  const counts = demoCounts(options.scale);
  const root = demoRandom(options.seed);
  const report = (dataset: DemoDataset) => (done: number, total: number) =>
    options.onProgress?.({ dataset, done, total });
  const takenPhones = new Set<string>();

  const staff = generateStaff(root.fork('staff'), takenPhones);
  report('staff')(staff.length, staff.length);
  const warehouses = generateWarehouses(root.fork('warehouses'), counts.warehouses);
  report('warehouses')(warehouses.length, warehouses.length);
  const branch = branchFor(root.fork('branch'), warehouses[0]!, takenPhones);
  const routers = generateRouters(root.fork('routers'), counts.routers);
  report('routers')(routers.length, routers.length);
  const customers = generateCustomers(
    root.fork('customers'),
    counts.customers,
    routers,
    takenPhones,
    report('customers'),
  );
  const products = generateProducts(root.fork('products'), counts.products, report('products'));

  return {
    meta: {
      generatorVersion: DEMO_GENERATOR_VERSION,
      seed: String(options.seed),
      scale: options.scale,
      kecamatan: `${KECAMATAN.name}, ${KECAMATAN.kabupaten}, ${KECAMATAN.province}`,
      centre: { ...KECAMATAN.centre },
      radiusMeters: KECAMATAN.radiusMeters,
    },
    branch,
    staff,
    warehouses,
    routers,
    customers,
    products,
  };
}
