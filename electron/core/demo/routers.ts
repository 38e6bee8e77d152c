import { KELURAHAN, generatePlace } from './places';
import type { Random } from './random';

export type RouterModel = 'hEX' | 'RB4011' | 'CCR2004';

/** MikroTik boards a neighbourhood ISP typically runs, with the board name RouterOS reports. */
export const ROUTER_BOARDS: Readonly<Record<RouterModel, { boardName: string; maxCustomers: number }>> = {
  CCR2004: { boardName: 'CCR2004-16G-2S+', maxCustomers: 2000 },
  RB4011: { boardName: 'RB4011iGS+RM', maxCustomers: 800 },
  hEX: { boardName: 'RB750Gr3', maxCustomers: 250 },
};

export type DemoRouter = {
  /** The RouterOS identity, e.g. POP-CONDONGCATUR. */
  name: string;
  /** A private LAN address. Demo data only: nothing ever connects to it. */
  host: string;
  /** RouterOS API port (8728 plain; 8729 would be API-SSL). */
  port: number;
  tls: boolean;
  model: RouterModel;
  boardName: string;
  routerOsVersion: string;
  /** The API user Gerai signs in as. Its password is entered when the router is added, never generated. */
  apiUsername: string;
  /** Which kelurahan's customers hang off this router. */
  kelurahan: string;
  location: string;
  lat: number;
  lng: number;
};

const ROUTEROS_VERSIONS = ['7.16.2', '7.15.3', '7.14.3', '6.49.17'];

/**
 * The ISP's routers: a core router at the main shop, then one point of presence per kelurahan. All
 * on the MikroTik default LAN 192.168.88.0/24, core at .1.
 */
export function generateRouters(random: Random, count: number): DemoRouter[] {
  const models: RouterModel[] = ['CCR2004', 'RB4011', 'hEX'];
  const routers: DemoRouter[] = [];
  for (let i = 0; i < count; i++) {
    const kelurahan = KELURAHAN[i % KELURAHAN.length]!;
    const round = Math.floor(i / KELURAHAN.length);
    const model = models[i] ?? random.pick(['RB4011', 'hEX'] as const);
    const place = generatePlace(random, { kelurahan, spreadMeters: 600 });
    const name = `${i === 0 ? 'CORE' : 'POP'}-${kelurahan.name.toUpperCase()}${round > 0 ? `-${round + 1}` : ''}`;
    routers.push({
      name,
      host: `192.168.88.${i + 1}`,
      port: 8728,
      tls: false,
      model,
      boardName: ROUTER_BOARDS[model].boardName,
      routerOsVersion: random.weighted(ROUTEROS_VERSIONS, [5, 3, 2, 1]),
      apiUsername: 'gerai-api',
      kelurahan: kelurahan.name,
      location: place.addressLine,
      lat: place.lat,
      lng: place.lng,
    });
  }
  return routers;
}
