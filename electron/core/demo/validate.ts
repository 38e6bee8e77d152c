import type { DemoData } from './generate';
import { operatorOf } from './phones';
import { KECAMATAN, distanceMeters, type LatLng } from './places';
import { GS1_INDONESIA_PREFIX, PRODUCT_CATEGORIES, PRODUCT_UNITS, TAX_MODES, isValidEan13 } from './products';

/** E.164 Indonesian mobile: +62 8xx, 8–11 digits after the 8. */
export const MOBILE_E164 = /^\+628\d{8,11}$/;
const USERNAME = /^[a-z0-9._-]{3,32}$/;

function duplicates(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) dupes.add(value);
    seen.add(value);
  }
  return [...dupes];
}

/**
 * Checks the invariants importers and tests rely on; returns the problems found (empty when the data
 * is sound). Run before anything is written, so a generator bug never reaches a data folder.
 */
export function validateDemo(data: DemoData, limit = 50): string[] {
  const problems: string[] = [];
  const add = (problem: string) => {
    if (problems.length < limit) problems.push(problem);
  };
  const checkPoint = (what: string, point: LatLng) => {
    if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng))
      return add(`${what}: coordinates are not numbers`);
    const d = distanceMeters(KECAMATAN.centre, point);
    if (d > KECAMATAN.radiusMeters)
      add(`${what}: ${Math.round(d)} m from the kecamatan centre (limit ${KECAMATAN.radiusMeters})`);
  };
  const checkPhone = (what: string, phone: string) => {
    if (!MOBILE_E164.test(phone) || operatorOf(phone) === null)
      add(`${what}: "${phone}" is not an Indonesian mobile number in E.164`);
  };

  // Staff
  if (data.staff.filter((s) => s.role === 'owner').length !== 1)
    add('staff: there must be exactly one owner');
  for (const s of data.staff) {
    if (!USERNAME.test(s.username)) add(`staff ${s.username}: username is not valid for users.create`);
    checkPhone(`staff ${s.username}`, s.phone);
  }
  for (const d of duplicates(data.staff.map((s) => s.username))) add(`staff: username ${d} is used twice`);

  // Warehouses and routers
  for (const w of data.warehouses) {
    if (!/^WH-[A-Z]{3}-\d{2}$/.test(w.code)) add(`warehouse ${w.code}: code is not WH-XXX-nn`);
    checkPoint(`warehouse ${w.code}`, w);
  }
  for (const d of duplicates(data.warehouses.map((w) => w.code))) add(`warehouses: code ${d} is used twice`);
  if (!data.warehouses.some((w) => w.kind === 'toko')) add('warehouses: no shop (toko)');
  for (const r of data.routers) {
    if (!/^192\.168\.88\.(25[0-4]|2[0-4]\d|1\d\d|[1-9]\d?)$/.test(r.host))
      add(`router ${r.name}: ${r.host} is not in 192.168.88.0/24`);
    if (r.port !== 8728 && r.port !== 8729)
      add(`router ${r.name}: port ${r.port} is not a RouterOS API port`);
    checkPoint(`router ${r.name}`, r);
  }
  for (const d of duplicates(data.routers.map((r) => r.name))) add(`routers: name ${d} is used twice`);
  for (const d of duplicates(data.routers.map((r) => r.host))) add(`routers: host ${d} is used twice`);

  // Customers
  const routerNames = new Set(data.routers.map((r) => r.name));
  for (const c of data.customers) {
    checkPhone(`customer ${c.code}`, c.whatsapp);
    checkPoint(`customer ${c.code}`, c);
    if (c.isp) {
      if (!routerNames.has(c.isp.routerName)) add(`customer ${c.code}: unknown router ${c.isp.routerName}`);
      if (!Number.isInteger(c.isp.monthlyFee) || c.isp.monthlyFee <= 0)
        add(`customer ${c.code}: monthly fee is not a positive integer`);
    }
  }
  for (const d of duplicates(data.customers.map((c) => c.code))) add(`customers: code ${d} is used twice`);
  for (const d of duplicates([...data.customers.map((c) => c.whatsapp), ...data.staff.map((s) => s.phone)])) {
    add(`customers/staff: WhatsApp ${d} is used twice`);
  }
  for (const d of duplicates(data.customers.flatMap((c) => (c.isp ? [c.isp.username] : [])))) {
    add(`customers: ISP username ${d} is used twice`);
  }

  // Products
  for (const p of data.products) {
    if (!isValidEan13(p.barcode) || !p.barcode.startsWith(GS1_INDONESIA_PREFIX))
      add(`product ${p.sku}: ${p.barcode} is not a valid 899… EAN-13`);
    if (!Number.isInteger(p.cost) || p.cost <= 0)
      add(`product ${p.sku}: cost ${p.cost} is not a positive integer`);
    if (!Number.isInteger(p.price) || p.price <= p.cost)
      add(`product ${p.sku}: price ${p.price} is not an integer above cost ${p.cost}`);
    if (p.price % 100 !== 0 || p.cost % 100 !== 0)
      add(`product ${p.sku}: price or cost is not rounded to Rp 100`);
    if (!(PRODUCT_CATEGORIES as readonly string[]).includes(p.category))
      add(`product ${p.sku}: unknown category ${p.category}`);
    if (!(PRODUCT_UNITS as readonly string[]).includes(p.unit))
      add(`product ${p.sku}: unknown unit ${p.unit}`);
    if (!(TAX_MODES as readonly string[]).includes(p.taxMode))
      add(`product ${p.sku}: unknown tax mode ${p.taxMode}`);
  }
  for (const d of duplicates(data.products.map((p) => p.sku))) add(`products: SKU ${d} is used twice`);
  for (const d of duplicates(data.products.map((p) => p.barcode)))
    add(`products: barcode ${d} is used twice`);

  return problems;
}
