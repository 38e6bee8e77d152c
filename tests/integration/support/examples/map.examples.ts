import type { ChannelInput } from '../../../../shared/contract/index';
import type { ipamChannels } from '../../../../shared/contract/ipam.contract';
import type { mapChannels } from '../../../../shared/contract/map.contract';
import { fresh, type BaseExampleContext, type ExampleContext, type PassAnswer } from '../channel-examples';
import { unwrap, type TestCore } from '../core-fixture';
import type { CustomersExampleContext } from './customers.examples';

/** The map's and the IP pools' channels (one part owns both). */
type MapChannel = keyof typeof mapChannels | keyof typeof ipamChannels;

/** What the map examples point at (ids made by prepareMapExamples). */
export type MapExampleContext = {
  /** An ODP near the branch (8 ports), safe to change; subscriptions may hang off it. */
  odpId: string;
  /** A POP nothing hangs off, safe to remove. */
  removablePointId: string;
  /** A fibre route from the POP to the ODP, and one safe to remove. */
  routeId: string;
  removableRouteId: string;
  /** A pool 10.10.0.0/24 on the example router, and one (10.99.0.0/24) safe to remove. */
  ipPoolId: string;
  removableIpPoolId: string;
};

/** Makes what the map examples point at, through the channels, as the owner. */
export async function prepareMapExamples(
  t: TestCore,
  owner: string,
  prior: BaseExampleContext & CustomersExampleContext,
): Promise<MapExampleContext> {
  const pop = unwrap(
    await t.call(
      'map.points.create',
      { kind: 'pop', name: 'POP Contoh', latitude: -7.76, longitude: 110.4, portsTotal: 0 },
      owner,
    ),
  );
  const odp = unwrap(
    await t.call(
      'map.points.create',
      {
        kind: 'odp',
        name: 'ODP Contoh',
        latitude: -7.761,
        longitude: 110.401,
        portsTotal: 8,
        parentId: pop.id,
      },
      owner,
    ),
  );
  const removable = unwrap(
    await t.call(
      'map.points.create',
      { kind: 'pop', name: 'POP Bekas', latitude: -7.77, longitude: 110.41 },
      owner,
    ),
  );
  const route = unwrap(
    await t.call(
      'map.routes.create',
      {
        name: 'Kabel POP–ODP',
        fromPointId: pop.id,
        toPointId: odp.id,
        path: [
          [-7.76, 110.4],
          [-7.761, 110.401],
        ],
      },
      owner,
    ),
  );
  const removableRoute = unwrap(
    await t.call(
      'map.routes.create',
      {
        name: 'Kabel Bekas',
        kind: 'drop',
        path: [
          [-7.77, 110.41],
          [-7.771, 110.411],
        ],
      },
      owner,
    ),
  );
  const pool = unwrap(
    await t.call(
      'ipam.pools.create',
      { routerId: prior.routerId, name: 'pelanggan', ranges: '10.10.0.0/24' },
      owner,
    ),
  );
  const removablePool = unwrap(
    await t.call(
      'ipam.pools.create',
      { routerId: prior.routerId, name: 'cadangan', ranges: '10.99.0.0/24' },
      owner,
    ),
  );
  return {
    odpId: odp.id,
    removablePointId: removable.id,
    routeId: route.id,
    removableRouteId: removableRoute.id,
    ipPoolId: pool.id,
    removableIpPoolId: removablePool.id,
  };
}

/** A /24 no earlier example used, for creating pools on the example router. */
function freshBlock(): string {
  const n = Number(fresh());
  return `10.${200 + Math.floor(n / 256)}.${n % 256}.0/24`;
}

/** One valid input per map channel (see channelExamples). */
export const mapExamples: { [C in MapChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {
  'map.points.list': () => ({ kinds: ['odp', 'pop'] }),
  'map.points.create': () => ({
    kind: 'odp',
    name: `ODP ${fresh()}`,
    latitude: -7.762,
    longitude: 110.402,
    portsTotal: 16,
  }),
  'map.points.update': (ctx) => ({ id: ctx.odpId, portsTotal: 16, notes: 'tiang depan masjid' }),
  'map.points.remove': (ctx) => ({ id: ctx.removablePointId }),
  'map.routes.list': () => ({}),
  'map.routes.create': () => ({
    name: `Kabel ${fresh()}`,
    path: [
      [-7.76, 110.4],
      [-7.7605, 110.4005],
      [-7.761, 110.401],
    ],
  }),
  'map.routes.update': (ctx) => ({ id: ctx.routeId, notes: 'lewat tiang PLN' }),
  'map.routes.remove': (ctx) => ({ id: ctx.removableRouteId }),
  'map.overview': () => ({ states: ['prospect', 'active'] }),
  'map.customers.setLocation': (ctx) => ({
    customerId: ctx.customerId,
    latitude: -7.7612,
    longitude: 110.4021,
  }),
  'map.settings.get': () => ({}),
  'map.settings.update': () => ({ zoom: 15 }),
  'ipam.pools.list': (ctx) => ({ routerId: ctx.routerId }),
  'ipam.pools.create': (ctx) => ({ routerId: ctx.routerId, name: `pool-${fresh()}`, ranges: freshBlock() }),
  'ipam.pools.update': (ctx) => ({ id: ctx.ipPoolId, notes: 'pelanggan PPPoE statis' }),
  'ipam.pools.remove': (ctx) => ({ id: ctx.removableIpPoolId }),
  'ipam.pools.usage': (ctx) => ({ poolId: ctx.ipPoolId }),
  'ipam.addresses.check': (ctx) => ({ routerId: ctx.routerId, address: '10.10.0.25' }),
};

/** Where a map example answers a caller the gate lets through something other than ok. */
export const mapPassAnswers: Partial<Record<MapChannel, PassAnswer>> = {
  'map.points.remove': { first: 'ok', then: 'NOT_FOUND' },
  'map.routes.remove': { first: 'ok', then: 'NOT_FOUND' },
  'ipam.pools.remove': { first: 'ok', then: 'NOT_FOUND' },
};
