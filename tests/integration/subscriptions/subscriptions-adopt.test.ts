/**
 * Adopting an ISP's existing PPPoE secrets from the RouterOS simulator: the preview lists only the
 * secrets Gerai does not manage, with suggested plan, customer, new-customer name and address
 * conflicts; adoption makes customers, managed secrets (passwords sealed, never in tables or audit)
 * and live subscriptions, and its one sync job tags the router's secrets without changing password,
 * profile or address, or kicking a session. Bad items write nothing; adopting twice is refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract/index';
import { pppSecretName, readSecret } from '../../../electron/core/network/secret-store';
import { auditText, cleanupTestCores, codeOf, snapshotTables, unwrap } from '../support/core-fixture';
import { behindTheBack, menu, tablesText } from '../network/network-support';
import { closedPort } from '../network/routeros-support';
import { subscriptionTest, type SubscriptionTest } from './subscriptions-support';

afterAll(cleanupTestCores);

const PASSWORDS = {
  budi: 'Budi-Lama-771',
  dewi: 'Dewi-Lama-772',
  fajar: 'Fajar-Lama-773',
  eko: 'Eko-Lama-774',
  phone: 'Telp-Lama-775',
  code: 'Kode-Lama-776',
};

/**
 * A router an ISP set up by hand: profiles, and secrets Gerai never made; one secret Gerai already
 * manages (holding 10.10.0.9); Budi's session is up.
 */
async function isp(s: SubscriptionTest) {
  const plan = await s.plan({ installationFee: 250_000 });
  const customer = unwrap(await s.t.call('customers.get', { id: s.customerId }, s.owner.token));
  const router = behindTheBack(s.router);
  for (const name of [plan.routerProfile, 'isolir']) await router.add('/ppp/profile', { name });
  const secrets: Record<string, string | boolean>[] = [
    {
      name: 'budi.santoso',
      password: PASSWORDS.budi,
      profile: plan.routerProfile,
      service: 'pppoe',
      'caller-id': 'D4:CA:6D:00:00:01',
    },
    { name: 'dewi.lestari', password: PASSWORDS.dewi, profile: plan.routerProfile, disabled: true },
    {
      name: 'fajar',
      password: PASSWORDS.fajar,
      profile: 'isolir',
      comment: 'fajar nugroho',
      'remote-address': '10.10.0.21',
    },
    {
      name: 'eko',
      password: PASSWORDS.eko,
      profile: 'default',
      comment: 'Eko Prasetyo',
      'remote-address': '10.10.0.9',
    },
    { name: '081234567890', password: PASSWORDS.phone, profile: 'default' },
    { name: customer.code.toLowerCase(), password: PASSWORDS.code, profile: 'default' },
  ];
  for (const secret of secrets) await router.add('/ppp/secret', secret);
  unwrap(
    await s.t.call(
      'network.ppp.secrets.upsert',
      {
        routerId: s.routerRow.id,
        name: 'dikelola',
        password: 'Dikelola-Gerai-1',
        profile: 'default',
        remoteAddress: '10.10.0.9',
      },
      s.owner.token,
    ),
  );
  await s.runJobs();
  s.router.dialIn('budi.santoso', { address: '10.10.0.50' });
  return { plan, customer };
}

const secretOnRouter = (s: SubscriptionTest, name: string) =>
  menu(s.router, '/ppp/secret').find((row) => row.name === name)!;

const count = (s: SubscriptionTest, table: string) =>
  Number(
    s.t.core.deps.store.sqlite
      .prepare(`SELECT count(*) FROM "${table}" WHERE deleted_at IS NULL`)
      .pluck()
      .get(),
  );

