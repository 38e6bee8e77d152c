import { randomUUID } from 'node:crypto';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract/index';
import type { Result } from '../../../shared/domain/errors';
import type { HandlerContext } from '../../../electron/core/context';
import { pdfTextRuns } from '../../support/pdf-text';
import { openTestCore, unwrap, type Signed, type TestCore } from '../support/core-fixture';
import type { Sqlite } from '../support/shop';

/** One day in ms, for moving the manual clock. */
export const DAY = 86_400_000;

export type BillingTest = {
  t: TestCore;
  owner: Signed;
  sqlite: Sqlite;
  routerId: string;
  plan(name: string, price: number, taxMode?: 'included' | 'excluded' | 'exempt'): Promise<string>;
  customer(name: string): Promise<string>;
  /** A customer subscribed to `planId` and activated today (the clock's local day). */
  subscribe(customerId: string, planId: string): Promise<string>;
  pay(
    input: Omit<ChannelInput<'billing.payments.record'>, 'id'> & { id?: string },
    token?: string,
  ): Promise<Result<ChannelOutput<'billing.payments.record'>>>;
  /** Moves the clock `days` forward and signs the owner in again (sessions end when idle). */
  advanceDays(days: number): Promise<void>;
  /** Runs `work` with a handler context in one transaction (for the functions other parts call). */
  inContext<T>(work: (ctx: HandlerContext) => Promise<T>): Promise<T>;
};

/**
 * A branch (PKP off unless a test changes it) with a router nothing answers for: activations queue
 * their router jobs, billing needs no router. Plans, customers and subscriptions go through their
 * channels as the owner.
 */
export async function billingTest(): Promise<BillingTest> {
  const t = await openTestCore();
  const owner = await t.setupOwner();
  const router = unwrap(
    await t.call(
      'network.routers.create',
      { name: 'POP Depok', host: '127.0.0.1', port: 1, username: 'admin', password: 'x' },
      owner.token,
    ),
  );
  let serial = 0;
  const test: BillingTest = {
    t,
    owner,
    sqlite: t.core.deps.store.sqlite,
    routerId: router.id,
    async plan(name, price, taxMode = 'included') {
      serial += 1;
      const plan = unwrap(
        await t.call(
          'plans.create',
          {
            name,
            downloadKbps: 10_000 + serial,
            uploadKbps: 5_000,
            price,
            taxMode,
            routerProfile: `paket-${serial}`,
            isolirMethod: 'profile',
            isolirProfile: 'isolir',
          },
          test.owner.token,
        ),
      );
      return plan.id;
    },
    async customer(name) {
      return unwrap(await t.call('customers.create', { name, phone: '0812-3456-7890' }, test.owner.token)).id;
    },
    async subscribe(customerId, planId) {
      const created = unwrap(
        await t.call('subscriptions.create', { customerId, planId, routerId: router.id }, test.owner.token),
      );
      unwrap(
        await t.call(
          'subscriptions.activate',
          { id: created.subscription.id, reason: 'pasang baru' },
          test.owner.token,
        ),
      );
      return created.subscription.id;
    },
    async pay(input, token) {
      return t.call('billing.payments.record', { id: randomUUID(), ...input }, token ?? test.owner.token);
    },
    async advanceDays(days) {
      t.clock.advance(days * DAY);
      test.owner = await t.login(owner.username, owner.password);
    },
    async inContext(work) {
      const deps = t.core.deps;
      const effects: (() => void)[] = [];
      const result = await deps.store.db.transaction().execute((db) =>
        work({
          ...deps,
          db,
          session: null,
          locale: 'en',
          channel: 'test',
          audit: async () => {},
          afterCommit: (effect) => effects.push(effect),
        }),
      );
      for (const effect of effects) effect();
      return result;
    },
  };
  return test;
}

/** The text a PDF shows, joined (pdfkit writes hex strings inside TJ arrays). */
export function pdfText(pdf: Buffer): string {
  return pdfTextRuns(pdf).join('');
}
