import { KELURAHAN, generatePlace, type Place } from './places';
import type { Random } from './random';

export type WarehouseKind = 'toko' | 'gudang';

export type DemoWarehouse = {
  /** WH-<kabupaten code>-<nn>, e.g. WH-SLM-01. */
  code: string;
  name: string;
  /** `toko` sells over the counter; `gudang` only stores and transfers. */
  kind: WarehouseKind;
  address: string;
  kelurahan: string;
  lat: number;
  lng: number;
};

/** Kabupaten Sleman's short code, as on number plates and branch codes. */
export const BRANCH_AREA_CODE = 'SLM';

/**
 * The branch's stock locations: the main shop first (where the counter and the ISP desk are), a
 * storeroom, then further shops — one per kelurahan in turn.
 */
export function generateWarehouses(random: Random, count: number): DemoWarehouse[] {
  const kinds: WarehouseKind[] = ['toko', 'gudang'];
  const warehouses: DemoWarehouse[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i] ?? 'toko';
    const kelurahan = KELURAHAN[i % KELURAHAN.length]!;
    const place: Place = generatePlace(random, { kelurahan, spreadMeters: 700 });
    // Name a shop after the street it faces ("Toko Seturan Raya"), the way people give directions.
    const streetName = place.street.replace(/^(Jl\.|Perum|Perumnas) /, '');
    const name =
      kind === 'gudang'
        ? `Gudang ${kelurahan.name}`
        : i === 0
          ? `Toko Utama ${streetName}`
          : `Toko ${streetName}`;
    warehouses.push({
      code: `WH-${BRANCH_AREA_CODE}-${String(i + 1).padStart(2, '0')}`,
      name,
      kind,
      address: place.addressLine,
      kelurahan: place.kelurahan,
      lat: place.lat,
      lng: place.lng,
    });
  }
  return warehouses;
}