describe('adopting PPP secrets from the router', () => {
  it('previews only the secrets Gerai does not manage, with suggestions and conflicts', async () => {
    const s = await subscriptionTest();
    const { plan, customer } = await isp(s);
    const preview = unwrap(
      await s.t.call('subscriptions.adopt.preview', { routerId: s.routerRow.id }, s.owner.token),
    );
    expect(preview.managed).toBe(1);
    const byName = new Map(preview.secrets.map((secret) => [secret.name, secret]));
    expect([...byName.keys()].sort()).toEqual(
      ['081234567890', 'budi.santoso', customer.code.toLowerCase(), 'dewi.lestari', 'eko', 'fajar'].sort(),
    );
    const brief = { id: customer.id, code: customer.code, name: 'Budi Santoso' };
    expect(byName.get('budi.santoso')).toEqual({
      name: 'budi.santoso',
      profile: plan.routerProfile,
      service: 'pppoe',
      remoteAddress: '',
      disabled: false,
      comment: '',
      callerId: 'D4:CA:6D:00:00:01',
      passwordReadable: true,
      suggestedPlan: { id: plan.id, name: plan.name },
      suggestedCustomer: brief,
      suggestedName: 'Budi Santoso',
      suggestedState: 'active',
      conflict: null,
    });
    expect(byName.get('dewi.lestari')).toMatchObject({
      disabled: true,
      suggestedPlan: { id: plan.id },
      suggestedCustomer: null,
      suggestedName: 'Dewi Lestari',
      suggestedState: 'isolated',
    });
    // No plan has the isolir profile as its own: no plan suggested, the comment names the customer.
    expect(byName.get('fajar')).toMatchObject({
      profile: 'isolir',
      suggestedPlan: null,
      suggestedCustomer: null,
      suggestedName: 'Fajar Nugroho',
      remoteAddress: '10.10.0.21',
      conflict: null,
    });
    expect(byName.get('eko')).toMatchObject({
      suggestedName: 'Eko Prasetyo',
      suggestedPlan: null,
      conflict: { en: '10.10.0.9 is already used by PPP secret dikelola' },
    });
    // WhatsApp number and customer code find the customer too.
    expect(byName.get('081234567890')?.suggestedCustomer).toEqual(brief);
    expect(byName.get(customer.code.toLowerCase())?.suggestedCustomer).toEqual(brief);
  });

  it('adopts: customers, managed secrets and live subscriptions; the router keeps password, profile and session', async () => {
    const s = await subscriptionTest();
    const { plan } = await isp(s);
    const before = Object.fromEntries(
      ['budi.santoso', 'dewi.lestari', 'fajar'].map((name) => [name, { ...secretOnRouter(s, name) }]),
    );
    const session = menu(s.router, '/ppp/active').find((row) => row.name === 'budi.santoso')!;
    const result = unwrap(
      await s.t.call(
        'subscriptions.adopt',
        {
          routerId: s.routerRow.id,
          items: [
            { name: 'budi.santoso', planId: plan.id, customerId: s.customerId },
            {
              name: 'dewi.lestari',
              planId: plan.id,
              newCustomer: { name: 'Dewi Lestari', phone: '0813-5555-6666' },
            },
            {
              name: 'fajar',
              planId: plan.id,
              newCustomer: { name: 'Fajar Nugroho', address: 'Jl. Melati 3' },
            },
          ],
        },
        s.owner.token,
      ),
    );
    expect(result).toMatchObject({ adopted: 3, customersCreated: 2, errors: [] });
    expect(result.subscriptionIds).toHaveLength(3);
    expect(result.jobIds).toHaveLength(1);

    const listed = unwrap(
      await s.t.call('subscriptions.list', { routerId: s.routerRow.id, limit: 200 }, s.owner.token),
    ).subscriptions;
    const byUser = new Map(listed.map((sub) => [sub.username, sub]));
    expect(byUser.get('budi.santoso')).toMatchObject({
      state: 'active',
      customerId: s.customerId,
      planId: plan.id,
      activatedOn: '2030-01-15',
      remoteAddress: '',
    });
    // Disabled on the router, or on the plan's isolir profile: isolated.
    expect(byUser.get('dewi.lestari')).toMatchObject({ state: 'isolated', customerName: 'Dewi Lestari' });
    expect(byUser.get('fajar')).toMatchObject({ state: 'isolated', remoteAddress: '10.10.0.21' });
    for (const sub of listed) expect(sub.anchorDay).toBeGreaterThanOrEqual(1);

    const dewi = unwrap(
      await s.t.call('customers.get', { id: byUser.get('dewi.lestari')!.customerId }, s.owner.token),
    );
    expect(dewi).toMatchObject({ status: 'active', phone: '+6281355556666' });
    expect(dewi.code).toMatch(/^PLG-/);
    const budi = unwrap(await s.t.call('customers.get', { id: s.customerId }, s.owner.token));
    expect(budi.status).toBe('active');

    const history = unwrap(
      await s.t.call('subscriptions.get', { id: byUser.get('budi.santoso')!.id }, s.owner.token),
    );
    expect(history.events).toHaveLength(1);
    expect(history.events[0]).toMatchObject({
      kind: 'activate',
      fromState: null,
      toState: 'active',
      reason: 'adopted from router',
      details: { adopted: true },
    });

    // Managed now, passwords sealed in the secret store only.
    const secrets = unwrap(
      await s.t.call('network.ppp.secrets.list', { routerId: s.routerRow.id }, s.owner.token),
    );
    const managed = secrets
      .filter((secret) => secret.managed)
      .map((secret) => secret.name)
      .sort();
    expect(managed).toEqual(['budi.santoso', 'dewi.lestari', 'dikelola', 'fajar']);
    const budiSecret = secrets.find((secret) => secret.name === 'budi.santoso')!;
    const deps = s.t.core.deps;
    expect(await readSecret(deps.store.db, deps.secrets, pppSecretName(budiSecret.id!))).toBe(PASSWORDS.budi);
    const text = tablesText(s.t);
    const audit = auditText(s.t.core);
    for (const password of Object.values(PASSWORDS)) {
      expect(text).not.toContain(password);
      expect(audit).not.toContain(password);
    }
    // No installation fee for a customer who was already connected.
    expect(count(s, 'billing_charges')).toBe(0);
    const entries = unwrap(await s.t.call('audit.log.list', { limit: 50 }, s.owner.token)).entries.filter(
      (entry) => entry.channel === 'subscriptions.adopt',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({
      adopted: 3,
      isolated: 2,
      customersCreated: 2,
      existingCustomers: 1,
    });

    await s.runJobs();
    expect(await s.job(result.jobIds[0]!)).toMatchObject({ state: 'done' });
    for (const name of ['budi.santoso', 'dewi.lestari', 'fajar']) {
      const after = secretOnRouter(s, name);
      const id = secrets.find((secret) => secret.name === name)!.id!;
      expect(after.comment?.startsWith(`gerai:${id}`)).toBe(true);
      const { comment: _before, ...kept } = before[name]!;
      const { comment: _after, ...now } = after;
      expect(now).toEqual(kept);
    }
    expect(secretOnRouter(s, 'fajar').comment).toBe(
      `gerai:${secrets.find((x) => x.name === 'fajar')!.id} fajar nugroho`,
    );
    // The session that was up is still the same session.
    expect(menu(s.router, '/ppp/active')).toEqual([session]);

    // Nothing left to adopt for those names.
    const again = unwrap(
      await s.t.call('subscriptions.adopt.preview', { routerId: s.routerRow.id }, s.owner.token),
    );
    expect(again.managed).toBe(4);
    expect(again.secrets.map((secret) => secret.name)).not.toContain('budi.santoso');

    // Reactivating the disabled one enables it on the plan's profile; the isolir one leaves isolir.
    for (const name of ['dewi.lestari', 'fajar']) {
      unwrap(
        await s.t.call(
          'subscriptions.reactivate',
          { id: byUser.get(name)!.id, reason: 'Sudah bayar' },
          s.owner.token,
        ),
      );
    }
    await s.runJobs();
    expect(secretOnRouter(s, 'dewi.lestari')).toMatchObject({
      disabled: 'false',
      profile: plan.routerProfile,
      password: PASSWORDS.dewi,
    });
    expect(secretOnRouter(s, 'fajar')).toMatchObject({
      disabled: 'false',
      profile: plan.routerProfile,
      password: PASSWORDS.fajar,
    });
    s.router.dialIn('dewi.lestari');
  });

  it('adopts hundreds of secrets in one call and one sync job', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan();
    const router = behindTheBack(s.router);
    await router.add('/ppp/profile', { name: plan.routerProfile });
    const names = Array.from({ length: 300 }, (_, i) => `pelanggan.${String(i + 1).padStart(3, '0')}`);
    for (const [i, name] of names.entries()) {
      await router.add('/ppp/secret', {
        name,
        password: `Pw-${i}-lama`,
        profile: plan.routerProfile,
        'remote-address': `10.20.${Math.floor(i / 200)}.${(i % 200) + 2}`,
      });
    }
    const preview = unwrap(
      await s.t.call('subscriptions.adopt.preview', { routerId: s.routerRow.id }, s.owner.token),
    );
    const items = preview.secrets.map((secret) => ({
      name: secret.name,
      planId: secret.suggestedPlan!.id,
      newCustomer: { name: secret.suggestedName },
    }));
    expect(items).toHaveLength(300);
    const result = unwrap(
      await s.t.call('subscriptions.adopt', { routerId: s.routerRow.id, items }, s.owner.token),
    );
    expect(result).toMatchObject({ adopted: 300, customersCreated: 300, errors: [] });
    expect(result.jobIds).toHaveLength(1);
    await s.runJobs();
    expect(await s.job(result.jobIds[0]!)).toMatchObject({ state: 'done' });
    const onRouter = menu(s.router, '/ppp/secret');
    expect(onRouter).toHaveLength(300);
    for (const [i, secret] of onRouter.entries()) {
      expect(secret.comment).toMatch(/^gerai:/);
      expect(secret).toMatchObject({ password: `Pw-${i}-lama`, profile: plan.routerProfile });
    }
    const customers = unwrap(await s.t.call('customers.list', { query: 'Pelanggan 150' }, s.owner.token));
    expect(customers.customers.map((c) => c.name)).toEqual(['Pelanggan 150']);
  });

  it('refuses adopting a name twice', async () => {
    const s = await subscriptionTest();
    const { plan } = await isp(s);
    const items = [{ name: 'budi.santoso', planId: plan.id, customerId: s.customerId }];
    unwrap(await s.t.call('subscriptions.adopt', { routerId: s.routerRow.id, items }, s.owner.token));
    const second = unwrap(
      await s.t.call('subscriptions.adopt', { routerId: s.routerRow.id, items }, s.owner.token),
    );
    expect(second).toMatchObject({ adopted: 0, jobIds: [], subscriptionIds: [] });
    expect(second.errors).toEqual([
      {
        name: 'budi.santoso',
        field: 'name',
        message: expect.objectContaining({ en: 'The secret budi.santoso is already managed by Gerai.' }),
      },
    ]);
    expect(count(s, 'subscriptions')).toBe(1);
  });

  it('answers every item’s problems and writes nothing when any item is wrong', async () => {
    const s = await subscriptionTest();
    const { plan } = await isp(s);
    const archived = await s.plan();
    unwrap(await s.t.call('plans.archive', { id: archived.id }, s.owner.token));
    const before = snapshotTables(s.t.core);
    const items: ChannelInput<'subscriptions.adopt'>['items'] = [
      // Fine on its own: still not adopted, because others fail.
      { name: 'budi.santoso', planId: plan.id, customerId: s.customerId },
      { name: 'dewi.lestari', planId: '00000000-0000-4000-8000-000000000000', newCustomer: { name: 'Dewi' } },
      { name: 'dikelola', planId: plan.id, newCustomer: { name: 'Dikelola' } },
      { name: 'eko', planId: plan.id, newCustomer: { name: 'Eko' } },
      { name: 'tidak.ada', planId: plan.id, newCustomer: { name: 'Siapa' } },
      {
        name: 'fajar',
        planId: archived.id,
        customerId: s.customerId,
        newCustomer: { name: 'Fajar' },
        state: 'active',
      },
    ];
    const result = unwrap(
      await s.t.call('subscriptions.adopt', { routerId: s.routerRow.id, items }, s.owner.token),
    );
    expect(result).toMatchObject({ adopted: 0, customersCreated: 0, subscriptionIds: [], jobIds: [] });
    expect(result.errors.map((error) => [error.name, error.field])).toEqual([
      ['dewi.lestari', 'planId'],
      ['dikelola', 'name'],
      ['eko', 'remoteAddress'],
      ['tidak.ada', 'name'],
      ['fajar', 'planId'],
      ['fajar', 'customerId'],
      ['fajar', 'state'],
    ]);
    expect(result.errors.find((error) => error.name === 'eko')!.message).toEqual({
      id: '10.10.0.9 sudah dipakai PPP secret dikelola',
      en: '10.10.0.9 is already used by PPP secret dikelola',
    });
    for (const error of result.errors) expect(error.message.id).not.toBe(error.message.en);
    expect(snapshotTables(s.t.core)).toEqual(before);
  });

  it('answers ROUTER_UNREACHABLE when the router does not answer, and writes nothing', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan();
    const offline = await s.addRouter({ port: await closedPort() });
    const before = snapshotTables(s.t.core);
    expect(
      codeOf(await s.t.call('subscriptions.adopt.preview', { routerId: offline.id }, s.owner.token)),
    ).toBe('ROUTER_UNREACHABLE');
    expect(
      codeOf(
        await s.t.call(
          'subscriptions.adopt',
          { routerId: offline.id, items: [{ name: 'budi', planId: plan.id, customerId: s.customerId }] },
          s.owner.token,
        ),
      ),
    ).toBe('ROUTER_UNREACHABLE');
    expect(snapshotTables(s.t.core)).toEqual(before);
  });
});
