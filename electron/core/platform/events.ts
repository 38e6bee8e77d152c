import type { CoreEventName, CoreEvents } from '../../../shared/contract/events';

type Listener<E extends CoreEventName> = (payload: CoreEvents[E]) => void;

/** The core's typed event bus; hosts forward it to the renderer. */
export type EventBus = {
  emit<E extends CoreEventName>(event: E, payload: CoreEvents[E]): void;
  /** Returns an unsubscribe function. */
  on<E extends CoreEventName>(event: E, listener: Listener<E>): () => void;
  /** Every event, for hosts that forward all of them. */
  onAny(listener: (event: CoreEventName, payload: CoreEvents[CoreEventName]) => void): () => void;
};

export function createEventBus(): EventBus {
  const listeners = new Map<CoreEventName, Set<(payload: never) => void>>();
  const anyListeners = new Set<(event: CoreEventName, payload: CoreEvents[CoreEventName]) => void>();
  return {
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) (listener as Listener<typeof event>)(payload);
      for (const listener of anyListeners) listener(event, payload);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
    onAny(listener) {
      anyListeners.add(listener);
      return () => anyListeners.delete(listener);
    },
  };
}
