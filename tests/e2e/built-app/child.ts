/**
 * The child process of the boot test: a plain Node that plays Electron for the built main bundle. 'electron'
 * resolves to the stand-in (electron/main/testing/electron-module.ts, through the resolve hook boot.ts registers),
 * the bundle out/main/index.js is imported as Electron would load it, and the test drives what Electron would do
 * (ready, requests of the window, messages of the renderer, the window closed) over the child-process channel.
 * Compiled to JavaScript at test time by boot.ts; it runs no TypeScript itself.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Worker as WorkerType, WorkerOptions } from 'node:worker_threads';
import {
  FakeFrame,
  STAND_IN_KEY,
  strict,
  type ElectronStandIn,
  type Recorded,
  type StandInSlot,
} from '../../../electron/main/testing/electron-stand-in';
import type { BootConfig, ChildMessage, ParentRequest, StandInReport, WindowReport } from './protocol';

type StandIn = ElectronStandIn<Recorded>;
type FakeWindow = InstanceType<StandIn['control']['FakeBrowserWindow']>;
type FakeSession = InstanceType<StandIn['control']['FakeSession']>;

const config = JSON.parse(process.env.POLKU_BOOT_CONFIG ?? 'null') as BootConfig | null;
if (!config) throw new Error('POLKU_BOOT_CONFIG is missing');

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected || !process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

/** The options a window was made with, as data: its session by partition. */
function plainOptions(options: Record<string, unknown>): Record<string, unknown> {
  const webPreferences = { ...(options.webPreferences as Record<string, unknown>) };
  const session = webPreferences.session as FakeSession | undefined;
  if (session) webPreferences.session = { partition: session.partition };
  return { ...options, webPreferences };
}

function withoutFunctions(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null, (_key, item: unknown) => (typeof item === 'function' ? '[function]' : item)));
}

let standIn: StandIn;

/**
 * The worker threads the app starts, by script: node:worker_threads' Worker is wrapped before the bundle is
 * imported (syncBuiltinESMExports carries the wrapper into the bundle's `import { Worker }`).
 */
const workers = { files: [] as string[], ended: 0 };
function watchWorkers(): void {
  const threads = createRequire(import.meta.url)('node:worker_threads') as { Worker: typeof WorkerType };
  const Original = threads.Worker;
  threads.Worker = class extends Original {
    constructor(file: string | URL, options?: WorkerOptions) {
      super(file, options);
      workers.files.push(String(file));
      this.once('exit', () => (workers.ended += 1));
    }
  };
  syncBuiltinESMExports();
}

function report(): StandInReport {
  const { members, control } = standIn;
  const windows: WindowReport[] = control.FakeBrowserWindow.instances.map((window: FakeWindow) => ({
    options: plainOptions(window.options),
    shown: window.shown,
    destroyed: window.destroyed,
    loadedUrls: [...window.loadedUrls],
    windowOpenHandler: window.webContents.windowOpenHandler?.({ url: 'https://example.invalid/' }) ?? null,
    navigationGuards: ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'].filter(
      (name) => window.webContents.listenerCount(name) > 0,
    ),
  }));
  const sessions = [members.session.defaultSession, ...members.session.partitions.values()].map((target) => {
    let permissionGranted: boolean | null = null;
    target.permissionRequestHandler?.(null, 'media', (granted) => (permissionGranted = granted));
    let cancelsForeign: boolean | null = null;
    target.beforeRequest?.({ url: 'https://example.invalid/' }, (response) => (cancelsForeign = response.cancel === true));
    return {
      partition: target.partition,
      schemes: [...target.protocolHandlers.keys()],
      cancelsForeign,
      permissionGranted,
      spellChecker: target.spellCheckerEnabled,
    };
  });
  const app = members.app;
  return {
    appName: app.name,
    sandboxed: app.enableSandbox.mock.calls.length > 0,
    switches: app.commandLine.appendSwitch.mock.calls,
    privilegedSchemes: members.protocol.registerSchemesAsPrivileged.mock.calls,
    windows,
    sessions,
    menu: withoutFunctions(control.menu.current?.template ?? null),
    powerListeners: Object.fromEntries(
      ['suspend', 'lock-screen', 'shutdown'].map((name) => [name, members.powerMonitor.listenerCount(name)]),
    ),
    appListeners: Object.fromEntries(
      ['before-quit', 'will-quit', 'window-all-closed', 'second-instance', 'web-contents-created'].map((name) => [
        name,
        app.listenerCount(name),
      ]),
    ),
    ipcChannels: [...members.ipcMain.handlers.keys()],
    errorBoxes: members.dialog.showErrorBox.mock.calls,
    exits: app.exit.mock.calls,
    workers: { files: [...workers.files], ended: workers.ended },
  };
}

