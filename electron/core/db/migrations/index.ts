import type { Kysely } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-shop-counter';
import * as m0003 from './0003-network';

export type Migration = { version: number; name: string; up(db: Kysely<any>): Promise<void> };

/**
 * Every migration, in order. Listed by hand because a bundled main process has no folder to scan.
 * Never edit one that has shipped: add the next number instead.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'foundation', up: m0001.up },
  { version: 2, name: 'shop-counter', up: m0002.up },
  { version: 3, name: 'network', up: m0003.up },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
