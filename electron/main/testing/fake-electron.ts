/**
 * The 'electron' module in unit tests of the shell (`vi.mock('electron', () => import(...))`): the stand-in of
 * electron-stand-in.ts with Vitest's spies as its recorders, so that tests can assert calls exactly, change an
 * answer (`mockReturnValue`) and call the recorded handlers as Electron would. Reading an API the stand-in does not
 * implement throws.
 */
import { vi, type Mock, type MockInstance } from 'vitest';
import { createElectronStandIn } from './electron-stand-in';

const spies: Mock[] = [];
const standIn = createElectronStandIn<MockInstance>({
  spy: (implementation) => {
    const made = vi.fn(implementation);
    spies.push(made);
    return made;
  },
});

export { FakeEvent, FakeFrame } from './electron-stand-in';
export const { app, BrowserWindow, protocol, session, ipcMain, powerMonitor, Menu, dialog, ipcRenderer, contextBridge } =
  standIn.members;
export const { FakeBrowserWindow, FakeWebContents, FakeSession } = standIn.control;
export type FakeBrowserWindow = InstanceType<typeof FakeBrowserWindow>;
export type FakeWebContents = InstanceType<typeof FakeWebContents>;
export type FakeSession = InstanceType<typeof FakeSession>;

/** Fresh fakes for the next test: every recorder cleared and back to its own answer, no listener, no window. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  for (const made of spies) made.mockReset();
  standIn.control.reset();
}

/** Resolves app.whenReady() as Electron does once it has started, and lets the ready work run. */
export async function becomeReady(): Promise<void> {
  standIn.control.becomeReady();
  await new Promise((resolve) => setImmediate(resolve));
}
