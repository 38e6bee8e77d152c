import type { ChannelInput, ChannelOutput } from '../../../shared/contract/index';
import type { Result } from '../../../shared/domain/errors';
import type { Locale } from '../../../shared/domain/errors';
import {
  openTestCore,
  snapshotTables,
  unwrap,
  type Signed,
  type TableSnapshot,
  type TestCore,
} from '../support/core-fixture';

/** A fresh branch with its owner signed in, and shorthands for the customers channels. */
export type Office = {
  t: TestCore;
  owner: Signed;
  create(input: ChannelInput<'customers.create'>): Promise<ChannelOutput<'customers.create'>>;
  tryCreate(
    input: ChannelInput<'customers.create'>,
    locale?: Locale,
  ): Promise<Result<ChannelOutput<'customers.create'>>>;
  list(input: ChannelInput<'customers.list'>): Promise<ChannelOutput<'customers.list'>>;
  count(table: string): number;
};

export async function openOffice(): Promise<Office> {
  const t = await openTestCore();
  const owner = await t.setupOwner();
  return {
    t,
    owner,
    create: async (input) => unwrap(await t.call('customers.create', input, owner.token)),
    tryCreate: (input, locale) => t.call('customers.create', input, owner.token, locale),
    list: async (input) => unwrap(await t.call('customers.list', input, owner.token)),
    count: (table) =>
      (
        t.core.deps.store.sqlite
          .prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`)
          .get() as { n: number }
      ).n,
  };
}

/**
 * Every table's rows except the audit log and its head (a writing channel always leaves an audit entry, even when
 * it answers with errors only): what "wrote nothing" compares.
 */
export function dataSnapshot(office: Office): TableSnapshot {
  const { audit_log: _audit, sqlite_sequence: _sequence, meta, ...rest } = snapshotTables(office.t.core);
  return { ...rest, meta: (meta ?? []).filter((row) => row.key !== 'audit_head') };
}
