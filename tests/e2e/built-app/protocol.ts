/** What the boot test and its child process (child.ts) say to each other over the child-process channel. */

/** How the child plays Electron: where the app is, what it is told about itself. */
export interface BootConfig {
  /** The built main bundle, out/main/index.js. */
  bundle: string;
  /** app.getAppPath(): the folder holding out/ and package.json (and .native/ in development). */
  appPath: string;
  userData: string;
  documents: string;
  isPackaged: boolean;
  /** process.resourcesPath of a packaged app. */
  resourcesPath: string | null;
  /** process.versions.electron: the version in package.json, as `npm start` would run. */
  electronVersion: string;
}

export type ParentRequest =
  | { type: 'report' }
  | { type: 'request'; url: string; method: string }
  | { type: 'invoke'; ipcChannel: string; args: unknown[]; frame: { url: string; main: boolean } }
  | { type: 'ready-to-show' }
  | { type: 'power'; event: 'suspend' | 'lock-screen' | 'shutdown' }
  | { type: 'answer-save'; filePath: string }
  | { type: 'close-window' }
  /** What the menu's Quit (role 'quit') and Ctrl+Q do: app.quit(). */
  | { type: 'quit-app' };

export type RequestAnswer =
  | { cancelled: true }
  | { cancelled: false; status: number; headers: Record<string, string>; body: Uint8Array };

export interface WindowReport {
  options: Record<string, unknown>;
  shown: boolean;
  destroyed: boolean;
  loadedUrls: string[];
  /** What the window-open handler answers for a link to elsewhere (null: no handler). */
  windowOpenHandler: { action: string } | null;
  /** The navigation and web-view events that have a listener on the window's web contents. */
  navigationGuards: string[];
}

export interface SessionReport {
  partition: string;
  /** Schemes with a protocol handler on this session. */
  schemes: string[];
  /** Whether the request filter cancels a request to another host (null: no filter). */
  cancelsForeign: boolean | null;
  /** What the permission handler answers (null: no handler). */
  permissionGranted: boolean | null;
  spellChecker: boolean;
}

export interface StandInReport {
  appName: string;
  sandboxed: boolean;
  switches: unknown[][];
  privilegedSchemes: unknown[][];
  windows: WindowReport[];
  sessions: SessionReport[];
  menu: unknown;
  powerListeners: Record<string, number>;
  appListeners: Record<string, number>;
  ipcChannels: string[];
  errorBoxes: unknown[][];
  exits: unknown[][];
  /** Every worker thread the app started, by its script, and how many of them have ended. */
  workers: { files: string[]; ended: number };
}

export type ChildMessage =
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; error: string }
  | { type: 'started' }
  | { type: 'crashed'; error: string }
  | { type: 'send'; channel: string; args: unknown[] }
  | { type: 'exit'; code: number; report: StandInReport }
  | { type: 'quit'; report: StandInReport; resources: string[] };
