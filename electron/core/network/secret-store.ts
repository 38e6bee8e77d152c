import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { SecretCipher } from '../platform/secrets';

type Db = Kysely<DB> | Transaction<DB>;

/** The `secrets` row holding a router's API password. */
export const routerSecretName = (routerId: string) => `router:${routerId}`;
/** The `secrets` row holding a PPP secret's password. */
export const pppSecretName = (secretId: string) => `ppp:${secretId}`;

/**
 * Stores `plain` sealed by the cipher (safeStorage in Electron, the key file elsewhere). The `secrets`
 * table is local to this device and never synced, logged or audited.
 */
export async function storeSecret(db: Db, cipher: SecretCipher, name: string, plain: string, now: number): Promise<void> {
  const value = cipher.encrypt(plain);
  await db
    .insertInto('secrets')
    .values({ name, value, updated_at: now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at: now }))
    .execute();
}

/** The plain text of a stored secret, or null when none is stored. */
export async function readSecret(db: Db, cipher: SecretCipher, name: string): Promise<string | null> {
  const row = await db.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirst();
  return row ? cipher.decrypt(row.value) : null;
}

/** Which of `names` have a stored secret. */
export async function storedSecretNames(db: Db, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await db.selectFrom('secrets').select('name').where('name', 'in', names).execute();
  return new Set(rows.map((row) => row.name));
}

export async function deleteSecret(db: Db, name: string): Promise<void> {
  await db.deleteFrom('secrets').where('name', '=', name).execute();
}
