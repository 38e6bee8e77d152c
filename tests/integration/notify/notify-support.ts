/**
 * Shared set-up for the notification tests: a core with a deterministic retry schedule (1 s, 2 s, …;
 * `random` 0.5 means no jitter), an owner signed in, customers, and helpers that queue messages the
 * way billing does (inside a transaction) and read the outbox.
 */
import type { ChannelInput } from '../../../shared/contract/index';
import type { NotifyEntry } from '../../../shared/contract/notify.contract';
import type { HandlerContext } from '../../../electron/core/context';
import { inOwnTransaction } from '../../../electron/core/network/own-transaction';
import { appendAudit } from '../../../electron/core/audit/audit.service';
import {
  queueAdminAlert,
  queueCustomerMessages,
  type CustomerMessage,
} from '../../../electron/core/notify/notify-queue';
import type { NotifyOptions } from '../../../electron/core/notify/notify-runtime';
import type { NotifyOutboxRow } from '../../../electron/core/notify/notify.tables';
import { openTestCore, unwrap, type Signed, type TestCore } from '../support/core-fixture';

export const RETRY_MS = 1_000;

export const FAST_NOTIFY: NotifyOptions = {
  backoffBaseMs: RETRY_MS,
  maxAttempts: 4,
  requestTimeoutMs: 2_000,
  random: () => 0.5,
};

export type NotifyTest = {
  t: TestCore;
  owner: Signed;
  /** A customer with a WhatsApp number and/or an email address. */
  customer(fields?: { phone?: string; email?: string; name?: string }): Promise<string>;
  /** Queues customer messages in one transaction, as billing does; answers how many went in. */
  queue(messages: CustomerMessage[]): Promise<number>;
  alert(alert: { dedupeKey: string; title: string; text: string }): Promise<number>;
  /** Sends everything due now, to the end. */
  runDue(): Promise<void>;
  rows(): NotifyOutboxRow[];
  row(id: string): NotifyOutboxRow;
  entries(input?: { state?: NotifyEntry['state']; channel?: NotifyEntry['channel'] }): Promise<NotifyEntry[]>;
  settings(input: ChannelInput<'notify.settings.update'>): Promise<void>;
};

let serial = 0;

export async function notifyTest(options: NotifyOptions = {}): Promise<NotifyTest> {
  const t = await openTestCore({ core: { notify: { ...FAST_NOTIFY, ...options } } });
  const owner = await t.setupOwner();
  const inTransaction = <T>(work: (ctx: HandlerContext) => Promise<T>) => {
    const deps = t.core.deps;
    const base: HandlerContext = {
      ...deps,
      db: deps.store.db,
      session: null,
      locale: 'en',
      channel: 'test.notify',
      afterCommit: (effect) => effect(),
      audit: (entry) =>
        appendAudit(deps.store.db, deps, { userId: null, username: null }, 'test.notify', entry),
    };
    return inOwnTransaction(base, work);
  };
  const test: NotifyTest = {
    t,
    owner,
    async customer(fields = {}) {
      serial += 1;
      const created = unwrap(
        await t.call(
          'customers.create',
          {
            name: fields.name ?? `Pelanggan ${serial}`,
            phone: fields.phone ?? '',
            email: fields.email ?? '',
          },
          owner.token,
        ),
      );
      return created.id;
    },
    queue: (messages) => inTransaction((ctx) => queueCustomerMessages(ctx, messages)),
    alert: (alert) => inTransaction((ctx) => queueAdminAlert(ctx, alert)),
    runDue: () => t.core.deps.notify.sender.runDue(),
    rows: () =>
      t.core.deps.store.sqlite
        .prepare('SELECT * FROM notify_outbox ORDER BY created_at, rowid')
        .all() as NotifyOutboxRow[],
    row(id) {
      const row = t.core.deps.store.sqlite.prepare('SELECT * FROM notify_outbox WHERE id = ?').get(id) as
        NotifyOutboxRow | undefined;
      if (!row) throw new Error(`no outbox row ${id}`);
      return row;
    },
    async entries(input = {}) {
      return unwrap(await t.call('notify.outbox.list', input, owner.token)).entries;
    },
    async settings(input) {
      unwrap(await t.call('notify.settings.update', input, owner.token));
    },
  };
  return test;
}

/** Invoice-issued variables as billing passes them. */
export function invoiceVars(nomor = 'INV/2030-02/000001') {
  return {
    nomor,
    periode: '2030-02',
    paket: 'Rumah 10 Mbps',
    jumlah: 166_500,
    saldo: 166_500,
    jatuh_tempo: '2030-02-10',
  };
}
