/**
 * A stand-in for the 'electron' module in unit tests of the shell (`vi.mock('electron', () => import(...))`).
 * It records what the shell asks of Electron — constructor options, handlers, listeners — so that tests can
 * assert them exactly and call the handlers as Electron would.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A cancellable event as Electron passes it to listeners. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    public frameTreeNodeId: number,
    public parent: FakeFrame | null = null,
  ) {}
}

let nextFrameId = 1;

export class FakeWebContents extends EventEmitter {
  mainFrame = new FakeFrame('', nextFrameId++);
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  printToPDF = vi.fn((_options: Record<string, unknown>) => Promise.resolve(Buffer.from('%PDF-1.7')));
  print = vi.fn((_options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void) =>
    callback(true, ''),
  );
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  isDestroyed = vi.fn(() => false);
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  isDestroyed = vi.fn(() => false);
  loadURL = vi.fn((_url: string) => Promise.resolve());
  destroy = vi.fn(() => {
    this.isDestroyed.mockReturnValue(true);
  });

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class FakeSession extends EventEmitter {
  beforeRequest: BeforeRequestListener | null = null;
  protocolHandlers = new Map<string, ProtocolHandler>();
  permissionRequestHandler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
    null;
  permissionCheckHandler: ((webContents: unknown, permission: string) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  webRequest = {
    onBeforeRequest: vi.fn((listener: BeforeRequestListener) => {
      this.beforeRequest = listener;
    }),
  };
  protocol = {
    handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
      this.protocolHandlers.set(scheme, handler);
    }),
  };
  setPermissionRequestHandler = vi.fn((handler: FakeSession['permissionRequestHandler']) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: FakeSession['permissionCheckHandler']) => {
    this.permissionCheckHandler = handler;
  });
  setDevicePermissionHandler = vi.fn((handler: FakeSession['devicePermissionHandler']) => {
    this.devicePermissionHandler = handler;
  });
  setSpellCheckerEnabled = vi.fn();

  constructor(readonly partition: string) {
    super();
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  readyCallbacks: Array<() => void> = [];
  setName = vi.fn();
  enableSandbox = vi.fn();
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  exit = vi.fn();
  clearRecentDocuments = vi.fn();
  getAppPath = vi.fn(() => '/app');
  commandLine = { appendSwitch: vi.fn() };
  private readonly paths = new Map<string, string>();
  resetPaths(): void {
    this.paths.clear();
    this.paths.set('userData', '/user-data');
  }
  getPath = vi.fn((name: string) => this.paths.get(name) ?? `/${name}`);
  setPath = vi.fn((name: string, path: string) => {
    this.paths.set(name, path);
  });
  whenReady = vi.fn(() => new Promise<void>((resolve) => this.readyCallbacks.push(resolve)));
}

export const app = new FakeApp();
export const protocol = { registerSchemesAsPrivileged: vi.fn() };
export const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleState: vi.fn((_idleThresholdSeconds: number): 'active' | 'idle' | 'locked' | 'unknown' => 'active'),
});
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};
export const dialog = {
  showErrorBox: vi.fn(),
  showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
};
export const session = {
  partitions: new Map<string, FakeSession>(),
  defaultSession: new FakeSession(''),
  fromPartition: vi.fn((partition: string): FakeSession => {
    const existing = session.partitions.get(partition);
    if (existing) return existing;
    const created = new FakeSession(partition);
    session.partitions.set(partition, created);
    return created;
  }),
};
export const BrowserWindow = FakeBrowserWindow;

/** The renderer-side half, for the preload's tests. */
export const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn() });
export const contextBridge = { exposeInMainWorld: vi.fn() };

/** Fresh fakes for the next test. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  app.removeAllListeners();
  app.isPackaged = false;
  app.resetPaths();
  app.readyCallbacks = [];
  powerMonitor.removeAllListeners();
  powerMonitor.getSystemIdleState.mockReturnValue('active');
  ipcRenderer.removeAllListeners();
  session.partitions.clear();
  session.defaultSession = new FakeSession('');
  FakeBrowserWindow.instances = [];
}

/** Resolves app.whenReady() as Electron does once it has started, and lets the ready work run. */
export async function becomeReady(): Promise<void> {
  for (const resolve of app.readyCallbacks) resolve();
  await new Promise((resolve) => setImmediate(resolve));
}
