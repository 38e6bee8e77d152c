import type { GeraiBridge, IpcRequest } from '../../../shared/contract/bridge';
import type { CoreEventName, CoreEvents } from '../../../shared/contract/events';
import type { Result } from '../../../shared/domain/errors';

declare global {
  interface Window {
    gerai?: GeraiBridge;
  }
}

type Listener = (payload: unknown) => void;

/** The web host's transport: POST /ipc/<channel>, events over one WebSocket at /events. */
function httpTransport(): GeraiBridge {
  const listeners = new Map<CoreEventName, Set<Listener>>();
  let socket: WebSocket | null = null;
  let socketToken: string | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  function connect(token: string | null) {
    if (token === socketToken && socket) return;
    socketToken = token;
    clearTimeout(retry);
    socket?.close();
    socket = null;
    if (!token) return;
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/events`);
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ token }));
    ws.onmessage = (message) => {
      const { event, payload } = JSON.parse(String(message.data)) as { event: CoreEventName; payload: unknown };
      for (const listener of listeners.get(event) ?? []) listener(payload);
    };
    ws.onclose = (close) => {
      if (socket !== ws) return;
      socket = null;
      // 4401: the token was refused; wait for the next call to bring a new one.
      if (close.code !== 4401) retry = setTimeout(() => connect(socketToken === token ? token : socketToken), 2000);
      else socketToken = null;
    };
  }

  return {
    async invoke(request: IpcRequest): Promise<Result<unknown>> {
      connect(request.token);
      try {
        const response = await fetch(`/ipc/${encodeURIComponent(request.channel)}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-gerai-locale': request.locale,
            ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
          },
          body: JSON.stringify(request.input ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message:
              request.locale === 'en'
                ? 'Cannot reach the Gerai host. Is it still running?'
                : 'Tidak dapat menghubungi host Gerai. Apakah masih berjalan?',
          },
        };
      }
    },
    on<E extends CoreEventName>(event: E, listener: (payload: CoreEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  };
}

/** Electron's preload bridge when present, else the web host over HTTP. The rest of the renderer cannot tell. */
export const transport: GeraiBridge = window.gerai ?? httpTransport();