function theWindow(): FakeWindow {
  const window = standIn.control.FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('the app made no window');
  return window;
}

/** A request of the window as Electron handles it: the session's request filter first, then its protocol handler. */
async function request(url: string, method: string) {
  const target = theWindow().options.webPreferences as { session: FakeSession };
  const session = target.session;
  let cancelled = false;
  session.beforeRequest?.({ url }, (response) => (cancelled = response.cancel === true));
  if (cancelled) return { cancelled: true as const };
  const handler = session.protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
  if (!handler) return { cancelled: true as const };
  const response = await handler(new Request(url, { method }));
  const body = new Uint8Array(await response.arrayBuffer());
  return { cancelled: false as const, status: response.status, headers: Object.fromEntries(response.headers), body };
}

/** A message of the renderer through the invoke channel, from the window's main frame or from another frame. */
async function invoke(ipcChannel: string, args: unknown[], frame: { url: string; main: boolean }): Promise<unknown> {
  const handler = standIn.members.ipcMain.handlers.get(ipcChannel);
  // Electron's own answer to an invoke nobody handles.
  if (!handler) throw new Error(`No handler registered for '${ipcChannel}'`);
  const window = theWindow();
  const main = window.webContents.mainFrame;
  if (frame.main) main.url = frame.url;
  const senderFrame = frame.main ? main : new FakeFrame(frame.url, main.frameTreeNodeId + 1000, main);
  const event = strict({ sender: window.webContents, senderFrame: strict(senderFrame, 'WebFrameMain') }, 'IpcMainInvokeEvent');
  return (await handler(event, ...args)) as unknown;
}

async function answer(message: ParentRequest): Promise<unknown> {
  switch (message.type) {
    case 'report':
      return report();
    case 'request':
      return request(message.url, message.method);
    case 'invoke':
      return invoke(message.ipcChannel, message.args, message.frame);
    case 'ready-to-show':
      theWindow().emit('ready-to-show');
      return null;
    case 'power':
      standIn.members.powerMonitor.emit(message.event);
      return null;
    case 'answer-save':
      standIn.control.dialogAnswers.save.push({ canceled: false, filePath: message.filePath });
      return null;
    case 'close-window':
      theWindow().close();
      return null;
    case 'quit-app':
      standIn.members.app.quit();
      return null;
  }
}

process.on('message', (raw) => {
  const message = raw as ParentRequest & { id: number };
  answer(message).then(
    (value) => send({ type: 'answer', id: message.id, ok: true, value }),
    (error: unknown) =>
      send({
        type: 'answer',
        id: message.id,
        ok: false,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      }),
  );
});

async function main(bootConfig: BootConfig): Promise<void> {
  // What Electron's Node has and plain Node has not.
  Object.defineProperty(process.versions, 'electron', { value: bootConfig.electronVersion, configurable: true });
  if (bootConfig.resourcesPath) Object.defineProperty(process, 'resourcesPath', { value: bootConfig.resourcesPath });
  const scope = globalThis as unknown as Record<symbol, StandInSlot | undefined>;
  scope[STAND_IN_KEY] = {
    hooks: {
      quit: 'electron',
      onSend: (channel, args) => void send({ type: 'send', channel, args }),
      onExit: (code) => {
        // Electron ends at once on app.exit: no quit events, no waiting.
        void send({ type: 'exit', code, report: report() }).then(() => process.exit(code));
      },
      onQuit: () => {
        // Electron would end the process here; the test lets it run out by itself, to see that nothing is left.
        setImmediate(() => {
          void send({ type: 'quit', report: report(), resources: process.getActiveResourcesInfo() }).then(() =>
            process.disconnect(),
          );
        });
      },
    },
  };
  await import('electron');
  const standInNow = scope[STAND_IN_KEY]?.standIn;
  if (!standInNow) throw new Error("'electron' did not resolve to the stand-in");
  standIn = standInNow;
  const { app } = standIn.members;
  app.isPackaged = bootConfig.isPackaged;
  app.appPath = bootConfig.appPath;
  app.paths.set('userData', bootConfig.userData);
  app.paths.set('documents', bootConfig.documents);
  watchWorkers();
  await import(pathToFileURL(bootConfig.bundle).href);
  standIn.control.becomeReady();
  await send({ type: 'started' });
}

main(config).catch((error: unknown) => {
  void send({ type: 'crashed', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }).then(() =>
    process.exit(70),
  );
});
