import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Username } from '../../shared/contract/common.schema';
import { DEFAULT_ROLE_KEYS } from '../../shared/domain/permissions';
import { writeDemoFiles } from '../../electron/core/demo/files';
import { demoCounts, generateDemo, type DemoData } from '../../electron/core/demo/generate';
import { formatLocal, operatorOf, toE164 } from '../../electron/core/demo/phones';
import { KECAMATAN } from '../../electron/core/demo/places';
import { PRODUCT_CATEGORIES, ean13CheckDigit, isValidEan13 } from '../../electron/core/demo/products';
import { createRandom } from '../../electron/core/demo/random';
import { validateDemo } from '../../electron/core/demo/validate';
import { readProductCsv } from '../../electron/core/inventory/product-import.service';

// Written out here from the operators' published allocations, independently of phones.ts.
const KNOWN_PREFIXES = new Set(
  [
    '811 812 813 821 822 823 851 852 853', // Telkomsel
    '814 815 816 855 856 857 858', // Indosat
    '817 818 819 859 877 878', // XL
    '895 896 897 898 899', // Tri
    '881 882 883 884 885 886 887 888 889', // Smartfren
  ]
    .join(' ')
    .split(' '),
);

/** EAN-13 check, written independently of the generator: weights 1,3,1,3… from the left. */
function independentEan13Ok(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(code[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(code[12]);
}

/** Haversine distance in metres, independent of places.ts. */
function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

// One scale-1 branch shared by the property tests (generation takes a fraction of a second).
const data: DemoData = generateDemo({ seed: 'unit-test', scale: 1 });
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('seeded random', () => {
  it('repeats exactly for a seed and differs between seeds', () => {
    const draw = (seed: string) => {
      const r = createRandom(seed);
      return Array.from({ length: 50 }, () => r.next());
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(draw('a').every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('keeps forks independent of how much the parent has drawn', () => {
    const a = createRandom('s');
    const b = createRandom('s');
    for (let i = 0; i < 10; i++) b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });
});

describe('demo data generator', () => {
  it('is deterministic: the same seed and scale give deep-equal data, another seed different data', () => {
    const again = generateDemo({ seed: 'unit-test', scale: 1 });
    expect(again).toEqual(data);
    const other = generateDemo({ seed: 'another-seed', scale: 1 });
    expect(other.products).not.toEqual(data.products);
    expect(other.customers).not.toEqual(data.customers);
    expect(other.staff.map((s) => s.name)).not.toEqual(data.staff.map((s) => s.name));
  });

  it('writes byte-identical files for the same seed and scale', () => {
    const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'gerai-demo-test-')));
    tempDirs.push(...dirs);
    const manifests = dirs.map((dir) => writeDemoFiles(dir, generateDemo({ seed: 'bytes', scale: 0.2 })));
    expect(manifests[0]).toEqual(manifests[1]);
    for (const file of [
      'products.json',
      'customers.json',
      'warehouses.json',
      'routers.json',
      'products.csv',
      'manifest.json',
    ]) {
      expect(readFileSync(join(dirs[0]!, file))).toEqual(readFileSync(join(dirs[1]!, file)));
    }
    // The JSON files are plain JSON arrays an importer can read back.
    const products: unknown = JSON.parse(readFileSync(join(dirs[0]!, 'products.json'), 'utf8'));
    expect(products).toEqual(generateDemo({ seed: 'bytes', scale: 0.2 }).products);
  });

  it('scales products and customers linearly and keeps the fixed parts fixed', () => {
    expect(demoCounts(1)).toEqual({ staff: 8, warehouses: 3, routers: 3, customers: 500, products: 1000 });
    const small = generateDemo({ seed: 's', scale: 0.1 });
    const large = generateDemo({ seed: 's', scale: 2 });
    expect([small.products.length, small.customers.length]).toEqual([100, 50]);
    expect([large.products.length, large.customers.length]).toEqual([2000, 1000]);
    expect([data.products.length, data.customers.length]).toEqual([1000, 500]);
    for (const d of [small, large, data]) {
      expect([d.warehouses.length, d.routers.length, d.staff.length]).toEqual([3, 3, 8]);
    }
    // Growing the scale does not reshuffle the parts that do not scale.
    expect(large.staff).toEqual(small.staff);
    expect(large.warehouses).toEqual(small.warehouses);
    expect(large.routers).toEqual(small.routers);
    expect(() => demoCounts(0)).toThrow(RangeError);
    expect(() => demoCounts(Number.NaN)).toThrow(RangeError);
  });

  it('passes its own validation, and the validation catches broken data', () => {
    expect(validateDemo(data)).toEqual([]);
    const broken: DemoData = structuredClone(data);
    broken.products[0]!.barcode =
      broken.products[0]!.barcode.slice(0, 12) + String((Number(broken.products[0]!.barcode[12]) + 1) % 10);
    broken.products[1]!.sku = broken.products[2]!.sku;
    broken.customers[0]!.whatsapp = '+6221555123';
    broken.customers[1]!.lat = -7.9;
    expect(validateDemo(broken).join('\n')).toMatch(/EAN-13[\s\S]*SKU .* used twice/);
    expect(validateDemo(broken).some((p) => p.includes('not an Indonesian mobile'))).toBe(true);
    expect(validateDemo(broken).some((p) => p.includes('from the kecamatan centre'))).toBe(true);
  });
});

describe('products', () => {
  it('computes EAN-13 check digits (GS1 examples) and rejects a wrong one', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(ean13CheckDigit('590123412345')).toBe(7);
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
    expect(() => ean13CheckDigit('12345')).toThrow();
  });

  it('gives every product a valid, unique EAN-13 with the GS1 Indonesia prefix 899', () => {
    for (const p of data.products) {
      expect(p.barcode.startsWith('899'), p.barcode).toBe(true);
      expect(independentEan13Ok(p.barcode), p.barcode).toBe(true);
      expect(isValidEan13(p.barcode)).toBe(true);
    }
    expect(new Set(data.products.map((p) => p.barcode)).size).toBe(data.products.length);
  });

  it('has unique SKUs and, at scale 1, unique names across every category', () => {
    expect(new Set(data.products.map((p) => p.sku)).size).toBe(data.products.length);
    expect(new Set(data.products.map((p) => p.name)).size).toBe(data.products.length);
    expect(new Set(data.products.map((p) => p.category))).toEqual(new Set(PRODUCT_CATEGORIES));
  });

  it('prices in whole rupiah above cost, rounded to Rp 100 (Rp 500 from Rp 20.000), whatever the seed', () => {
    const products = [
      data,
      generateDemo({ seed: 1, scale: 1.3 }),
      generateDemo({ seed: 'x', scale: 1.3 }),
    ].flatMap((d) => d.products);
    for (const p of products) {
      expect(Number.isInteger(p.cost) && p.cost > 0, p.sku).toBe(true);
      expect(Number.isInteger(p.price) && p.price > p.cost, `${p.sku} ${p.cost} → ${p.price}`).toBe(true);
      expect(p.price % (p.price >= 20_000 ? 500 : 100), `${p.sku} ${p.price}`).toBe(0);
      expect(p.cost % 100, `${p.sku} ${p.cost}`).toBe(0);
      // Plausible margins: nothing sold at more than double its cost.
      expect(p.price / p.cost, `${p.sku} ${p.cost} → ${p.price}`).toBeLessThan(2.2);
    }
  });

  it('writes a products.csv the catalog importer accepts without a single error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gerai-demo-csv-'));
    tempDirs.push(dir);
    writeDemoFiles(dir, data);
    const { rows, errors } = readProductCsv(readFileSync(join(dir, 'products.csv'), 'utf8'), {
      skus: new Set(),
      barcodes: new Set(),
    });
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(data.products.length);
    expect(rows[0]).toMatchObject({
      name: data.products[0]!.name,
      sku: data.products[0]!.sku,
      price: data.products[0]!.price,
    });
  });
});

