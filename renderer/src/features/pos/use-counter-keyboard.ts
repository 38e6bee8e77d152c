import { useEffect, useEffectEvent, useState } from 'react';
import { useCartStore } from './cart-store';
import { usePosStore } from './pos-store';
import { createScanDetector } from './scan-detector';
import { focusSearch, focusSearchNow, isSearchInput } from './search-focus';
import type { useProductSearch } from './use-product-search';

type Search = ReturnType<typeof useProductSearch>;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * The counter's keyboard: F2 search, F4 customer, F8 hold, F9 pay, Esc clear, ↑/↓ choose a line,
 * +/− quantity, Del remove, Enter add (a fast burst ending in Enter is a scan). Keys typed while
 * the focus wandered off to a button still land in the search box, so a scan is never lost.
 * Nothing here runs while a dialog is open: the dialog owns the keyboard then.
 */
export function useCounterKeyboard(search: Search, customersEnabled: boolean): void {
  const [detector] = useState(() => createScanDetector());

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const pos = usePosStore.getState();
    if (pos.dialog !== null || event.defaultPrevented) return;
    const cart = useCartStore.getState();
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;

    switch (event.key) {
      case 'F2':
        event.preventDefault();
        focusSearch();
        return;
      case 'F4':
        event.preventDefault();
        if (customersEnabled) pos.openDialog('customer');
        return;
      case 'F8':
        event.preventDefault();
        pos.openDialog(cart.lines.length > 0 ? 'hold' : 'held');
        return;
      case 'F9':
        event.preventDefault();
        if (cart.lines.length > 0) pos.openDialog('pay');
        return;
      default:
        break;
    }

    const inSearch = isSearchInput(event.target);
    // Another field (a line's quantity, a dialog) has the key.
    if (!inSearch && isEditable(event.target)) return;
    const empty = search.query === '';

    if (event.key === 'Enter') {
      if (!inSearch) return;
      event.preventDefault();
      void search.submit(detector.enter(event.timeStamp));
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      detector.reset();
      if (!empty) search.reset();
      else if (cart.lines.length > 0) pos.openDialog('clear');
      focusSearch();
      return;
    }
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      cart.moveSelection(event.key === 'ArrowUp' ? -1 : 1);
      return;
    }
    if (empty && cart.selected >= 0 && plain) {
      if (event.key === '+' || event.key === '-') {
        event.preventDefault();
        cart.changeQuantity(cart.selected, event.key === '+' ? 1 : -1);
        return;
      }
      if (event.key === 'Delete') {
        event.preventDefault();
        cart.remove(cart.selected);
        return;
      }
    }
    if (event.key.length === 1 && plain) {
      detector.key(event.key, event.timeStamp);
      if (!inSearch) {
        // The focus was on a button or the page: the key still belongs to the search box.
        event.preventDefault();
        search.setQuery(search.query + event.key);
        focusSearchNow();
      }
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
