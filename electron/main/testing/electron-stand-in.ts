/**
 * The one stand-in for the 'electron' module: the shell's unit tests (through fake-electron.ts, with Vitest's spies)
 * and the boot test of the built app (tests/e2e/built-app.spec.ts, compiled to plain JavaScript and loaded in a
 * Node child in place of Electron) both use it. It records what the app asks of Electron — constructor options,
 * handlers, listeners, menus, dialogs — and lets a test call those handlers as Electron would. It is honest: it
 * depends on nothing but Node, and reading any member it does not implement throws, naming it, instead of
 * answering with a default.
 */
import { EventEmitter } from 'node:events';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a spy wraps functions of any signature
type AnyFn = (...args: any[]) => any;

/** Makes a recording function around an implementation; `S` is what the recording adds (Vitest's Mock, or `calls`). */
export type SpyMaker<S> = <F extends AnyFn>(implementation: F) => F & S;

/** The plain recorder (no Vitest): every call's arguments, in order, under `mock.calls` as Vitest keeps them. */
export interface Recorded {
  mock: { calls: unknown[][] };
}

export const record: SpyMaker<Recorded> = <F extends AnyFn>(implementation: F) => {
  const calls: unknown[][] = [];
  const recorded = function (this: unknown, ...args: unknown[]): unknown {
    calls.push(args);
    return implementation.apply(this, args) as unknown;
  };
  return Object.assign(recorded, { mock: { calls } }) as unknown as F & Recorded;
};

/**
 * Names a reading may ask for without being an Electron API: promise checks, JSON, and what test libraries look
 * for when they compare or print a value. They read as absent.
 */
const INTROSPECTION = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'nodeName',
  'tagName',
  'constructor',
  'inspect',
  '_isMockFunction',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '@@__IMMUTABLE_KEYED__@@',
  '@@__IMMUTABLE_ORDERED__@@',
]);

/** Thrown for any Electron API the stand-in does not implement. */
export class NotImplemented extends Error {
  constructor(readonly api: string) {
    super(`The Electron stand-in does not implement ${api}.`);
    this.name = 'NotImplemented';
  }
}

/** `target`, throwing NotImplemented on a read of any member it does not have. */
export function strict<T extends object>(target: T, name: string): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key in object || INTROSPECTION.has(key))
        return Reflect.get(object, key, receiver) as unknown;
      throw new NotImplemented(`${name}.${key}`);
    },
  });
}

/** A cancellable event as Electron passes it to listeners. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** A frame as Electron describes the sender of a message. */
export class FakeFrame {
  constructor(
    public url: string,
    public frameTreeNodeId: number,
    public parent: FakeFrame | null = null,
  ) {}
}

/** Node's emitter without its static helpers, whose option types cannot be named outside node:events. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a name for the instance side
export interface Emitter extends EventEmitter {}
export const Emitter: new () => Emitter = EventEmitter;

type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type SaveAnswer = { canceled: boolean; filePath: string };
type OpenAnswer = { canceled: boolean; filePaths: string[] };

export interface StandInOptions<S> {
  /** The recorder of every API function: Vitest's `vi.fn` in unit tests, `record` elsewhere. */
  spy: SpyMaker<S>;
  /**
   * What app.quit() does. Absent, it only records the call (unit tests emit the events themselves); 'electron'
   * runs Electron's sequence: 'before-quit', every window closed, 'will-quit', 'quit'.
   */
  quit?: 'record' | 'electron';
  /** What app.exit(code) does after recording the call (the boot test ends its child process). */
  onExit?: (code: number) => void;
  /** Told about every message the main side sends to a window (the boot test forwards them to the page). */
  onSend?: (channel: string, args: unknown[]) => void;
  /** Told when Electron's quit sequence has run to its end. */
  onQuit?: () => void;
}

/**
 * Where the boot test leaves the stand-in's hooks before 'electron' is first imported, and finds the stand-in
 * after (electron-module.ts).
 */
export const STAND_IN_KEY = Symbol.for('polku.electron-stand-in');

/** What STAND_IN_KEY holds. */
export interface StandInSlot {
  hooks?: Omit<StandInOptions<Recorded>, 'spy'>;
  standIn?: ElectronStandIn<Recorded>;
}

export type ElectronStandIn<S> = ReturnType<typeof createElectronStandIn<S>>;

