/**
 * The stand-in as the 'electron' module itself, for the boot test of the built app: compiled to one ES module and
 * resolved in place of 'electron' in a plain Node process (tests/e2e/built-app/). It exports exactly the members
 * the stand-in implements, so that an import of anything else fails to link. The driving test passes its hooks
 * before the first import and finds the stand-in afterwards, both under STAND_IN_KEY on the global object.
 */
import { createElectronStandIn, record, STAND_IN_KEY, type Recorded, type StandInSlot } from './electron-stand-in';

const scope = globalThis as unknown as Record<symbol, StandInSlot | undefined>;
const slot = (scope[STAND_IN_KEY] ??= {});
const standIn = createElectronStandIn<Recorded>({ ...slot.hooks, spy: record });
slot.standIn = standIn;

export const { app, BrowserWindow, protocol, session, ipcMain, powerMonitor, Menu, dialog, ipcRenderer, contextBridge } =
  standIn.members;
