import type { TestCore } from './core-fixture';
import { unwrap } from './core-fixture';

/**
 * Rows the ISP-office read tests (map, dashboard) stand on: a router nothing answers for (its
 * changes wait as jobs; nothing here needs it to answer) and one plan written straight through the
 * outbox writer.
 */
export async function addUnreachableRouter(t: TestCore, ownerToken: string, name: string): Promise<string> {
  const router = unwrap(
    await t.call(
      'network.routers.create',
      { name, host: '127.0.0.1', port: 1, username: 'gerai-api', password: 'Router-Uji-2030' },
      ownerToken,
    ),
  );
  return router.id;
}

export function insertPlanRow(t: TestCore) {
  const { writer, store } = t.core.deps;
  return writer.insert(store.db, 'plans', {
    name: 'Paket 10M',
    service: 'pppoe',
    download_kbps: 10_000,
    upload_kbps: 5_000,
    price: 150_000,
    tax_mode: 'included',
    router_profile: 'paket-10M',
    isolir_method: 'profile',
    isolir_profile: 'isolir',
    isolir_address_list: '',
    installation_fee: 0,
    archived: 0,
    notes: '',
  });
}
