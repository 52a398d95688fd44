/** IPC wiring: one invoke channel into the core, one event channel out of it. */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '@shared/bridge';
import { failure, type Result } from '@shared/errors';
import type { Core } from '../core/types';
import { isAppUrl } from './protocol';

/** True only for the main frame of our own window, showing a page of our own origin. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  if (!window || window.isDestroyed()) return false;
  const frame = event.senderFrame;
  const main = window.webContents.mainFrame;
  return (
    event.sender === window.webContents &&
    frame !== null &&
    frame.parent === null &&
    frame.frameTreeNodeId === main.frameTreeNodeId &&
    isAppUrl(frame.url)
  );
}

export interface IpcOptions {
  core: Core;
  /** The window of the moment (null before it exists or after it closed). */
  window: () => BrowserWindow | null;
  /** Told about every request the core answered successfully, by channel name. */
  onSuccess?: (channel: string) => void;
}

/** Routes the renderer's requests to core.dispatch and the core's events to the window; returns the undo. */
export function registerIpc(options: IpcOptions): () => void {
  const { core } = options;
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (typeof channel !== 'string') return failure('unknown_channel');
    const result = await core.dispatch(channel, input, { trustedSender: isTrustedSender(event, options.window()) });
    if (result.ok) options.onSuccess?.(channel);
    return result;
  });
  const unsubscribe = core.subscribe((name, payload) => {
    const window = options.window();
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
