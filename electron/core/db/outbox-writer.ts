import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../platform/clock';
import type { Hlc } from '../platform/hlc';
import { uuidv7 } from '../platform/ids';
import type { DB, SyncColumns, SyncedTable } from './schema';

type Writable = Kysely<DB> | Transaction<DB>;
/** A table-agnostic view for the generic writes below; callers' row types were checked by NewRow/RowPatch. */
type LooseDb = Kysely<Record<SyncedTable, Record<string, unknown> & { id: string }>>;
type NewRow<T extends SyncedTable> = Omit<DB[T], keyof SyncColumns> & { id?: string };
type RowPatch<T extends SyncedTable> = Partial<Omit<DB[T], keyof SyncColumns>>;

/**
 * The one way services write synced rows. Each write stamps the sync columns (HLC, device, times) and
 * appends the change to `sync_outbox` in the caller's transaction, so a row and its outbox entry are
 * committed together or not at all.
 */
export type OutboxWriter = {
  insert<T extends SyncedTable>(db: Writable, table: T, row: NewRow<T>): Promise<DB[T]>;
  /** Several rows of one table in two statements (rows, then their outbox entries), in order. */
  insertMany<T extends SyncedTable>(db: Writable, table: T, rows: readonly NewRow<T>[]): Promise<DB[T][]>;
  update<T extends SyncedTable>(db: Writable, table: T, id: string, patch: RowPatch<T>): Promise<void>;
  softDelete(db: Writable, table: SyncedTable, id: string): Promise<void>;
};

export function createOutboxWriter(deps: { clock: Clock; hlc: Hlc; deviceId: string }): OutboxWriter {
  async function appendOutbox(
    db: Writable,
    table: SyncedTable,
    rowId: string,
    op: 'insert' | 'update' | 'delete',
    hlc: string,
    payload: Record<string, unknown>,
  ) {
    await db
      .insertInto('sync_outbox')
      .values({
        op_id: uuidv7(),
        table_name: table,
        row_id: rowId,
        op,
        hlc,
        payload: JSON.stringify(payload),
        created_at: deps.clock.now(),
      })
      .execute();
  }

  return {
    async insert(db, table, row) {
      const now = deps.clock.now();
      const hlc = deps.hlc.next();
      const name: SyncedTable = table;
      const full: Record<string, unknown> & { id: string } = {
        ...row,
        id: row.id ?? uuidv7(now),
        created_at: now,
        updated_at: now,
        hlc,
        origin_device: deps.deviceId,
        deleted_at: null,
      };
      await (db as unknown as LooseDb).insertInto(name).values(full).execute();
      await appendOutbox(db, name, full.id, 'insert', hlc, full);
      return full as unknown as DB[typeof table];
    },
    async insertMany(db, table, rows) {
      if (rows.length === 0) return [];
      const now = deps.clock.now();
      const name: SyncedTable = table;
      const full = rows.map((row) => ({
        ...row,
        id: row.id ?? uuidv7(now),
        created_at: now,
        updated_at: now,
        hlc: deps.hlc.next(),
        origin_device: deps.deviceId,
        deleted_at: null,
      })) as (Record<string, unknown> & { id: string; hlc: string })[];
      await (db as unknown as LooseDb).insertInto(name).values(full).execute();
      await db
        .insertInto('sync_outbox')
        .values(
          full.map((row) => ({
            op_id: uuidv7(),
            table_name: name,
            row_id: row.id,
            op: 'insert' as const,
            hlc: row.hlc,
            payload: JSON.stringify(row),
            created_at: now,
          })),
        )
        .execute();
      return full as unknown as DB[typeof table][];
    },
    async update(db, table, id, patch) {
      const now = deps.clock.now();
      const hlc = deps.hlc.next();
      const name: SyncedTable = table;
      const changes: Record<string, unknown> = { ...patch, updated_at: now, hlc };
      await (db as unknown as LooseDb).updateTable(name).set(changes).where('id', '=', id).execute();
      await appendOutbox(db, table, id, 'update', hlc, changes);
    },
    async softDelete(db, table, id) {
      const now = deps.clock.now();
      const hlc = deps.hlc.next();
      await (db as unknown as LooseDb)
        .updateTable(table)
        .set({ deleted_at: now, updated_at: now, hlc })
        .where('id', '=', id)
        .execute();
      await appendOutbox(db, table, id, 'delete', hlc, { deleted_at: now });
    },
  };
}
