import { isRouterError, RouterTrapError } from './routeros/routeros-errors';
import type { RouterClient, RouterRecord } from './routeros/routeros-client';

/** Above this many names, one `print` of the whole menu is cheaper than one query per name. */
export const BULK_LOOKUP = 24;

/**
 * The menu's items by key (a `name`, or any key built from the row), read with one `print` of the
 * whole menu for many keys, or one query per key (sent together) for a few.
 */
export async function itemsByKey(
  client: RouterClient,
  menu: string,
  keys: readonly string[],
  options: {
    proplist: readonly string[];
    /** The key of a router row (default its `name`). */
    keyOf?: (row: RouterRecord) => string;
    /** The query that finds one key's items (default `{ name: key }`). */
    queryOf?: (key: string) => Record<string, string>;
  },
): Promise<Map<string, RouterRecord[]>> {
  const keyOf = options.keyOf ?? ((row: RouterRecord) => row.name ?? '');
  const queryOf = options.queryOf ?? ((key: string) => ({ name: key }));
  const wanted = new Set(keys);
  const found = new Map<string, RouterRecord[]>();
  const keep = (row: RouterRecord) => {
    const key = keyOf(row);
    if (!wanted.has(key)) return;
    const list = found.get(key);
    if (list) list.push(row);
    else found.set(key, [row]);
  };
  if (wanted.size === 0) return found;
  if (wanted.size > BULK_LOOKUP) {
    for (const row of await client.print(menu, { proplist: options.proplist })) keep(row);
  } else {
    const lists = await settleAll([...wanted], (key) => client.print(menu, { query: queryOf(key), proplist: options.proplist }));
    for (const list of lists) for (const row of list) keep(row);
  }
  return found;
}

/** Some items of a batch failed for reasons a retry alone will not fix (traps). Not retryable. */
export class BatchItemsFailed extends Error {
  readonly retryable = false;
  constructor(
    readonly failures: { item: string; message: string }[],
    total: number,
  ) {
    const shown = failures.slice(0, 5).map((f) => `${f.item}: ${f.message}`);
    const more = failures.length > shown.length ? `; and ${failures.length - shown.length} more` : '';
    super(`${failures.length} of ${total} failed: ${shown.join('; ')}${more}`);
    this.name = 'BatchItemsFailed';
  }
}

/**
 * Runs `work` for every item at once (the client keeps a window of tagged commands in flight and
 * queues the rest) and waits for all of them, so a job never ends while its commands are still out.
 * Then: any retryable failure (connection lost, timeout) rethrows it — the job runs again and, being
 * idempotent, finishes what is left; otherwise traps become one `BatchItemsFailed`.
 */
export async function settleAll<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  nameOf: (item: T) => string = String,
): Promise<R[]> {
  const outcomes = await Promise.allSettled(items.map((item) => work(item)));
  const failures: { item: string; message: string; error: unknown }[] = [];
  const results: R[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') results.push(outcome.value);
    else {
      const error: unknown = outcome.reason;
      const message = isRouterError(error) && 'routerMessage' in error ? String(error.routerMessage) : error instanceof Error ? error.message : String(error);
      failures.push({ item: nameOf(items[i]!), message, error });
    }
  });
  if (failures.length === 0) return results;
  const retryable = failures.find((f) => isRouterError(f.error) && f.error.retryable);
  if (retryable) throw retryable.error;
  if (failures.length === 1 && items.length === 1) throw failures[0]!.error;
  throw new BatchItemsFailed(failures, items.length);
}

/**
 * Removes the items: one command for all of them, or (when one of them has gone meanwhile — a
 * session that ended by itself) one by one, an item already gone counting as removed.
 */
export async function removeItems(client: RouterClient, menu: string, rows: readonly RouterRecord[]): Promise<number> {
  const ids = rows.map((row) => row['.id']).filter((id): id is string => typeof id === 'string' && id !== '');
  if (ids.length === 0) return 0;
  try {
    await client.remove(menu, ids);
    return ids.length;
  } catch (error) {
    if (!(error instanceof RouterTrapError) || !isGone(error)) throw error;
    if (ids.length === 1) return 0;
  }
  let removed = 0;
  await settleAll(ids, async (id) => {
    try {
      await client.remove(menu, id);
      removed++;
    } catch (error) {
      if (!(error instanceof RouterTrapError && isGone(error))) throw error;
    }
  });
  return removed;
}

function isGone(error: RouterTrapError): boolean {
  return /no such item/i.test(error.routerMessage);
}
