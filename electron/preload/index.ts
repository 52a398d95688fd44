/**
 * The preload: exposes `window.polku = { invoke, on }` and nothing else (no ipcRenderer, no process).
 * It runs sandboxed and is bundled to one CommonJS file, so it imports only dependency-free modules of
 * shared/ (shared/api.ts would pull zod into the preload).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENTS, type EventName, type EventPayloads } from '@shared/events';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type PolkuBridge } from '@shared/bridge';

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>();

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
});

const bridge = {
  invoke(channel, input) {
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, input);
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    if (!isEventName(event)) throw new TypeError('Unknown event');
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function');
    // The listener gets the payload only, never Electron's event object (it would reach ipcRenderer).
    const wrapped: Listener = (payload) => listener(payload as EventPayloads[E]);
    const forEvent = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, forEvent);
    forEvent.add(wrapped);
    return () => {
      forEvent.delete(wrapped);
    };
  },
} satisfies PolkuBridge;

contextBridge.exposeInMainWorld('polku', bridge);
