import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type GeraiBridge, type IpcRequest } from '../../shared/contract/bridge';
import { CHANNELS } from '../../shared/contract/index';
import { CORE_EVENT_NAMES, type CoreEventName } from '../../shared/contract/events';

const allowedChannels = new Set<string>(CHANNELS);
const allowedEvents = new Set<string>(CORE_EVENT_NAMES);

const bridge: GeraiBridge = {
  invoke(request: IpcRequest) {
    if (!allowedChannels.has(request.channel)) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown channel: ${request.channel}` } });
    }
    return ipcRenderer.invoke(IPC_INVOKE, request);
  },
  on(event, listener) {
    if (!allowedEvents.has(event)) throw new Error(`Unknown event: ${event}`);
    // The Electron event object is dropped: the renderer only ever sees the payload.
    const wrapped = (_event: IpcRendererEvent, name: CoreEventName, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
};

contextBridge.exposeInMainWorld('gerai', bridge);