describe('phones, places and people', () => {
  it('gives customers and staff distinct Indonesian mobile numbers with real operator prefixes', () => {
    const phones = [
      ...data.customers.map((c) => c.whatsapp),
      ...data.staff.map((s) => s.phone),
      data.branch.phone,
    ];
    for (const phone of phones) {
      expect(phone).toMatch(/^\+628\d{8,11}$/);
      expect(KNOWN_PREFIXES.has(phone.slice(3, 6)), phone).toBe(true);
    }
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('normalizes the ways people write numbers to E.164', () => {
    expect(toE164('0812-3456-7890')).toBe('+6281234567890');
    expect(toE164('62 812 3456 7890')).toBe('+6281234567890');
    expect(toE164('+62 (812) 3456-7890')).toBe('+6281234567890');
    expect(toE164('(0274) 512345')).toBeNull();
    expect(formatLocal('+6281234567890')).toBe('0812-3456-7890');
    expect(operatorOf('+6289612345678')).toBe('Tri');
    expect(operatorOf('+6281712345678')).toBe('XL');
  });

  it('places every customer, warehouse and router within the radius of the kecamatan centre', () => {
    const points = [...data.customers, ...data.warehouses, ...data.routers];
    for (const point of points) {
      expect(metresBetween(KECAMATAN.centre, point), JSON.stringify(point)).toBeLessThanOrEqual(
        KECAMATAN.radiusMeters,
      );
    }
    // Spread out, not piled on one spot: customers reach at least a kilometre from the centre.
    expect(Math.max(...data.customers.map((c) => metresBetween(KECAMATAN.centre, c)))).toBeGreaterThan(1000);
    for (const customer of data.customers) {
      expect(customer.address).toMatch(
        /^(Jl\.|Perum).* No\. .+, RT \d{2}\/RW \d{2}, .+, Kec\. Depok, Kab\. Sleman, DI Yogyakarta 5528[123]$/,
      );
    }
  });

  it('puts ISP customers on an existing router and gives them unique PPPoE/hotspot usernames', () => {
    const routerNames = new Set(data.routers.map((r) => r.name));
    const subscribers = data.customers.filter((c) => c.isp !== null);
    expect(subscribers.length).toBeGreaterThan(data.customers.length / 2);
    expect(subscribers.length).toBeLessThan(data.customers.length);
    for (const c of subscribers) expect(routerNames.has(c.isp!.routerName)).toBe(true);
    expect(new Set(subscribers.map((c) => c.isp!.username)).size).toBe(subscribers.length);
    expect(data.customers.some((c) => c.category === 'business')).toBe(true);
    for (const router of data.routers) {
      expect(router.host).toMatch(/^192\.168\.88\.\d{1,3}$/);
      expect(router.port).toBe(8728);
    }
  });

  it('staffs every default role with usernames users.create accepts', () => {
    expect(new Set(data.staff.map((s) => s.role))).toEqual(new Set(DEFAULT_ROLE_KEYS));
    expect(data.staff[0]!.role).toBe('owner');
    for (const s of data.staff) expect(Username.parse(s.username)).toBe(s.username);
    expect(new Set(data.staff.map((s) => s.username)).size).toBe(data.staff.length);
  });

  it('codes warehouses WH-SLM-nn with a shop and a storeroom', () => {
    expect(data.warehouses.map((w) => w.code)).toEqual(['WH-SLM-01', 'WH-SLM-02', 'WH-SLM-03']);
    expect(data.warehouses.map((w) => w.kind)).toEqual(['toko', 'gudang', 'toko']);
  });
});
