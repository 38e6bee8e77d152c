import { useCallback, useEffect, useEffectEvent, useState } from 'react';

type Loaded<T> = { key: string; version: number; data: T | null };

/**
 * Loads what a screen shows for `key` (the request's parameters, serialized) and keeps the last
 * answer on screen while the next one is on its way. `loading` is derived from which key the data
 * belongs to, so no effect sets state synchronously; `reload()` asks again for the same key.
 * A failed load (null) keeps the previous data: the error already went to the snackbar.
 */
export function useLoader<T>(key: string, load: () => Promise<T | null>) {
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const run = useEffectEvent(load);

  useEffect(() => {
    let live = true;
    void run().then((data) => {
      if (live) setLoaded((previous) => ({ key, version, data: data ?? previous?.data ?? null }));
    });
    return () => {
      live = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return {
    data: loaded?.data ?? null,
    loading: loaded === null || loaded.key !== key || loaded.version !== version,
    reload,
  };
}
