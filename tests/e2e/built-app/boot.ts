/**
 * Starts the built main bundle (out/main/index.js) in a Node child process where 'electron' is the stand-in, and
 * talks to it: the test plays the parts of Electron's runtime (ready, the window's requests, the renderer's
 * messages, the window closed) through child.ts. The stand-in and the child runner are compiled from their
 * TypeScript here, at test time, so that there is one stand-in, the one the shell's unit tests use.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { nativeBindingPath } from '../../../electron/main/paths';
import { buildDir } from '../../../scripts/build-freshness.mjs';
import type { BootConfig, ChildMessage, ParentRequest, RequestAnswer, StandInReport } from './protocol';

const require = createRequire(import.meta.url);

/** Resolves 'electron' to the compiled stand-in, in the process and in every worker thread it starts. */
const HOOKS = `let electron;
export async function initialize(data) { electron = data.electron; }
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: electron, shortCircuit: true };
  return nextResolve(specifier, context);
}
`;
const REGISTER = `import { register } from 'node:module';
register(new URL('./hooks.mjs', import.meta.url), { data: { electron: new URL('./electron.mjs', import.meta.url).href } });
`;

/** The Node build of the database module (the tests' own), standing in for the Electron build. */
export function nodeDatabaseModule(): string {
  return join(
    dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')),
    'build',
    'Release',
    'better_sqlite3.node',
  );
}

/** The Electron version `npm start` runs (package.json's devDependency). */
export function electronVersion(root: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const version = manifest.devDependencies.electron;
  if (!version) throw new Error('package.json names no Electron version');
  return version.replace(/^[\^~]/, '');
}

let compiled: Promise<{ child: string; register: string }> | null = null;

/** The stand-in as the 'electron' module, the child runner and the resolve hook, compiled once per test worker. */
function compile(root: string): Promise<{ child: string; register: string }> {
  compiled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polku-boot-stand-in-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    // As `npm run preview` builds its harness: Vite's SSR build, packages and 'electron' left to Node's resolution.
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      resolve: { alias: { '@shared': join(root, 'shared') } },
      build: {
        ssr: true,
        outDir: dir,
        emptyOutDir: false,
        target: 'node20',
        rollupOptions: {
          input: {
            electron: join(root, 'electron', 'main', 'testing', 'electron-module.ts'),
            child: join(root, 'tests', 'e2e', 'built-app', 'child.ts'),
          },
          output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
        },
      },
    });
    writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
    writeFileSync(join(dir, 'register.mjs'), REGISTER);
    return { child: join(dir, 'child.mjs'), register: pathToFileURL(join(dir, 'register.mjs')).href };
  })();
  return compiled;
}

/**
 * An app folder as `npm start` runs it: the build (out/, linked), package.json, and the database module where the
 * development shell looks for Electron's build of it (.native/electron-<version>/…) — here the Node build.
 */
export function appFolder(root: string, parent: string, options: { withDevelopmentModule: boolean }): string {
  const appPath = join(parent, 'app');
  mkdirSync(appPath);
  symlinkSync(buildDir(root), join(appPath, 'out'), 'dir');
  symlinkSync(join(root, 'package.json'), join(appPath, 'package.json'));
  if (options.withDevelopmentModule) {
    const binding = nativeBindingPath({ isPackaged: false, appPath, resourcesPath: '', electronVersion: electronVersion(root) });
    mkdirSync(dirname(binding), { recursive: true });
    symlinkSync(nodeDatabaseModule(), binding);
  }
  return appPath;
}

export interface BootedApp {
  child: ChildProcess;
  ask<T>(request: ParentRequest): Promise<T>;
  report(): Promise<StandInReport>;
  request(url: string, method?: string): Promise<RequestAnswer>;
  /** Messages the main side sent to the window, in order. */
  sent: Array<{ channel: string; args: unknown[] }>;
  onSend(listener: (channel: string, args: unknown[]) => void): void;
  /** Resolves with the report at the end of Electron's quit sequence. */
  quit: Promise<{ report: StandInReport; resources: string[] }>;
  /** Resolves with app.exit's code and the report at that moment. */
  exited: Promise<{ code: number; report: StandInReport }>;
  /** Resolves when the process has ended, with its exit code. */
  ended: Promise<number | null>;
  stderr: string[];
  kill(): void;
}

export type BootOptions = Omit<BootConfig, 'bundle' | 'electronVersion'> & { root: string };

/** Starts the built main bundle on the stand-in; resolves once it has been imported and told that Electron is ready. */
export async function bootBuiltApp(options: BootOptions): Promise<BootedApp> {
  const { root, ...rest } = options;
  const { child: childFile, register } = await compile(root);
  const config: BootConfig = {
    ...rest,
    bundle: join(options.appPath, 'out', 'main', 'index.js'),
    electronVersion: electronVersion(root),
  };
  const { POLKU_DATA_DIR: _dataDir, NODE_OPTIONS: _nodeOptions, ELECTRON_RUN_AS_NODE: _asNode, ...env } = process.env;
  const child = fork(childFile, [], {
    cwd: options.appPath,
    execArgv: ['--import', register],
    env: { ...env, POLKU_BOOT_CONFIG: JSON.stringify(config) },
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  child.stdout?.resume();

  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const sent: BootedApp['sent'] = [];
  const sendListeners: Array<(channel: string, args: unknown[]) => void> = [];
  let resolveQuit: (value: { report: StandInReport; resources: string[] }) => void = () => undefined;
  let resolveExit: (value: { code: number; report: StandInReport }) => void = () => undefined;
  let resolveStarted: () => void = () => undefined;
  let rejectStarted: (error: Error) => void = () => undefined;
  const quit = new Promise<{ report: StandInReport; resources: string[] }>((resolve) => (resolveQuit = resolve));
  const exited = new Promise<{ code: number; report: StandInReport }>((resolve) => (resolveExit = resolve));
  const started = new Promise<void>((resolve, reject) => {
    resolveStarted = resolve;
    rejectStarted = reject;
  });
  const ended = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void ended.then((code) => {
    const error = new Error(`the child process ended (code ${code}): ${stderr.join('').slice(-2000)}`);
    rejectStarted(error);
    for (const { reject } of pending.values()) reject(error);
  });

  child.on('message', (raw) => {
    const message = raw as ChildMessage;
    switch (message.type) {
      case 'answer': {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiting?.resolve(message.value);
        else waiting?.reject(new Error(message.error));
        return;
      }
      case 'started':
        return resolveStarted();
      case 'crashed':
        return rejectStarted(new Error(`the built app failed to load: ${message.error}`));
      case 'send':
        sent.push({ channel: message.channel, args: message.args });
        for (const listener of sendListeners) listener(message.channel, message.args);
        return;
      case 'exit':
        return resolveExit({ code: message.code, report: message.report });
      case 'quit':
        return resolveQuit({ report: message.report, resources: message.resources });
    }
  });

  let nextId = 1;
  function ask<T>(request: ParentRequest): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      // After quit the child has let go of the channel; a late message of the page is answered as Electron would not.
      if (!child.connected) return reject(new Error(`the app has quit (asked for ${request.type})`));
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...request, id }, (error) => {
        if (!error) return;
        pending.delete(id);
        reject(error);
      });
    });
  }

  await started;
  return {
    child,
    ask,
    report: () => ask<StandInReport>({ type: 'report' }),
    request: (url, method = 'GET') => ask<RequestAnswer>({ type: 'request', url, method }),
    sent,
    onSend: (listener) => sendListeners.push(listener),
    quit,
    exited,
    ended,
    stderr,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
