import type { Kysely } from 'kysely';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-shop-counter';
import * as m0003 from './0003-network';
import * as m0004 from './0004-customers-map';
import * as m0005 from './0005-plans-subscriptions';
import * as m0006 from './0006-billing';
import * as m0007 from './0007-notify';

export type Migration = { version: number; name: string; up(db: Kysely<any>): Promise<void> };

/**
 * Every migration, in order. Listed by hand because a bundled main process has no folder to scan.
 * Never edit one that has shipped: add the next number instead.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'foundation', up: m0001.up },
  { version: 2, name: 'shop-counter', up: m0002.up },
  { version: 3, name: 'network', up: m0003.up },
  { version: 4, name: 'customers-map', up: m0004.up },
  { version: 5, name: 'plans-subscriptions', up: m0005.up },
  { version: 6, name: 'billing', up: m0006.up },
  { version: 7, name: 'notify', up: m0007.up },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
