import { afterEach, expect, it } from 'vitest';
import { startFonnteSim } from '../../sim/notify/fonnte-sim';
import { useTestCores } from '../support/core-fixture';
import { invoiceVars, notifyTest } from './notify-support';

useTestCores();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

it('tells the UI when messages are queued and when one is sent, so the log needs no polling', async () => {
  const fonnte = await startFonnteSim({ token: 'token-events' });
  closers.push(() => fonnte.close());
  const n = await notifyTest();
  await n.settings({ whatsapp: { provider: 'fonnte', fonnteUrl: fonnte.sendUrl, token: 'token-events' } });
  const customerId = await n.customer({ phone: '0812-3456-7890' });
  const seen: (string | null)[] = [];
  n.t.core.events.on('notify.outbox', ({ id }) => seen.push(id));

  await n.queue([{ templateKey: 'invoice.issued', customerId, dedupeKey: 'events:1', vars: invoiceVars() }]);
  // Queued: one event for the commit, naming no message.
  expect(seen).toEqual([null]);

  await n.runDue();
  const [sent] = await n.entries({ state: 'sent' });
  expect(sent).toBeDefined();
  expect(seen).toContain(sent!.id);

  // Queuing the same meaning again changes nothing and tells nobody.
  seen.length = 0;
  await n.queue([{ templateKey: 'invoice.issued', customerId, dedupeKey: 'events:1', vars: invoiceVars() }]);
  expect(seen).toEqual([]);
});
