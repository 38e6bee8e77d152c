import { expect, test } from 'vitest';
import { unwrap } from '../support/core-fixture';
import { networkTest } from '../network/network-support';
import { sim } from '../network/routeros-support';

test('a router that stops answering raises one admin alert per hour, and another when it is back', async () => {
  const n = await networkTest();
  const router = await sim();
  const row = await n.addRouter(router);
  const call = <C extends Parameters<typeof n.t.call>[0]>(
    channel: C,
    input: Parameters<typeof n.t.call<C>>[1],
  ) => n.t.call(channel, input, n.owner.token);
  const alerts = async () =>
    unwrap(await call('notify.outbox.list', { channel: 'discord' })).entries.filter(
      (entry) => entry.templateKey === 'admin.alert',
    );

  expect(unwrap(await call('network.routers.test', { id: row.id })).online).toBe(true);
  expect(await alerts()).toHaveLength(0);

  // The router goes away: its next check says so, and one alert (held: no webhook set up) is queued.
  router.setFault({ hang: true });
  expect(unwrap(await call('network.routers.test', { id: row.id })).online).toBe(false);
  await expect.poll(async () => (await alerts()).length).toBe(1);
  const [down] = await alerts();
  expect(down!.subject).toContain(row.name);
  expect(down!.subject).toContain('tidak menjawab');

  // Still down at the next check: nothing new.
  expect(unwrap(await call('network.routers.test', { id: row.id })).online).toBe(false);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await alerts()).toHaveLength(1);

  // Back: one "online again" alert.
  router.setFault({ hang: false });
  expect(unwrap(await call('network.routers.test', { id: row.id })).online).toBe(true);
  await expect.poll(async () => (await alerts()).length).toBe(2);
  expect((await alerts()).some((entry) => entry.subject.includes('kembali online'))).toBe(true);
});
