import type { CoreEventName, CoreEvents } from './events';
import type { Locale, Result } from '../domain/errors';

/** A call as it crosses a transport: Electron IPC carries exactly this object. */
export type IpcRequest = { channel: string; input: unknown; token: string | null; locale: Locale };

/** What the preload exposes as `window.gerai`: one invoke, one event subscription. */
export type GeraiBridge = {
  invoke(request: IpcRequest): Promise<Result<unknown>>;
  /** Returns an unsubscribe function. */
  on<E extends CoreEventName>(event: E, listener: (payload: CoreEvents[E]) => void): () => void;
};

/** The Electron IPC channel names (one for calls, one for events). */
export const IPC_INVOKE = 'gerai:invoke';
export const IPC_EVENT = 'gerai:event';