/** Creates the stand-in: the module's members, and `control` for the test that drives it. */
export function createElectronStandIn<S>(options: StandInOptions<S>) {
  const spy = options.spy;
  let nextFrameId = 1;

  class FakeWebContents extends Emitter {
    mainFrame = new FakeFrame('', nextFrameId++);
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    destroyed = false;
    send = spy((channel: string, ...args: unknown[]) => options.onSend?.(channel, args));
    printToPDF = spy((_options: Record<string, unknown>) => Promise.resolve(Buffer.from('%PDF-1.7')));
    print = spy((_options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void) =>
      callback(true, ''),
    );
    setWindowOpenHandler = spy((handler: (details: { url: string }) => { action: string }) => {
      this.windowOpenHandler = handler;
    });
    isDestroyed = spy(() => this.destroyed);

    constructor() {
      super();
      return strict(this, 'webContents');
    }
  }

  class FakeBrowserWindow extends Emitter {
    static instances: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    shown = false;
    minimized = false;
    destroyed = false;
    loadedUrls: string[] = [];
    show = spy(() => {
      this.shown = true;
    });
    focus = spy(() => undefined);
    restore = spy(() => {
      this.minimized = false;
    });
    isMinimized = spy(() => this.minimized);
    isDestroyed = spy(() => this.destroyed);
    loadURL = spy((url: string) => {
      this.loadedUrls.push(url);
      return Promise.resolve();
    });
    destroy = spy(() => {
      this.markDestroyed();
    });
    /** As a person closing the window: 'close' (which a listener may cancel), then 'closed'. */
    close = spy(() => {
      if (this.destroyed) return;
      const event = new FakeEvent();
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.markDestroyed();
      this.emit('closed');
      if (FakeBrowserWindow.instances.every((window) => window.destroyed) && !quitting) app.emit('window-all-closed');
    });

    constructor(readonly options: Record<string, unknown>) {
      super();
      const strictWindow = strict(this, 'BrowserWindow');
      FakeBrowserWindow.instances.push(strictWindow);
      // Electron announces every new web contents on the app, before the window is handed back.
      app.emit('web-contents-created', new FakeEvent(), strictWindow.webContents);
      return strictWindow;
    }

    markDestroyed(): void {
      this.destroyed = true;
      this.webContents.destroyed = true;
    }
  }

  class FakeSession extends Emitter {
    beforeRequest: BeforeRequestListener | null = null;
    protocolHandlers = new Map<string, ProtocolHandler>();
    permissionRequestHandler: PermissionRequestHandler | null = null;
    permissionCheckHandler: ((webContents: unknown, permission: string) => boolean) | null = null;
    devicePermissionHandler: ((details: unknown) => boolean) | null = null;
    spellCheckerEnabled = true;
    webRequest = strict(
      {
        onBeforeRequest: spy((listener: BeforeRequestListener) => {
          this.beforeRequest = listener;
        }),
      },
      'session.webRequest',
    );
    protocol = strict(
      {
        handle: spy((scheme: string, handler: ProtocolHandler) => {
          this.protocolHandlers.set(scheme, handler);
        }),
      },
      'session.protocol',
    );
    setPermissionRequestHandler = spy((handler: PermissionRequestHandler | null) => {
      this.permissionRequestHandler = handler;
    });
    setPermissionCheckHandler = spy((handler: FakeSession['permissionCheckHandler']) => {
      this.permissionCheckHandler = handler;
    });
    setDevicePermissionHandler = spy((handler: FakeSession['devicePermissionHandler']) => {
      this.devicePermissionHandler = handler;
    });
    setSpellCheckerEnabled = spy((enabled: boolean) => {
      this.spellCheckerEnabled = enabled;
    });

    constructor(readonly partition: string) {
      super();
      return strict(this, 'Session');
    }
  }

  let quitting = false;

  /** Electron's order on app.quit(): 'before-quit', the windows closed, 'will-quit', 'quit'; each may be cancelled. */
  function quitAsElectronDoes(): void {
    const beforeQuit = new FakeEvent();
    app.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    quitting = true;
    for (const window of FakeBrowserWindow.instances) window.close();
    if (FakeBrowserWindow.instances.some((window) => !window.destroyed)) {
      quitting = false;
      return;
    }
    const willQuit = new FakeEvent();
    app.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      quitting = false;
      return;
    }
    app.emit('quit', new FakeEvent(), 0);
    options.onQuit?.();
  }

  class FakeApp extends Emitter {
    isPackaged = false;
    readyCallbacks: Array<() => void> = [];
    ready = false;
    name = '';
    appPath = '/app';
    setName = spy((name: string) => {
      this.name = name;
    });
    enableSandbox = spy(() => undefined);
    requestSingleInstanceLock = spy(() => true);
    quit = spy(() => {
      if (options.quit === 'electron') quitAsElectronDoes();
    });
    exit = spy((code = 0) => options.onExit?.(code));
    clearRecentDocuments = spy(() => undefined);
    getAppPath = spy(() => this.appPath);
    commandLine = strict({ appendSwitch: spy((_name: string, _value?: string) => undefined) }, 'app.commandLine');
    readonly paths = new Map<string, string>();
    resetPaths(): void {
      this.paths.clear();
      this.paths.set('userData', '/user-data');
    }
    getPath = spy((name: string) => this.paths.get(name) ?? `/${name}`);
    setPath = spy((name: string, path: string) => {
      this.paths.set(name, path);
    });
    whenReady = spy(() => (this.ready ? Promise.resolve() : new Promise<void>((resolve) => this.readyCallbacks.push(resolve))));
  }

  const rawApp = new FakeApp();
  rawApp.resetPaths();
  const app = strict(rawApp, 'app');

  const menu = { current: null as { template: unknown[] } | null };
  const dialogAnswers = { save: [] as SaveAnswer[], open: [] as OpenAnswer[] };
  const handlers = new Map<string, AnyFn>();
  const partitions = new Map<string, FakeSession>();

  const sessionModule = {
    defaultSession: new FakeSession(''),
    partitions,
    fromPartition: spy((partition: string): FakeSession => {
      const existing = partitions.get(partition);
      if (existing) return existing;
      const created = new FakeSession(partition);
      partitions.set(partition, created);
      return created;
    }),
  };

  const members = {
    app,
    BrowserWindow: strict(FakeBrowserWindow, 'BrowserWindow'),
    protocol: strict({ registerSchemesAsPrivileged: spy((_schemes: unknown[]) => undefined) }, 'protocol'),
    session: strict(sessionModule, 'session'),
    ipcMain: strict(
      {
        handlers,
        handle: spy((channel: string, handler: AnyFn) => {
          if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
          handlers.set(channel, handler);
        }),
        removeHandler: spy((channel: string) => {
          handlers.delete(channel);
        }),
      },
      'ipcMain',
    ),
    powerMonitor: strict(
      Object.assign(new Emitter(), {
        idleState: 'active' as 'active' | 'idle' | 'locked' | 'unknown',
        getSystemIdleState: spy(
          (_idleThresholdSeconds: number): 'active' | 'idle' | 'locked' | 'unknown' => members.powerMonitor.idleState,
        ),
      }),
      'powerMonitor',
    ),
    Menu: strict(
      {
        buildFromTemplate: spy((template: unknown[]) => ({ template })),
        setApplicationMenu: spy((built: { template: unknown[] } | null) => {
          menu.current = built;
        }),
      },
      'Menu',
    ),
    dialog: strict(
      {
        showErrorBox: spy((_title: string, _content: string) => undefined),
        // With no answer queued the person cancels, which is what a test that did not expect a dialog should see.
        showSaveDialog: spy((..._args: unknown[]) =>
          Promise.resolve(dialogAnswers.save.shift() ?? { canceled: true, filePath: '' }),
        ),
        showOpenDialog: spy((..._args: unknown[]) =>
          Promise.resolve(dialogAnswers.open.shift() ?? { canceled: true, filePaths: [] as string[] }),
        ),
      },
      'dialog',
    ),
    /** The renderer-side half, for the preload's tests. */
    ipcRenderer: strict(
      Object.assign(new Emitter(), { invoke: spy((..._args: unknown[]): unknown => undefined) }),
      'ipcRenderer',
    ),
    contextBridge: strict({ exposeInMainWorld: spy((_name: string, _api: unknown) => undefined) }, 'contextBridge'),
  };

  const control = {
    FakeBrowserWindow,
    FakeWebContents,
    FakeSession,
    menu,
    dialogAnswers,
    /** Resolves app.whenReady() as Electron does once it has started. */
    becomeReady(): void {
      rawApp.ready = true;
      for (const resolve of rawApp.readyCallbacks) resolve();
      rawApp.readyCallbacks = [];
    },
    /** Back to a freshly started Electron (the recorders are cleared by their maker). */
    reset(): void {
      rawApp.removeAllListeners();
      rawApp.isPackaged = false;
      rawApp.ready = false;
      rawApp.appPath = '/app';
      rawApp.resetPaths();
      rawApp.readyCallbacks = [];
      members.powerMonitor.removeAllListeners();
      members.powerMonitor.idleState = 'active';
      members.ipcRenderer.removeAllListeners();
      handlers.clear();
      partitions.clear();
      sessionModule.defaultSession = new FakeSession('');
      FakeBrowserWindow.instances = [];
      menu.current = null;
      dialogAnswers.save = [];
      dialogAnswers.open = [];
      quitting = false;
    },
  };

  return { members, control };
}
