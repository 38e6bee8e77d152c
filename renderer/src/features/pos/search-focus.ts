/**
 * The till's search box is where the scanner types, so it must have the focus whenever nothing else
 * needs it. Components register the input; actions call `focusSearch()` when they are done.
 */
let searchInput: HTMLInputElement | null = null;

export function registerSearchInput(input: HTMLInputElement | null): void {
  searchInput = input;
}

export function focusSearch(): void {
  // After the click or dialog that asked for it has finished moving focus around.
  requestAnimationFrame(() => {
    if (searchInput && document.activeElement !== searchInput) searchInput.focus({ preventScroll: true });
  });
}

export function isSearchInput(target: EventTarget | null): boolean {
  return target !== null && target === searchInput;
}

/** At once, inside a key handler, so the very next keystroke already lands in the box. */
export function focusSearchNow(): void {
  searchInput?.focus({ preventScroll: true });
}
