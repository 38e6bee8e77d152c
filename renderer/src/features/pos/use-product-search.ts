import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { translateNow } from '../../app/i18n/translate';
import { useCartStore } from './cart-store';
import { cachedHit, exactHit, rememberHits } from './hit-cache';

const SEARCH_DELAY_MS = 150;
const RESULT_LIMIT = 24;
/** "3*" before a name or a scan sells three. */
const MULTIPLIER = /^(\d{1,5})\s*\*\s*(.*)$/;

/** How the last add went, for the flash: by a scan (exact code) or by search (Enter / tap). */
export type ScanFeedback = { kind: 'added' | 'unknown'; via: 'scan' | 'search'; at: number } | null;

function splitMultiplier(text: string): { quantity: number; term: string } {
  const match = MULTIPLIER.exec(text.trim());
  if (!match) return { quantity: 1, term: text.trim() };
  return { quantity: Math.max(1, Number(match[1])), term: (match[2] ?? '').trim() };
}

/**
 * The till's search: typing searches the catalogue (debounced, stock from the shift's warehouse),
 * Enter adds the top hit, and a scan adds the exact barcode/SKU at once, from the cache when it can.
 */
export function useProductSearch(warehouseId: string) {
  const [query, setQueryState] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [hitsFor, setHitsFor] = useState('');
  const [searching, setSearching] = useState(false);
  const [feedback, setFeedback] = useState<ScanFeedback>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sequence = useRef(0);

  useEffect(() => () => clearTimeout(timer.current), []);

  const search = useCallback(
    async (term: string): Promise<SearchHit[] | null> => {
      const mine = ++sequence.current;
      setSearching(true);
      const result = await call(
        'catalog.products.search',
        { query: term, warehouseId, limit: RESULT_LIMIT },
        { quiet: true },
      );
      if (mine !== sequence.current) return null;
      setSearching(false);
      if (!result.ok) return [];
      rememberHits(result.data);
      setHits(result.data);
      setHitsFor(term);
      return result.data;
    },
    [warehouseId],
  );

  const setQuery = useCallback(
    (text: string) => {
      setQueryState(text);
      clearTimeout(timer.current);
      const { term } = splitMultiplier(text);
      if (term === '') {
        sequence.current++;
        setSearching(false);
        setHits([]);
        setHitsFor('');
        return;
      }
      timer.current = setTimeout(() => void search(term), SEARCH_DELAY_MS);
    },
    [search],
  );

  const reset = useCallback(() => {
    clearTimeout(timer.current);
    sequence.current++;
    setQueryState('');
    setHits([]);
    setHitsFor('');
    setSearching(false);
  }, []);

  const add = useCallback((hit: SearchHit, quantity: number, via: 'scan' | 'search') => {
    useCartStore.getState().addItem(hit, quantity);
    setFeedback({ kind: 'added', via, at: Date.now() });
  }, []);

  /**
   * A scanned code: exact barcode or SKU only, never "the closest name". Answers false when no item
   * has that code.
   */
  const addByCode = useCallback(
    async (code: string, quantity: number): Promise<boolean> => {
      reset();
      const cached = cachedHit(code);
      if (cached) {
        add(cached, quantity, 'scan');
        return true;
      }
      const result = await call(
        'catalog.products.search',
        { query: code, warehouseId, limit: 5 },
        { quiet: true },
      );
      const hit = result.ok ? exactHit(result.data, code) : null;
      if (result.ok) rememberHits(result.data);
      if (hit) add(hit, quantity, 'scan');
      return hit !== null;
    },
    [add, reset, warehouseId],
  );

  /** Typed text: the exact code if there is one, else the top hit of the search. */
  const addBySearch = useCallback(
    async (term: string, quantity: number) => {
      clearTimeout(timer.current);
      const current = hitsFor === term ? hits : await search(term);
      if (current === null) return;
      const hit = exactHit(current, term) ?? current[0];
      if (hit) {
        reset();
        add(hit, quantity, 'search');
      } else {
        setFeedback({ kind: 'unknown', via: 'search', at: Date.now() });
        notify(translateNow('pos.search.nothing', { query: term }), 'warning');
      }
    },
    [add, hits, hitsFor, reset, search],
  );

  /** Enter: a scan goes by its code; typed text adds the exact match or else the top hit. */
  const submit = useCallback(
    async (scannedCode: string | null) => {
      if (scannedCode) {
        // "3*" before the scan sells three, whether it was typed slowly or came within the burst.
        const prefix = query.endsWith(scannedCode) ? query.slice(0, query.length - scannedCode.length) : '';
        const { quantity, term } = splitMultiplier(`${prefix}${scannedCode}`);
        if (term === '') {
          reset();
          return;
        }
        if (await addByCode(term, quantity)) return;
        // A fast typist's word ("aqua" + Enter) can look like a burst: without digits, search for it.
        if (!/\d/.test(term)) {
          await addBySearch(term, quantity);
          return;
        }
        setFeedback({ kind: 'unknown', via: 'scan', at: Date.now() });
        notify(translateNow('pos.scan.unknown', { code: term }), 'warning');
        return;
      }
      const { quantity, term } = splitMultiplier(query);
      if (term !== '') await addBySearch(term, quantity);
    },
    [addByCode, addBySearch, query, reset],
  );

  const pick = useCallback(
    (hit: SearchHit) => {
      const { quantity } = splitMultiplier(query);
      reset();
      add(hit, quantity, 'search');
    },
    [add, query, reset],
  );

  const { term } = splitMultiplier(query);
  return {
    query,
    setQuery,
    reset,
    submit,
    pick,
    feedback,
    /** The latest answer stays on screen while the next one is on its way (no flicker while typing). */
    hits: term !== '' ? hits : [],
    searching,
    term,
  };
}
